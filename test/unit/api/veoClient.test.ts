import * as assert from 'node:assert/strict';
import { VeoClient } from '../../../src/api/veoClient';
import { VeoSimulator } from '../../../sim/simulator';

describe('VeoClient against the simulator', () => {
  let sim: VeoSimulator;
  let client: VeoClient;

  beforeEach(async () => {
    sim = await VeoSimulator.start();
    client = new VeoClient({ baseUrl: sim.apiBaseUrl, timeoutMs: 2_000, maxBodyBytes: 64 * 1024 });
  });
  afterEach(async () => {
    await client.close();
    await sim.close();
  });

  it('reads every documented status as the clock advances', async () => {
    const t = sim.addTask({ queuedMs: 1_000, processingMs: 2_000, actualDuration: 8 });
    const f = sim.addTask({ queuedMs: 1_000, processingMs: 2_000, outcome: 'failed', error: 'Content policy violation' });
    const statusOf = async (id: string) => {
      const o = await client.getTask(id, sim.apiKey);
      assert.equal(o.kind, 'ok', JSON.stringify(o));
      return o.kind === 'ok' ? o.result : assert.fail();
    };
    assert.equal((await statusOf(t.id)).status, 'queued');
    sim.advance(1_500);
    const processing = await statusOf(t.id);
    assert.equal(processing.status, 'processing');
    assert.equal(processing.video_url, null);
    sim.advance(2_000);
    const done = await statusOf(t.id);
    assert.equal(done.status, 'completed');
    assert.equal(done.actualDuration, 8);
    assert.ok(done.video_url?.startsWith(sim.videoOrigin), done.video_url ?? '');
    const failed = await statusOf(f.id);
    assert.equal(failed.status, 'failed');
    assert.equal(failed.error, 'Content policy violation');
  });

  it('keeps an unknown status as such', async () => {
    const t = sim.addTask({ status: 'paused' });
    const o = await client.getTask(t.id, sim.apiKey);
    assert.equal(o.kind === 'ok' && o.result.status, 'paused');
  });

  it('encodes an opaque id as one path segment', async () => {
    const t = sim.addTask({ id: 'odd id/with?chars#' });
    const o = await client.getTask(t.id, sim.apiKey);
    assert.equal(o.kind, 'ok');
    assert.equal(sim.requests.at(-1)?.path, '/kyyReactApiServer/v1/result/odd%20id%2Fwith%3Fchars%23');
  });

  for (const id of ['..', '.', '...']) {
    it(`never sends the dot segment "${id}" raw: its dots are percent-encoded`, async () => {
      const o = await client.getTask(id, sim.apiKey);
      const paths = sim.requests.map((r) => r.path);
      assert.deepEqual(paths, [`/kyyReactApiServer/v1/result/${'%2E'.repeat(id.length)}`]);
      assert.ok(!paths.some((p) => /\/\.{1,3}$/.test(p)), paths.join());
      assert.deepEqual(o, { kind: 'notFound' }, 'the server was asked about that id, not about another path');
    });
  }

  it('leaves dots inside an id alone', async () => {
    const t = sim.addTask({ id: 'a..b.c' });
    assert.equal((await client.getTask(t.id, sim.apiKey)).kind, 'ok');
    assert.equal(sim.requests.at(-1)?.path, '/kyyReactApiServer/v1/result/a..b.c');
  });

  it('returns an error outcome, sending nothing, for an id that is not well-formed Unicode or empty', async () => {
    for (const id of ['vgen_\ud800', '\udc00x', '']) {
      const o = await client.getTask(id, sim.apiKey);
      assert.equal(o.kind, 'error', JSON.stringify(id));
      assert.match(o.kind === 'error' ? o.message : '', /cannot be sent/);
    }
    assert.equal(sim.requests.length, 0);
    assert.equal(client.resultPath('\ud800'), undefined);
  });

  it('caps and cleans the text fields the server sends', async () => {
    const t = sim.addTask({ status: `paused\u0000\u202e${'p'.repeat(300)}` });
    const f = sim.addTask({ queuedMs: 0, processingMs: 0, outcome: 'failed', error: `boom\n[info] forged line\u202e${'e'.repeat(5_000)}` });
    sim.advance(1);
    const paused = await client.getTask(t.id, sim.apiKey);
    assert.equal(paused.kind === 'ok' && paused.result.status, `paused${'p'.repeat(122)}`);
    const failed = await client.getTask(f.id, sim.apiKey);
    const error = failed.kind === 'ok' ? (failed.result.error ?? '') : '';
    assert.equal(error.length, 2048);
    assert.ok(error.startsWith('boom [info] forged line'), error.slice(0, 40));
  });

  it('classifies 401, 403 and 404', async () => {
    const t = sim.addTask();
    assert.deepEqual(await client.getTask(t.id, 'wrong-key'), { kind: 'unauthorized', status: 401 });
    sim.injectFault({ kind: 'status', code: 403 });
    assert.deepEqual(await client.getTask(t.id, sim.apiKey), { kind: 'unauthorized', status: 403 });
    assert.deepEqual(await client.getTask('vgen_nope', sim.apiKey), { kind: 'notFound' });
  });

  it('reads Retry-After in seconds and as an HTTP date on 429', async () => {
    const t = sim.addTask();
    sim.injectFault({ kind: 'status', code: 429, retryAfter: '30' });
    assert.deepEqual(await client.getTask(t.id, sim.apiKey), { kind: 'rateLimited', retryAfterMs: 30_000 });
    sim.injectFault({ kind: 'status', code: 429, retryAfter: new Date(Date.now() + 120_000).toUTCString() });
    const o = await client.getTask(t.id, sim.apiKey);
    assert.equal(o.kind, 'rateLimited');
    const ms = o.kind === 'rateLimited' ? (o.retryAfterMs ?? 0) : 0;
    assert.ok(ms > 110_000 && ms <= 120_000, String(ms));
    sim.injectFault({ kind: 'status', code: 429 });
    assert.deepEqual(await client.getTask(t.id, sim.apiKey), { kind: 'rateLimited', retryAfterMs: undefined });
  });

  for (const code of [500, 502, 503]) {
    it(`reports HTTP ${code} as an error`, async () => {
      const t = sim.addTask();
      sim.injectFault({ kind: 'status', code });
      assert.deepEqual(await client.getTask(t.id, sim.apiKey), { kind: 'error', message: `HTTP ${code} from the VEO API` });
    });
  }

  const badBodies: Array<[string, Parameters<VeoSimulator['injectFault']>[0], RegExp]> = [
    ['an HTML page', { kind: 'html' }, /HTML page/],
    ['an empty body', { kind: 'empty' }, /empty/],
    ['truncated JSON', { kind: 'truncated' }, /not valid JSON/],
    ['JSON of another shape', { kind: 'wrongShape' }, /no "status"/],
    ['a body over the size cap', { kind: 'huge', bytes: 200 * 1024 }, /larger than 64 KiB/],
    ['a chunked body over the size cap', { kind: 'huge', bytes: 200 * 1024, chunked: true }, /larger than 64 KiB/],
    ['a connection reset mid-body', { kind: 'reset' }, /connection lost|other side closed|terminated/i],
  ];
  for (const [what, fault, message] of badBodies) {
    it(`turns ${what} into an error, never a status`, async () => {
      const t = sim.addTask();
      sim.injectFault(fault, { taskId: t.id });
      const o = await client.getTask(t.id, sim.apiKey);
      assert.equal(o.kind, 'error', JSON.stringify(o));
      assert.match(o.kind === 'error' ? o.message : '', message);
    });
  }

  it('times out a slow response', async () => {
    const fast = new VeoClient({ baseUrl: sim.apiBaseUrl, timeoutMs: 200 });
    try {
      const t = sim.addTask();
      sim.injectFault({ kind: 'delay', ms: 1_000 });
      assert.deepEqual(await fast.getTask(t.id, sim.apiKey), { kind: 'error', message: 'no answer within 0 s' });
    } finally {
      await fast.close();
    }
  });

  it('sends the key to the API origin only, as a Bearer header', async () => {
    const t = sim.addTask({ queuedMs: 0, processingMs: 0 });
    const o = await client.getTask(t.id, sim.apiKey);
    assert.equal(o.kind, 'ok');
    const api = sim.requests.filter((r) => r.server === 'api');
    assert.equal(api.length, 1);
    assert.equal(api[0].headers.authorization, `Bearer ${sim.apiKey}`);
    assert.equal(sim.requests.filter((r) => r.server === 'video').length, 0);
  });

  it('reuses keep-alive connections: never more than the pool size', async () => {
    const pooled = new VeoClient({ baseUrl: sim.apiBaseUrl, connections: 2 });
    try {
      const t = sim.addTask();
      await Promise.all(Array.from({ length: 20 }, () => pooled.getTask(t.id, sim.apiKey)));
      for (let i = 0; i < 10; i++) await pooled.getTask(t.id, sim.apiKey);
      assert.equal(sim.requests.length, 30);
      assert.equal(sim.stats.connections, 2);
    } finally {
      await pooled.close();
    }
  });
});
