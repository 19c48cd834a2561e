/**
 * Every fault kind, observed from a real client.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { FIXTURE_VIDEO } from '../../../sim/simulator';
import { auth, getResult, json, rawRequest, request, resultUrl, useSim } from './helpers';

const fixture = readFileSync(FIXTURE_VIDEO);

describe('sim faults', () => {
  const ctx = useSim();

  function task(): string {
    return ctx.sim.addTask({ queuedMs: 0, processingMs: 1_000 }).id;
  }

  it('status 429 with Retry-After in seconds, as an HTTP date, or absent', async () => {
    const { sim } = ctx;
    const id = task();
    sim.injectFault({ kind: 'status', code: 429, retryAfter: '30' });
    const seconds = await getResult(sim, id);
    assert.equal(seconds.status, 429);
    assert.equal(seconds.headers['retry-after'], '30');
    assert.equal((json(seconds) as { error: { type: string } }).error.type, 'rate_limit_error');
    const date = 'Wed, 21 Oct 2026 07:28:00 GMT';
    sim.injectFault({ kind: 'status', code: 429, retryAfter: date });
    assert.equal((await getResult(sim, id)).headers['retry-after'], date);
    sim.injectFault({ kind: 'status', code: 429 });
    const bare = await getResult(sim, id);
    assert.equal(bare.status, 429);
    assert.equal(bare.headers['retry-after'], undefined);
    assert.equal((await getResult(sim, id)).status, 200);
  });

  it('5xx and 401/403 statuses with JSON, HTML or empty bodies', async () => {
    const { sim } = ctx;
    const id = task();
    const seen: [number, string, string][] = [];
    for (const code of [500, 502, 503, 401, 403]) {
      sim.injectFault({ kind: 'status', code });
      const r = await getResult(sim, id);
      seen.push([r.status, String(r.headers['content-type']).split(';')[0], r.text.slice(0, 6)]);
    }
    assert.deepEqual(seen, [
      [500, 'application/json', '{"erro'],
      [502, 'text/html', '<html>'],
      [503, 'text/html', '<html>'],
      [401, 'application/json', '{"erro'],
      [403, 'application/json', '{"erro'],
    ]);
    sim.injectFault({ kind: 'status', code: 503, body: 'empty' });
    const empty = await getResult(sim, id);
    assert.deepEqual([empty.status, empty.body.length], [503, 0]);
  });

  it('delay answers normally, late by wall-clock time (sim clock untouched)', async () => {
    const { sim } = ctx;
    const id = task();
    const simBefore = sim.now();
    sim.injectFault({ kind: 'delay', ms: 120 });
    const started = Date.now();
    const reply = await getResult(sim, id);
    const took = Date.now() - started;
    assert.equal(reply.status, 200);
    assert.ok(took >= 110, `took ${took} ms`);
    assert.equal(sim.now(), simBefore);
    const quick = Date.now();
    await getResult(sim, id);
    assert.ok(Date.now() - quick < 100);
  });

  it('delay combines with a status fault on the same request', async () => {
    const { sim } = ctx;
    const id = task();
    sim.injectFault({ kind: 'delay', ms: 60 });
    sim.injectFault({ kind: 'status', code: 503 });
    const started = Date.now();
    const reply = await getResult(sim, id);
    assert.equal(reply.status, 503);
    assert.ok(Date.now() - started >= 50);
    assert.deepEqual(sim.requests[0].faults, [{ kind: 'delay', ms: 60 }, { kind: 'status', code: 503 }]);
  });

  it('html: 200 text/html error page', async () => {
    ctx.sim.injectFault({ kind: 'html' });
    const r = await getResult(ctx.sim, task());
    assert.equal(r.status, 200);
    assert.match(String(r.headers['content-type']), /^text\/html/);
    assert.match(r.text, /^<!DOCTYPE html>/);
  });

  it('empty: 200 with no body', async () => {
    ctx.sim.injectFault({ kind: 'empty' });
    const r = await getResult(ctx.sim, task());
    assert.equal(r.status, 200);
    assert.equal(r.headers['content-length'], '0');
    assert.equal(r.body.length, 0);
  });

  it('truncated: 200 with the first half of the JSON, consistent Content-Length', async () => {
    const { sim } = ctx;
    const id = task();
    const full = (await getResult(sim, id)).text;
    sim.injectFault({ kind: 'truncated' });
    const r = await getResult(sim, id);
    assert.equal(r.status, 200);
    assert.equal(r.text, full.slice(0, Math.floor(full.length / 2)));
    assert.equal(r.headers['content-length'], String(r.body.length));
    assert.throws(() => JSON.parse(r.text), SyntaxError);
  });

  it('wrongShape: 200 valid JSON that is not the documented object', async () => {
    ctx.sim.injectFault({ kind: 'wrongShape' });
    const r = await getResult(ctx.sim, task());
    assert.deepEqual(json(r), { data: null });
  });

  it('unknownStatus: the documented object with an unknown status', async () => {
    const { sim } = ctx;
    const id = task();
    sim.injectFault({ kind: 'unknownStatus', status: 'paused' });
    const r = json(await getResult(sim, id)) as Record<string, unknown>;
    assert.deepEqual(r, { ...sim.result(id), status: 'paused' });
    sim.injectFault({ kind: 'unknownStatus' });
    assert.equal((json(await getResult(sim, id)) as { status: string }).status, 'paused');
  });

  it('huge: 200 JSON-ish body of exactly N bytes, with or without Content-Length', async () => {
    const { sim } = ctx;
    const id = task();
    const n = 3 * 1024 * 1024 + 7;
    sim.injectFault({ kind: 'huge', bytes: n });
    const r = await getResult(sim, id);
    assert.equal(r.status, 200);
    assert.equal(r.headers['content-length'], String(n));
    assert.equal(r.body.length, n);
    assert.ok(r.text.startsWith('{"padding":"xxx'));
    assert.ok(r.text.endsWith('xx"}'));
    assert.equal((JSON.parse(r.text) as { padding: string }).padding.length, n - 14);
    sim.injectFault({ kind: 'huge', bytes: 100_000, chunked: true });
    const chunked = await getResult(sim, id);
    assert.equal(chunked.headers['content-length'], undefined);
    assert.equal(chunked.headers['transfer-encoding'], 'chunked');
    assert.equal(chunked.body.length, 100_000);
  });

  it('reset: the client gets the status line, part of the body, then an error', async () => {
    const { sim } = ctx;
    const id = task();
    sim.advance(1_000);
    const full = (await getResult(sim, id)).body;
    sim.injectFault({ kind: 'reset', afterBytes: 40 });
    const out = await rawRequest(resultUrl(sim, id), { headers: auth(sim) });
    assert.equal(out.status, 200);
    assert.equal(out.headers?.['content-length'], String(full.length));
    assert.equal(out.complete, false);
    assert.equal(out.error?.code, 'ECONNRESET');
    assert.ok(out.body.equals(full.subarray(0, 40)));
  });

  it('reset on the video server cuts a download mid-body', async () => {
    const { sim } = ctx;
    const t = sim.addTask({ queuedMs: 0, processingMs: 0 });
    sim.injectFault({ kind: 'reset', afterBytes: 100_000 }, { on: 'video' });
    const out = await rawRequest(sim.videoUrl(t));
    assert.equal(out.status, 200);
    assert.equal(out.headers?.['content-length'], '786272');
    assert.equal(out.complete, false);
    assert.equal(out.error?.code, 'ECONNRESET');
    assert.ok(out.body.length > 0 && out.body.length <= 100_000, `got ${out.body.length} bytes`);
    assert.ok(out.body.equals(fixture.subarray(0, out.body.length)));
  });

  it('stopEarly: full Content-Length, fewer bytes, then the connection ends', async () => {
    const { sim } = ctx;
    const t = sim.addTask({ queuedMs: 0, processingMs: 0, videoBytes: 2_000_000 });
    sim.injectFault({ kind: 'stopEarly', afterBytes: 123_456 });
    const out = await rawRequest(sim.videoUrl(t));
    assert.equal(out.status, 200);
    assert.equal(out.headers?.['content-length'], '2000000');
    assert.equal(out.body.length, 123_456);
    assert.equal(out.complete, false);
    assert.equal(sim.requests[0].server, 'video');
  });

  it('per-task faults hit only that task, `times` times', async () => {
    const { sim } = ctx;
    const a = task();
    const b = task();
    sim.injectFault({ kind: 'status', code: 500 }, { taskId: a, times: 2 });
    const statuses: number[] = [];
    for (const id of [b, a, b, a, a]) statuses.push((await getResult(sim, id)).status);
    assert.deepEqual(statuses, [200, 500, 200, 500, 200]);
    assert.equal(sim.pendingFaults().length, 0);
  });

  it('faults without a task hit any request on their server only', async () => {
    const { sim } = ctx;
    const t = sim.addTask({ queuedMs: 0, processingMs: 0 });
    sim.injectFault({ kind: 'status', code: 503 }, { times: Infinity });
    assert.equal((await request(sim.videoUrl(t))).status, 200);
    assert.equal((await getResult(sim, t.id)).status, 503);
    assert.equal((await getResult(sim, 'vgen_unknown')).status, 503);
    assert.equal((await request(`${sim.apiBaseUrl}/nope`)).status, 503);
    sim.clearFaults();
    assert.equal((await getResult(sim, t.id)).status, 200);
    sim.injectFault({ kind: 'status', code: 403 }, { on: 'video' });
    const denied = await request(sim.videoUrl(t));
    assert.equal(denied.status, 403);
    assert.match(denied.text, /AccessDenied/);
  });

  it('per-request faults via x-sim-fault header or sim_fault query', async () => {
    const { sim } = ctx;
    const id = task();
    const viaHeader = await getResult(sim, id, { 'x-sim-fault': '429:7' });
    assert.deepEqual([viaHeader.status, viaHeader.headers['retry-after']], [429, '7']);
    const viaQuery = await request(`${resultUrl(sim, id)}?sim_fault=wrongShape`, { headers: auth(sim) });
    assert.deepEqual(json(viaQuery), { data: null });
    const viaJson = await getResult(sim, id, { 'x-sim-fault': '{"kind":"unknownStatus","status":"exploded"}' });
    assert.equal((json(viaJson) as { status: string }).status, 'exploded');
    const t = sim.addTask({ queuedMs: 0, processingMs: 0 });
    const early = await rawRequest(`${sim.videoUrl(t)}&sim_fault=stopEarly:1000`);
    assert.deepEqual([early.status, early.body.length, early.complete], [200, 1000, false]);
    const bad = await getResult(sim, id, { 'x-sim-fault': 'bogus' });
    assert.equal(bad.status, 400);
    assert.equal((await getResult(sim, id)).status, 200);
    assert.deepEqual(sim.requests.map((r) => r.faults?.[0]?.kind), ['status', 'wrongShape', 'unknownStatus', 'stopEarly', undefined, undefined]);
  });

  it('close() is quick even with a response stalled in a long delay', async () => {
    const { sim } = ctx;
    sim.injectFault({ kind: 'delay', ms: 60_000 });
    const pending = rawRequest(resultUrl(sim, task()), { headers: auth(sim) });
    while (sim.stats.inFlight === 0) await new Promise((r) => setTimeout(r, 2));
    const started = Date.now();
    await sim.close();
    const out = await pending;
    assert.ok(Date.now() - started < 1_000);
    assert.equal(out.status, undefined);
    assert.ok(out.error);
  });
});
