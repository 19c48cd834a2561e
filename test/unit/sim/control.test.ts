/**
 * The /__sim/ control API, as a test or demo in another process drives it.
 */
import * as assert from 'node:assert/strict';
import { getResult, json, request, useSim } from './helpers';

describe('sim control API', () => {
  const ctx = useSim();
  const control = (path: string, method = 'GET', body?: unknown): ReturnType<typeof request> =>
    request(`${ctx.sim.apiOrigin}/__sim/${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('adds tasks and advances the clock', async () => {
    const { sim } = ctx;
    const added = await control('tasks', 'POST', { id: 'ctl_1', queuedMs: 1_000, processingMs: 1_000, outcome: 'failed', error: 'boom' });
    assert.equal(added.status, 200);
    const state = json(added) as { id: string; status: string; result: { status: string } };
    assert.deepEqual([state.id, state.status, state.result.status], ['ctl_1', 'queued', 'queued']);
    const before = sim.now();
    const adv = await control('advance', 'POST', { ms: 2_000 });
    assert.deepEqual(json(adv), { now: before + 2_000 });
    const r = json(await getResult(sim, 'ctl_1')) as { status: string; error: string };
    assert.deepEqual([r.status, r.error], ['failed', 'boom']);
    const one = json(await control('tasks/ctl_1')) as { status: string };
    assert.equal(one.status, 'failed');
    assert.equal((await control('tasks/none')).status, 404);
  });

  it('rejects bad task specs, duplicate ids and bad advances with 400', async () => {
    assert.equal((await control('tasks', 'POST', { queuedMs: 'soon' })).status, 400);
    assert.equal((await control('tasks', 'POST', { colour: 'red' })).status, 400);
    assert.equal((await control('tasks', 'POST', { queuedMs: -1 })).status, 400);
    assert.equal((await control('tasks', 'POST', { id: 'dup' })).status, 200);
    assert.equal((await control('tasks', 'POST', { id: 'dup' })).status, 400);
    assert.equal((await control('advance', 'POST', { ms: -5 })).status, 400);
    assert.equal((await control('advance', 'POST')).status, 400);
    assert.equal((await control('nope')).status, 404);
  });

  it('injects faults with a target, lists and clears them', async () => {
    const { sim } = ctx;
    sim.addTask({ id: 'f1' });
    sim.addTask({ id: 'f2' });
    const injected = await control('faults', 'POST', { fault: { kind: 'status', code: 502 }, target: { taskId: 'f1', times: 2 } });
    assert.equal(injected.status, 200);
    assert.equal((await getResult(sim, 'f2')).status, 200);
    assert.equal((await getResult(sim, 'f1')).status, 502);
    const pending = json(await control('faults')) as { remaining: number; taskId: string }[];
    assert.deepEqual(pending.map((p) => [p.taskId, p.remaining]), [['f1', 1]]);
    await control('faults', 'DELETE');
    assert.equal((await getResult(sim, 'f1')).status, 200);
    assert.equal((await control('faults', 'POST', { fault: { kind: 'teleport' } })).status, 400);
    assert.equal((await control('faults', 'POST', { fault: { kind: 'html' }, target: { on: 'ftp' } })).status, 400);
    await control('faults', 'POST', { fault: { kind: 'html' }, target: { times: -1 } });
    for (let i = 0; i < 3; i++) assert.match(String((await getResult(sim, 'f2')).headers['content-type']), /text\/html/);
  });

  it('serves the request log, resets it and the stats, and reports state', async () => {
    const { sim } = ctx;
    sim.addTask({ id: 's1', queuedMs: 0, processingMs: 0 });
    await getResult(sim, 's1');
    const log = json(await control('requests')) as { server: string; taskId: string; path: string }[];
    assert.deepEqual(log.map((r) => [r.server, r.taskId, r.path]), [['api', 's1', '/kyyReactApiServer/v1/result/s1']]);
    const state = json(await control('state')) as {
      now: number; clock: string; apiBaseUrl: string; videoOrigin: string; apiKey: string;
      stats: { connections: number }; tasks: { id: string; status: string; videoUrl: string }[];
    };
    assert.equal(state.now, sim.now());
    assert.equal(state.clock, 'manual');
    assert.equal(state.apiBaseUrl, sim.apiBaseUrl);
    assert.equal(state.videoOrigin, sim.videoOrigin);
    assert.equal(state.apiKey, sim.apiKey);
    assert.equal(state.stats.connections, 1);
    assert.deepEqual(state.tasks.map((t) => [t.id, t.status, t.videoUrl]), [['s1', 'completed', sim.videoUrl('s1')]]);
    await control('reset-requests', 'POST');
    await control('reset-stats', 'POST');
    assert.equal(sim.requests.length, 0);
    assert.equal(sim.stats.connections, 0);
  });
});
