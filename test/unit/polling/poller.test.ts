import * as assert from 'node:assert/strict';
import type { QueryOutcome } from '../../../src/api/queryOutcome';
import { VeoClient } from '../../../src/api/veoClient';
import { Poller, PollerOptions } from '../../../src/polling/poller';
import { VeoSimulator } from '../../../sim/simulator';
import { FakeClock } from '../helpers/fakeClock';

const INTERVAL = 30_000;
const FOREVER = 1e12;

describe('Poller against the simulator (fake clock)', () => {
  let sim: VeoSimulator;
  let client: VeoClient;
  let clock: FakeClock;
  let poller: Poller;
  let outcomes: Array<{ id: string; outcome: QueryOutcome; next: number | undefined; at: number }>;

  function startPoller(overrides: Partial<PollerOptions> = {}): Poller {
    poller = new Poller({
      clock,
      intervalMs: INTERVAL,
      random: () => 0.5,
      query: (id, signal) => client.getTask(id, sim.apiKey, signal),
      onOutcome: (id, outcome, next) => outcomes.push({ id, outcome, next, at: clock.now() }),
      ...overrides,
    });
    return poller;
  }
  const settle = () => poller.settled();
  const run = (ms: number) => clock.advance(ms, settle);
  const apiRequestsFor = (id: string) => sim.requests.filter((r) => r.server === 'api' && r.path.endsWith(`/${id}`));

  beforeEach(async () => {
    sim = await VeoSimulator.start();
    client = new VeoClient({ baseUrl: sim.apiBaseUrl, timeoutMs: 5_000 });
    clock = new FakeClock();
    outcomes = [];
  });
  afterEach(async () => {
    poller?.dispose();
    await client.close();
    await sim.close();
  });

  it('polls a newly tracked task at once', async () => {
    const t = sim.addTask();
    startPoller().track(t.id);
    await settle();
    assert.equal(apiRequestsFor(t.id).length, 1);
    assert.equal(outcomes[0].outcome.kind, 'ok');
  });

  it('sends exactly one request per unfinished task per interval', async () => {
    const tasks = [1, 2, 3].map(() => sim.addTask({ queuedMs: FOREVER }));
    startPoller();
    tasks.forEach((t) => poller.track(t.id));
    await run(5 * INTERVAL - 1_000);
    for (const t of tasks) assert.equal(apiRequestsFor(t.id).length, 5, t.id);
  });

  it('spreads a cycle out instead of firing every request at once', async () => {
    const tasks = Array.from({ length: 8 }, () => sim.addTask({ queuedMs: FOREVER }));
    startPoller({ maxSpacingMs: 250 });
    tasks.forEach((t) => poller.track(t.id));
    await run(INTERVAL - 1);
    const starts = outcomes.map((o) => o.at);
    assert.equal(starts.length, 8);
    for (let i = 1; i < starts.length; i++) assert.ok(starts[i] - starts[i - 1] >= 250, `gap ${starts[i] - starts[i - 1]}`);
  });

  it('keeps the gap of the whole round when finished tasks leave it', async () => {
    const done = [1, 2, 3].map(() => sim.addTask({ queuedMs: 0, processingMs: 0 }));
    const running = sim.addTask({ queuedMs: FOREVER });
    sim.advance(1);
    startPoller({ maxSpacingMs: 10_000 });
    [...done, running].forEach((t) => poller.track(t.id));
    await run(INTERVAL - 1);
    const starts = outcomes.map((o) => o.at - outcomes[0].at);
    assert.deepEqual(starts, [0, 3_750, 7_500, 11_250]);
  });

  it('never has more requests in flight than the concurrency limit', async () => {
    const tasks = Array.from({ length: 10 }, () => sim.addTask({ queuedMs: FOREVER }));
    sim.injectFault({ kind: 'delay', ms: 100 }, { times: 10 });
    startPoller({ concurrency: 3, maxSpacingMs: 0 });
    tasks.forEach((t) => poller.track(t.id));
    assert.equal(poller.inFlight, 3);
    await run(0);
    await new Promise((r) => setTimeout(r, 50));
    await settle();
    await settle();
    while (poller.inFlight > 0) await settle();
    assert.equal(sim.stats.maxInFlight, 3);
    assert.equal(sim.requests.length, 10);
  });

  it('stops polling a task once it completes or fails, and goes idle with no timer', async () => {
    const ok = sim.addTask({ queuedMs: 10_000, processingMs: 40_000 });
    const bad = sim.addTask({ queuedMs: 10_000, processingMs: 40_000, outcome: 'failed' });
    startPoller();
    poller.track(ok.id);
    poller.track(bad.id);
    await settle();
    for (let i = 0; i < 3; i++) {
      sim.advance(INTERVAL);
      await run(INTERVAL);
    }
    const statuses = outcomes.filter((o) => o.id === ok.id).map((o) => (o.outcome.kind === 'ok' ? o.outcome.result.status : '?'));
    assert.deepEqual(statuses, ['queued', 'processing', 'completed']);
    assert.equal(outcomes.at(-1)?.next, undefined);
    const before = sim.requests.length;
    sim.advance(10 * INTERVAL);
    await run(10 * INTERVAL);
    assert.equal(sim.requests.length, before, 'finished tasks are not polled');
    assert.equal(poller.timerArmed, false);
    assert.equal(clock.pendingTimers, 0);
  });

  it('arms no timer and sends nothing while idle', async () => {
    startPoller();
    await run(10 * 60_000);
    assert.equal(poller.timerArmed, false);
    assert.equal(clock.pendingTimers, 0);
    assert.equal(sim.requests.length, 0);
  });

  it('sends nothing to any task during a Retry-After window', async () => {
    const tasks = [1, 2, 3].map(() => sim.addTask({ queuedMs: FOREVER }));
    sim.injectFault({ kind: 'status', code: 429, retryAfter: '90' });
    startPoller();
    tasks.forEach((t) => poller.track(t.id));
    await run(89_000);
    assert.equal(sim.requests.length, 1, 'only the rate-limited request');
    assert.equal(outcomes[0].outcome.kind, 'rateLimited');
    assert.equal(outcomes[0].next, clock.now() - 89_000 + 90_000);
    await run(2_000);
    assert.equal(sim.requests.length, 4);
  });

  it('backs off exponentially on 429 without Retry-After', async () => {
    const t = sim.addTask({ queuedMs: FOREVER });
    sim.injectFault({ kind: 'status', code: 429 }, { times: 3 });
    startPoller();
    poller.track(t.id);
    await run(20 * 60_000);
    const times = outcomes.map((o) => o.at - outcomes[0].at);
    assert.deepEqual(times.slice(0, 4), [0, INTERVAL, 3 * INTERVAL, 7 * INTERVAL]);
  });

  it('backs off per task on 5xx and network errors, doubling up to a 10 minute cap', async () => {
    const failing = sim.addTask({ queuedMs: FOREVER });
    const healthy = sim.addTask({ queuedMs: FOREVER });
    sim.injectFault({ kind: 'status', code: 503 }, { taskId: failing.id, times: Infinity });
    startPoller();
    poller.track(failing.id);
    poller.track(healthy.id);
    await run(40 * 60_000);
    const at = outcomes.filter((o) => o.id === failing.id).map((o) => o.at);
    const gaps = at.slice(1).map((t, i) => (t - at[i]) / 1000);
    assert.deepEqual(gaps.slice(0, 7), [30, 60, 120, 240, 480, 600, 600]);
    assert.ok(outcomes.filter((o) => o.id === healthy.id).length >= 79, 'the healthy task keeps its interval');
  });

  it('applies jitter to the backoff', async () => {
    const t = sim.addTask({ queuedMs: FOREVER });
    sim.injectFault({ kind: 'status', code: 500 }, { taskId: t.id, times: Infinity });
    startPoller({ random: () => 0 });
    poller.track(t.id);
    await run(2 * 60_000);
    const at = outcomes.map((o) => o.at);
    assert.equal(at[1] - at[0], 0.75 * INTERVAL);
  });

  it('never overlaps two requests for one task', async () => {
    const t = sim.addTask({ queuedMs: FOREVER });
    sim.injectFault({ kind: 'delay', ms: 300 }, { taskId: t.id });
    startPoller();
    poller.track(t.id);
    await clock.advance(5 * INTERVAL);
    poller.pollNow();
    assert.equal(poller.inFlight, 1);
    await settle();
    assert.equal(apiRequestsFor(t.id).length, 1);
    assert.equal(sim.stats.maxInFlight, 1);
  });

  it('suspends everything on 401 and resumes on demand', async () => {
    const tasks = [1, 2].map(() => sim.addTask({ queuedMs: FOREVER }));
    sim.injectFault({ kind: 'status', code: 401 });
    startPoller();
    tasks.forEach((t) => poller.track(t.id));
    await run(10 * INTERVAL);
    assert.equal(sim.requests.length, 1);
    assert.equal(poller.isSuspended, true);
    assert.equal(clock.pendingTimers, 0);
    poller.resume();
    await run(1_000);
    assert.equal(sim.requests.length, 3);
  });

  it('stops polling a task the API does not know (404) only once the 404 repeated (see pollerNotFound.test.ts)', async () => {
    startPoller();
    poller.track('vgen_unknown');
    await run(5 * INTERVAL);
    assert.equal(sim.requests.length, 2, 'asked again a minute later');
    assert.equal(outcomes[0].outcome.kind, 'notFound');
    assert.equal(poller.has('vgen_unknown'), true);
    await run(10 * 60_000);
    assert.equal(sim.requests.length, 3);
    assert.equal(poller.has('vgen_unknown'), false);
  });

  it('reports a body that is not the documented JSON as an error and keeps polling', async () => {
    const t = sim.addTask({ queuedMs: FOREVER });
    sim.injectFault({ kind: 'html' }, { taskId: t.id });
    startPoller();
    poller.track(t.id);
    await run(INTERVAL);
    assert.equal(outcomes[0].outcome.kind, 'error');
    await run(INTERVAL);
    assert.equal(outcomes.at(-1)?.outcome.kind, 'ok');
  });

  it('stops polling a task that is untracked, even mid-request', async () => {
    const t = sim.addTask({ queuedMs: FOREVER });
    sim.injectFault({ kind: 'delay', ms: 100 }, { taskId: t.id });
    startPoller();
    poller.track(t.id);
    poller.untrack(t.id);
    await new Promise((r) => setTimeout(r, 150));
    await run(5 * INTERVAL);
    assert.equal(outcomes.length, 0);
    assert.equal(clock.pendingTimers, 0);
  });

  it('takes a new interval without restarting', async () => {
    const t = sim.addTask({ queuedMs: FOREVER });
    startPoller();
    poller.track(t.id);
    await settle();
    poller.setIntervalMs(60_000);
    await run(59_000);
    assert.equal(apiRequestsFor(t.id).length, 1);
    await run(1_000);
    assert.equal(apiRequestsFor(t.id).length, 2);
  });
});
