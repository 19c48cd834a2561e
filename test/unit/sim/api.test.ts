/**
 * The simulated VEO API over real sockets.
 */
import * as assert from 'node:assert/strict';
import { auth, getResult, json, request, resultUrl, useSim } from './helpers';

describe('sim API: GET /v1/result/{id}', () => {
  const ctx = useSim();

  it('answers 401 with a JSON error for a missing or wrong key', async () => {
    const { sim } = ctx;
    const task = sim.addTask();
    const missing = await request(resultUrl(sim, task.id));
    assert.equal(missing.status, 401);
    assert.match(String(missing.headers['content-type']), /^application\/json/);
    assert.deepEqual(Object.keys(json(missing) as object), ['error']);
    assert.equal((json(missing) as { error: { type: string } }).error.type, 'authentication_error');
    const wrong = await request(resultUrl(sim, task.id), { headers: { authorization: 'Bearer sim-wrong' } });
    assert.equal(wrong.status, 401);
    const notBearer = await request(resultUrl(sim, task.id), { headers: { authorization: sim.apiKey } });
    assert.equal(notBearer.status, 401);
  });

  it('accepts the key with any case of "Bearer" and honours apiKey/basePath options', async () => {
    const { sim } = ctx;
    const task = sim.addTask();
    const reply = await request(resultUrl(sim, task.id), { headers: { authorization: `bearer ${sim.apiKey}` } });
    assert.equal(reply.status, 200);
    assert.match(sim.apiKey, /^sim-[0-9a-f]{32}$/);
    assert.match(sim.apiBaseUrl, /^http:\/\/127\.0\.0\.1:\d+\/kyyReactApiServer$/);
    assert.notEqual(new URL(sim.apiBaseUrl).port, new URL(sim.videoOrigin).port);
  });

  it('answers 404 with a JSON error for an unknown id', async () => {
    const reply = await getResult(ctx.sim, 'vgen_doesnotexist');
    assert.equal(reply.status, 404);
    assert.equal((json(reply) as { error: { type: string } }).error.type, 'not_found_error');
  });

  it('walks queued -> processing -> completed with exactly the documented fields', async () => {
    const { sim } = ctx;
    const task = sim.addTask({ id: 'vgen_abc123def456', queuedMs: 20_000, processingMs: 60_000 });
    const created = Math.floor(sim.now() / 1000);
    const queued = await getResult(sim, task.id);
    assert.equal(queued.status, 200);
    assert.match(String(queued.headers['content-type']), /^application\/json/);
    assert.deepEqual(json(queued), {
      id: 'vgen_abc123def456', object: 'video', created, model: 'veo_3_1_fast', status: 'queued', video_url: null, error: null,
    });
    sim.advance(20_000);
    assert.deepEqual(json(await getResult(sim, task.id)), {
      id: 'vgen_abc123def456', object: 'video', created, model: 'veo_3_1_fast', status: 'processing', video_url: null, error: null,
    });
    sim.advance(59_999);
    assert.equal((json(await getResult(sim, task.id)) as { status: string }).status, 'processing');
    sim.advance(1);
    const done = json(await getResult(sim, task.id)) as Record<string, unknown>;
    assert.deepEqual(Object.keys(done), ['id', 'object', 'created', 'model', 'status', 'video_url', 'actualDuration', 'error']);
    assert.equal(done.status, 'completed');
    assert.equal(done.actualDuration, 8);
    assert.equal(done.error, null);
    assert.equal(done.video_url, sim.videoUrl(task));
    assert.ok(String(done.video_url).startsWith(`${sim.videoOrigin}/videos/vgen_abc123def456.mp4?expires=`));
  });

  it('reports failed tasks with their error and no video', async () => {
    const { sim } = ctx;
    const task = sim.addTask({ outcome: 'failed', error: 'Prompt rejected', queuedMs: 0, processingMs: 1_000, model: 'veo_3_1_pro' });
    sim.advance(1_000);
    const body = json(await getResult(sim, task.id)) as Record<string, unknown>;
    assert.deepEqual(
      { status: body.status, error: body.error, video_url: body.video_url, model: body.model, hasDuration: 'actualDuration' in body },
      { status: 'failed', error: 'Prompt rejected', video_url: null, model: 'veo_3_1_pro', hasDuration: false },
    );
  });

  it('reports a forced unknown status forever', async () => {
    const { sim } = ctx;
    const task = sim.addTask({ status: 'exploded' });
    sim.advance(10 * 86_400_000);
    const body = json(await getResult(sim, task.id)) as Record<string, unknown>;
    assert.equal(body.status, 'exploded');
    assert.equal(body.video_url, null);
    assert.equal(body.error, null);
  });

  it('percent-decodes the id as one opaque path segment', async () => {
    const { sim } = ctx;
    const id = 'weird id/with%slash?&#';
    sim.addTask({ id, status: 'processing' });
    const url = `${sim.apiBaseUrl}/v1/result/${encodeURIComponent(id)}`;
    assert.ok(url.includes('%2F'));
    const reply = await request(url, { headers: auth(sim) });
    assert.equal(reply.status, 200);
    assert.equal((json(reply) as { id: string }).id, id);
    // The unencoded slash makes two segments: no such route.
    const split = await request(`${sim.apiBaseUrl}/v1/result/weird%20id/with%25slash`, { headers: auth(sim) });
    assert.equal(split.status, 404);
    assert.equal(sim.requests.at(0)?.taskId, id);
  });

  it('answers 404 for unknown paths and 405 for wrong methods', async () => {
    const { sim } = ctx;
    const task = sim.addTask();
    assert.equal((await request(`${sim.apiBaseUrl}/v1/nothing`, { headers: auth(sim) })).status, 404);
    assert.equal((await request(`${sim.apiOrigin}/v1/result/${task.id}`, { headers: auth(sim) })).status, 404);
    const del = await request(resultUrl(sim, task.id), { method: 'DELETE', headers: auth(sim) });
    assert.equal(del.status, 405);
    assert.equal(del.headers.allow, 'GET');
    const getCreate = await request(`${sim.apiBaseUrl}/v1/veo/videos`, { headers: auth(sim) });
    assert.equal(getCreate.status, 405);
    assert.equal(getCreate.headers.allow, 'POST');
  });
});

describe('sim API: POST /v1/veo/videos', () => {
  const ctx = useSim();
  const post = (body: string, headers: Record<string, string> = {}): ReturnType<typeof request> =>
    request(`${ctx.sim.apiBaseUrl}/v1/veo/videos`, {
      method: 'POST',
      headers: { ...auth(ctx.sim), 'content-type': 'application/json', ...headers },
      body,
    });

  it('creates a queued task that then runs on the default timeline', async () => {
    const { sim } = ctx;
    const reply = await post(JSON.stringify({ model: 'veo_3_1_pro', prompt: 'a red fox', resolution: '1080P', aspect_ratio: '9:16' }));
    assert.equal(reply.status, 200);
    const body = json(reply) as Record<string, unknown>;
    assert.deepEqual(Object.keys(body), ['id', 'object', 'created', 'model', 'status']);
    assert.match(String(body.id), /^vgen_[0-9a-f]{12}$/);
    assert.deepEqual([body.object, body.model, body.status, body.created], ['video', 'veo_3_1_pro', 'queued', Math.floor(sim.now() / 1000)]);
    const task = sim.task(String(body.id));
    assert.ok(task);
    assert.deepEqual(task.request, { model: 'veo_3_1_pro', prompt: 'a red fox', resolution: '1080P', aspect_ratio: '9:16' });
    sim.advance(80_000);
    assert.equal((json(await getResult(sim, task.id)) as { status: string }).status, 'completed');
    assert.equal(sim.requests[0].body, JSON.stringify({ model: 'veo_3_1_pro', prompt: 'a red fox', resolution: '1080P', aspect_ratio: '9:16' }));
  });

  it('answers 400 with a JSON error for invalid bodies and adds no task', async () => {
    const { sim } = ctx;
    const bad = [
      'not json',
      '',
      JSON.stringify({ prompt: 'x' }),
      JSON.stringify({ model: 'veo_3_1_fast' }),
      JSON.stringify({ model: 'veo_3_1_fast_stable', prompt: 'x', resolution: '4K' }),
      JSON.stringify({ model: 'veo_3_1_fast', prompt: 'x', image_urls: ['https://a', 'https://b', 'https://c', 'https://d'] }),
    ];
    for (const body of bad) {
      const reply = await post(body);
      assert.equal(reply.status, 400, body);
      assert.equal((json(reply) as { error: { type: string } }).error.type, 'invalid_request_error');
    }
    assert.equal(sim.allTasks().length, 0);
  });

  it('needs the key too', async () => {
    const reply = await post(JSON.stringify({ model: 'veo_3_1_fast', prompt: 'x' }), { authorization: 'Bearer nope' });
    assert.equal(reply.status, 401);
    assert.equal(ctx.sim.allTasks().length, 0);
  });
});
