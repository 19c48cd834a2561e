/**
 * Odd but well-formed answers: oversized fields, strange Retry-After values,
 * a proxy's one-off HTML 404, and link markup in a task's error.
 */
import * as assert from 'node:assert/strict';
import type { TaskResultJson } from '../../../sim/simulator';
import { auth, getResult, json, request, resultUrl, useSim } from './helpers';

const LINK_ERROR = 'Blocked. [Retry](command:workbench.action.closeWindow "Retry")';

describe('sim oversized fault', () => {
  const ctx = useSim();

  it('pads each field to exactly N characters and leaves the others as documented', async () => {
    const { sim } = ctx;
    const t = sim.addTask({ queuedMs: 0, processingMs: 0, outcome: 'failed', error: 'boom' });
    for (const field of ['status', 'model', 'error', 'id'] as const) {
      sim.injectFault({ kind: 'oversized', field, bytes: 5_000 });
      const r = json(await getResult(sim, t.id)) as Record<string, unknown>;
      const value = String(r[field]);
      assert.equal(value.length, 5_000, field);
      assert.ok(value.startsWith(String(sim.result(t)[field])), field);
      assert.match(value, /x{100}$/);
      assert.deepEqual({ ...r, [field]: null }, { ...sim.result(t), [field]: null });
    }
  });

  it('video_url: a valid https URL whose path is padded, Content-Length consistent', async () => {
    const { sim } = ctx;
    const t = sim.addTask({ queuedMs: 0, processingMs: 0 });
    const bytes = 3 * 1024 * 1024;
    const reply = await getResult(sim, t.id, { 'x-sim-fault': `oversized:video_url:${bytes}` });
    assert.equal(reply.status, 200);
    assert.equal(reply.headers['content-length'], String(reply.body.length));
    const r = json(reply) as TaskResultJson;
    assert.equal(r.video_url?.length, bytes);
    const url = new URL(String(r.video_url));
    assert.equal(url.protocol, 'https:');
    assert.match(url.pathname, /^\/x+\.mp4$/);
    assert.equal(r.status, 'completed');
  });

  it('id: the padded id no longer matches the task asked about', async () => {
    const { sim } = ctx;
    const t = sim.addTask({ id: 'vgen_abc123def456' });
    const r = json(await request(`${resultUrl(sim, t.id)}?sim_fault=oversized:id:64`, { headers: auth(sim) })) as TaskResultJson;
    assert.equal(r.id, 'vgen_abc123def456' + 'x'.repeat(47));
    assert.notEqual(r.id, t.id);
  });

  it('is armed through the control API like any other fault', async () => {
    const { sim } = ctx;
    const t = sim.addTask();
    const armed = await request(`${sim.apiOrigin}/__sim/faults`, {
      method: 'POST',
      body: JSON.stringify({ fault: { kind: 'oversized', field: 'model', bytes: 300 }, target: { taskId: t.id } }),
    });
    assert.equal(armed.status, 200);
    assert.equal((json(await getResult(sim, t.id)) as TaskResultJson).model.length, 300);
    assert.equal((json(await getResult(sim, t.id)) as TaskResultJson).model, 'veo_3_1_fast');
  });

  it('a value longer than N is cut; unknown fields and too-short URLs are refused', async () => {
    const { sim } = ctx;
    const t = sim.addTask({ queuedMs: 0, processingMs: 0, outcome: 'failed', error: 'boom' });
    const cut = json(await getResult(sim, t.id, { 'x-sim-fault': 'oversized:error:2' })) as TaskResultJson;
    assert.equal(cut.error, 'bo');
    const bad = await getResult(sim, t.id, { 'x-sim-fault': 'oversized:colour:10' });
    assert.equal(bad.status, 400);
    assert.match(bad.text, /oversized field must be one of status, model, error, video_url, id/);
    assert.match((await getResult(sim, t.id, { 'x-sim-fault': 'oversized:video_url:5' })).text, /oversized bytes must be an integer >= 32/);
  });
});

describe('sim Retry-After oddities and proxy pages', () => {
  const ctx = useSim();

  it('sends odd Retry-After values verbatim, by header and by query', async () => {
    const { sim } = ctx;
    const id = sim.addTask().id;
    for (const value of ['0', '99999999999', '-5', 'abc', 'Wed, 21 Oct 2015 07:28:00 GMT']) {
      const viaHeader = await getResult(sim, id, { 'x-sim-fault': `429:${value}` });
      assert.deepEqual([viaHeader.status, viaHeader.headers['retry-after']], [429, value]);
      const viaQuery = await request(`${resultUrl(sim, id)}?sim_fault=${encodeURIComponent(`429:${value}`)}`, { headers: auth(sim) });
      assert.deepEqual([viaQuery.status, viaQuery.headers['retry-after']], [429, value]);
    }
    sim.injectFault({ kind: 'status', code: 429, retryAfter: '-5' });
    assert.equal((await getResult(sim, id)).headers['retry-after'], '-5');
  });

  it('a one-off 404 with an HTML body, then the normal answer', async () => {
    const { sim } = ctx;
    const id = sim.addTask().id;
    sim.injectFault({ kind: 'status', code: 404, body: 'html' }, { times: 1 });
    const page = await getResult(sim, id);
    assert.equal(page.status, 404);
    assert.match(String(page.headers['content-type']), /^text\/html/);
    assert.match(page.text, /<title>404 Not Found<\/title>/);
    assert.equal((await getResult(sim, id)).status, 200);
  });

  it('<code>:html|json|xml|empty picks the body, on the API and the video host', async () => {
    const { sim } = ctx;
    const t = sim.addTask({ queuedMs: 0, processingMs: 0 });
    const seen: [number, string, string | undefined][] = [];
    for (const spec of ['404:html', '404:json', '404:xml', '404:empty', '503:empty:30']) {
      const r = await getResult(sim, t.id, { 'x-sim-fault': spec });
      seen.push([r.status, String(r.headers['content-type'] ?? '').split(';')[0] + ' ' + r.text.slice(0, 5), r.headers['retry-after']]);
    }
    assert.deepEqual(seen, [
      [404, 'text/html <html', undefined],
      [404, 'application/json {"err', undefined],
      [404, 'application/xml <?xml', undefined],
      [404, ' ', undefined],
      [503, ' ', '30'],
    ]);
    const video = await request(`${sim.videoUrl(t)}&sim_fault=404:html`);
    assert.equal(video.status, 404);
    assert.match(video.text, /^<html>/);
  });
});

describe('sim task error text', () => {
  const ctx = useSim();

  it('returns link markup in a failed task\'s error verbatim', async () => {
    const { sim } = ctx;
    const t = sim.addTask({ queuedMs: 0, processingMs: 0, outcome: 'failed', error: LINK_ERROR });
    const reply = await getResult(sim, t.id);
    assert.equal((json(reply) as TaskResultJson).error, LINK_ERROR);
    assert.ok(reply.text.includes('"error":"Blocked. [Retry](command:workbench.action.closeWindow \\"Retry\\")"'));
  });

  it('takes the same error through the control API', async () => {
    const { sim } = ctx;
    const added = await request(`${sim.apiOrigin}/__sim/tasks`, {
      method: 'POST',
      body: JSON.stringify({ id: 'ctl_link', queuedMs: 0, processingMs: 0, outcome: 'failed', error: LINK_ERROR }),
    });
    assert.equal(added.status, 200);
    const r = json(await getResult(sim, 'ctl_link')) as TaskResultJson;
    assert.deepEqual([r.status, r.error], ['failed', LINK_ERROR]);
  });
});
