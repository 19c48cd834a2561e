// VeoClient.createTask against the simulator over real sockets: the POST as built, the id it
// returns usable at once, every refusal classified, and the key sent to the API origin only.
import * as assert from 'node:assert/strict';
import { VeoClient } from '../../../src/api/veoClient';
import { checkRequest, requestBody, VideoRequest } from '../../../src/request/videoRequest';
import { VeoSimulator } from '../../../sim/simulator';

const IMG = (n: number): string => `https://img.example/${n}.png`;

function valid(raw: Record<string, unknown>): VideoRequest {
  const c = checkRequest(raw);
  assert.ok(c.ok, JSON.stringify(c));
  return c.request;
}

const TEXT = valid({ prompt: 'a red fox in the snow,\n"slow" pan', model: 'veo_3_1_pro', resolution: '4k', aspectRatio: '9:16', mode: 'text' });
const REFERENCE = valid({ prompt: 'the same fox', model: 'veo_3_1_fast', resolution: '1080p', mode: 'reference', referenceImages: [IMG(1), IMG(2), IMG(3)] });
const FRAMES = valid({ prompt: 'dawn to dusk', model: 'veo_3_1_fast_stable', mode: 'frames', firstFrame: IMG(1), lastFrame: IMG(2) });

describe('VeoClient.createTask against the simulator', () => {
  let sim: VeoSimulator;
  let client: VeoClient;

  beforeEach(async () => {
    sim = await VeoSimulator.start();
    client = new VeoClient({ baseUrl: sim.apiBaseUrl, timeoutMs: 5_000 });
  });
  afterEach(async () => {
    await client.close();
    await sim.close();
  });

  it('creates a task whose id is then queryable with getTask', async () => {
    for (const req of [TEXT, REFERENCE, FRAMES]) {
      const o = await client.createTask(requestBody(req), sim.apiKey);
      assert.equal(o.kind, 'created', JSON.stringify(o));
      if (o.kind !== 'created') continue;
      assert.match(o.id, /^vgen_[0-9a-f]{12}$/);
      assert.equal(sim.task(o.id)?.model, req.model);
      const q = await client.getTask(o.id, sim.apiKey);
      assert.equal(q.kind, 'ok', JSON.stringify(q));
      assert.deepEqual(q.kind === 'ok' && [q.result.id, q.result.model, q.result.status], [o.id, req.model, 'queued']);
    }
    assert.equal(sim.allTasks().length, 3);
  });

  it('sends the body exactly as built, as JSON, with the key, to {baseUrl}/v1/veo/videos', async () => {
    for (const req of [TEXT, REFERENCE, FRAMES]) {
      sim.clearRequests();
      const body = requestBody(req);
      const o = await client.createTask(body, sim.apiKey);
      assert.equal(o.kind, 'created');
      assert.equal(sim.requests.length, 1);
      const [logged] = sim.requests;
      assert.deepEqual([logged.server, logged.method, logged.path, logged.status], ['api', 'POST', '/kyyReactApiServer/v1/veo/videos', 200]);
      assert.equal(logged.body, JSON.stringify(body));
      assert.deepEqual(JSON.parse(logged.body ?? ''), body);
      assert.equal(logged.headers.authorization, `Bearer ${sim.apiKey}`);
      assert.equal(logged.headers['content-type'], 'application/json');
      assert.equal(logged.headers['content-length'], String(Buffer.byteLength(JSON.stringify(body))));
      assert.deepEqual(sim.task(o.kind === 'created' ? o.id : '')?.request, body);
    }
  });

  it('a 400 refusal carries the simulator\'s message; no task', async () => {
    const o = await client.createTask({ model: 'veo_3_1_fast_stable', prompt: 'text only' }, sim.apiKey);
    assert.equal(o.kind, 'refused');
    assert.equal(o.kind === 'refused' && o.status, 400);
    assert.match(o.kind === 'refused' ? String(o.message) : '', /^veo_3_1_fast_stable supports first\/last frame mode only/);
    const mixed = await client.createTask({ ...requestBody(REFERENCE), first_image: IMG(9) }, sim.apiKey);
    assert.match(mixed.kind === 'refused' ? String(mixed.message) : JSON.stringify(mixed), /cannot be combined/);
    assert.equal(sim.allTasks().length, 0);
  });

  it('401 with a wrong key, 403 from a proxy', async () => {
    assert.deepEqual(await client.createTask(requestBody(TEXT), 'not-the-key'), { kind: 'unauthorized', status: 401 });
    sim.injectFault({ kind: 'status', code: 403 }, { times: 1 });
    assert.deepEqual(await client.createTask(requestBody(TEXT), sim.apiKey), { kind: 'unauthorized', status: 403 });
    assert.equal(sim.allTasks().length, 0);
  });

  it('429 with Retry-After (an injected fault hits the POST), then without', async () => {
    sim.injectFault({ kind: 'status', code: 429, retryAfter: '30' }, { times: 1 });
    const limited = await client.createTask(requestBody(TEXT), sim.apiKey);
    assert.deepEqual(limited, { kind: 'rateLimited', retryAfterMs: 30_000, message: 'Rate limit exceeded: too many requests, please slow down' });
    assert.deepEqual(sim.requests[0].faults, [{ kind: 'status', code: 429, retryAfter: '30' }]);
    sim.injectFault({ kind: 'status', code: 429, body: 'empty' }, { times: 1 });
    assert.deepEqual(await client.createTask(requestBody(TEXT), sim.apiKey), { kind: 'rateLimited', retryAfterMs: undefined, message: undefined });
    assert.equal(sim.allTasks().length, 0);
    // the fault was used up: the next one goes through
    assert.equal((await client.createTask(requestBody(TEXT), sim.apiKey)).kind, 'created');
  });

  it('503 (a proxy\'s HTML page): an error that says the task may exist', async () => {
    sim.injectFault({ kind: 'status', code: 503, retryAfter: '10' }, { times: 1 });
    assert.deepEqual(await client.createTask(requestBody(TEXT), sim.apiKey), { kind: 'error', message: 'HTTP 503 from the VEO API', unsure: true });
    sim.injectFault({ kind: 'status', code: 500 }, { times: 1 });
    assert.deepEqual(await client.createTask(requestBody(TEXT), sim.apiKey), { kind: 'error', message: 'HTTP 500 from the VEO API: Internal Server Error', unsure: true });
  });

  it('a 200 that is a web page, empty or has no id: unsure', async () => {
    for (const fault of [{ kind: 'html' }, { kind: 'empty' }, { kind: 'wrongShape' }] as const) {
      sim.injectFault(fault, { times: 1 });
      const o = await client.createTask(requestBody(TEXT), sim.apiKey);
      assert.equal(o.kind === 'error' && o.unsure, true, JSON.stringify(o));
    }
  });

  it('an answer lost after the task was made: unsure, and never sent twice', async () => {
    for (const fault of [{ kind: 'reset', afterBytes: 10 }, { kind: 'truncated' }] as const) {
      sim.clearRequests();
      const before = sim.allTasks().length;
      sim.injectFault(fault, { times: 1 });
      const o = await client.createTask(requestBody(TEXT), sim.apiKey);
      assert.equal(o.kind, 'error', JSON.stringify(o));
      assert.equal(o.kind === 'error' && o.unsure, true, JSON.stringify(o));
      assert.equal(sim.allTasks().length, before + 1, 'the task exists on the server');
      assert.equal(sim.requests.filter((r) => r.method === 'POST').length, 1, 'one call, one POST');
    }
  });

  it('a server that cannot be reached: an error, and sure that no task was made', async () => {
    const gone = await VeoSimulator.start();
    const baseUrl = gone.apiBaseUrl;
    await gone.close();
    const offline = new VeoClient({ baseUrl });
    try {
      const o = await offline.createTask(requestBody(TEXT), sim.apiKey);
      assert.equal(o.kind, 'error');
      assert.equal(o.kind === 'error' && o.unsure, false, JSON.stringify(o));
      assert.match(o.kind === 'error' ? o.message : '', /connection refused/);
    } finally {
      await offline.close();
    }
  });

  it('cancelled by the caller while the server is slow: unsure', async () => {
    sim.injectFault({ kind: 'delay', ms: 30_000 }, { times: 1 });
    const abort = new AbortController();
    const pending = client.createTask(requestBody(TEXT), sim.apiKey, abort.signal);
    while (sim.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    abort.abort();
    const o = await pending;
    assert.deepEqual(o, { kind: 'error', message: 'request cancelled', unsure: true });
  });

  it('waits for a slow create longer than the query timeout (creating may take longer)', async () => {
    // timeoutMs is the query timeout; createTask has its own, CREATE_TIMEOUT_MS (60 s).
    const quick = new VeoClient({ baseUrl: sim.apiBaseUrl, timeoutMs: 200 });
    try {
      sim.injectFault({ kind: 'delay', ms: 1_000 }, { times: 1 });
      const o = await quick.createTask(requestBody(TEXT), sim.apiKey);
      assert.equal(o.kind, 'created', `the pool's query timeout cut the create short: ${JSON.stringify(o)}`);
    } finally {
      await quick.close();
    }
  });

  it('sends the key to the API origin only: a redirect elsewhere is not followed', async () => {
    const elsewhere = await VeoSimulator.start();
    try {
      const to = `${elsewhere.apiBaseUrl}/v1/veo/videos`;
      sim.injectFault({ kind: 'redirect', hops: 1, code: 307, to }, { times: 1, on: 'api' });
      const o = await client.createTask(requestBody(TEXT), sim.apiKey);
      assert.equal(o.kind, 'error', JSON.stringify(o));
      assert.match(o.kind === 'error' ? o.message : '', /HTTP 307/);
      assert.deepEqual(elsewhere.requests, [], 'nothing reached the other origin');
      assert.equal(sim.requests.length, 1);
      assert.equal(sim.requests[0].headers.authorization, `Bearer ${sim.apiKey}`);
    } finally {
      await elsewhere.close();
    }
  });
});
