// Poller edges, with a `query` that answers in memory on a fake clock (as pollerLatency.test.ts):
// re-tracking, forgetNotFound/untrack/resume of idle or unknown tasks, blockUntil, setIntervalMs
// with backoffs, suspend and dispose, answers that arrive after untrack or suspend.
import * as assert from 'node:assert/strict';
import type { QueryOutcome } from '../../../src/api/queryOutcome';
import { Poller } from '../../../src/polling/poller';
import { FakeClock } from '../helpers/fakeClock';

const INTERVAL = 30_000;

const okWith = (id: string, status: string): QueryOutcome => ({
  kind: 'ok',
  result: { id, object: 'video', created: 1, model: 'veo', status, video_url: status === 'completed' ? 'https://x/v.mp4' : null, error: null },
});

describe('Poller: edges (in-memory query, fake clock)', () => {
  let clock: FakeClock;
  let poller: Poller | undefined;
  let starts: Array<{ id: string; at: number }>;
  let seen: Array<{ id: string; outcome: QueryOutcome | undefined; next: number | undefined; at: number }>;
  /** Held answers: resolve them by hand (only with `held`). */
  let pending: Array<{ id: string; resolve: (o: QueryOutcome) => void }>;

  /** A poller whose query answers `answer(id)` at once, or waits for the test when `held`. */
  const start = (answer: (id: string) => unknown = (id) => okWith(id, 'processing'), held = false, extra: { maxSpacingMs?: number; concurrency?: number; intervalMs?: number } = {}) => {
    poller = new Poller({
      clock,
      intervalMs: INTERVAL,
      random: () => 0.5,
      ...extra,
      query: (id) => {
        starts.push({ id, at: clock.now() });
        if (held) return new Promise((resolve) => pending.push({ id, resolve }));
        return Promise.resolve(answer(id) as QueryOutcome);
      },
      onOutcome: (id, outcome, next) => seen.push({ id, outcome, next, at: clock.now() }),
    });
    return poller;
  };
  const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
  const run = (ms: number) => clock.advance(ms, turn);
  const startsOf = (id: string) => starts.filter((s) => s.id === id).map((s) => s.at - T0);
  let T0: number;

  beforeEach(() => {
    clock = new FakeClock();
    T0 = clock.now();
    starts = [];
    seen = [];
    pending = [];
  });
  afterEach(() => poller?.dispose());

  it('trackedIds lists the tracked tasks', () => {
    const p = start(undefined, true);
    p.track('a');
    p.track('b');
    assert.deepEqual(p.trackedIds(), ['a', 'b']);
    p.untrack('a');
    assert.deepEqual(p.trackedIds(), ['b']);
  });

  it('tracking a task already tracked does not ask it again early', async () => {
    const p = start();
    p.track('a');
    await run(10_000);
    p.track('a');
    await run(10_000);
    assert.deepEqual(startsOf('a'), [0]);
    await run(10_000);
    assert.deepEqual(startsOf('a'), [0, INTERVAL]);
  });

  it('a disposed poller tracks nothing and asks nothing more', async () => {
    const p = start();
    p.track('a');
    await run(1_000);
    p.dispose();
    p.track('b');
    assert.equal(p.has('b'), false);
    await run(3 * INTERVAL);
    assert.deepEqual(starts.map((s) => s.id), ['a']);
    assert.equal(clock.pendingTimers, 0);
  });

  it('forgetNotFound of a task with no 404s does not ask it early; of an unknown id does nothing', async () => {
    const p = start();
    p.track('a');
    await run(10_000);
    p.forgetNotFound('a');
    assert.doesNotThrow(() => p.forgetNotFound('nope'));
    await run(10_000);
    assert.deepEqual(startsOf('a'), [0]);
  });

  it('untrack of an idle task stops it; of an unknown id does nothing', async () => {
    const p = start();
    p.track('a');
    await run(1_000);
    assert.doesNotThrow(() => p.untrack('nope'));
    assert.doesNotThrow(() => p.untrack('a'));
    await run(3 * INTERVAL);
    assert.deepEqual(startsOf('a'), [0]);
  });

  it('resume when not suspended does not ask early', async () => {
    const p = start();
    p.track('a');
    await run(10_000);
    p.resume();
    await run(10_000);
    assert.deepEqual(startsOf('a'), [0]);
  });

  it('blockUntil holds every request until then, and an earlier block does not shorten it', async () => {
    const p = start();
    p.blockUntil(T0 + 20_000);
    p.blockUntil(T0 + 10_000);
    p.track('a');
    await run(19_999);
    assert.deepEqual(startsOf('a'), []);
    await run(1);
    assert.deepEqual(startsOf('a'), [20_000]);
  });

  it('timerArmed while a task waits, not once suspended; suspend leaves no timer', async () => {
    const p = start();
    p.track('a');
    await run(1_000);
    assert.equal(p.timerArmed, true);
    p.suspend();
    assert.equal(p.timerArmed, false);
    assert.equal(clock.pendingTimers, 0);
  });

  it('reports a finished task with its outcome and no next poll', async () => {
    const p = start((id) => okWith(id, 'completed'));
    p.track('a');
    await run(1_000);
    assert.equal(seen.length, 1);
    assert.equal(seen[0].outcome?.kind, 'ok');
    assert.equal(seen[0].next, undefined);
    assert.equal(p.has('a'), false);
  });

  it('reports an unauthorized answer as such, with no next poll, and suspends', async () => {
    const p = start(() => ({ kind: 'unauthorized', status: 401 }));
    p.track('a');
    await run(1_000);
    assert.equal(seen.length, 1);
    assert.deepEqual(seen[0].outcome, { kind: 'unauthorized', status: 401 });
    assert.equal(seen[0].next, undefined);
    assert.equal(p.isSuspended, true);
  });

  it('an answer that is no outcome is reported as "the query gave no usable answer"', async () => {
    const p = start(() => ({ nonsense: true }));
    p.track('a');
    await run(1_000);
    assert.deepEqual(seen[0].outcome, { kind: 'error', message: 'the query gave no usable answer' });
  });

  it('an answer arriving after untrack or suspend is not reported', async () => {
    const p = start(undefined, true);
    p.track('a');
    p.track('b');
    await run(1_000);
    assert.equal(pending.length, 2);
    p.untrack('a');
    pending.find((q) => q.id === 'a')!.resolve(okWith('a', 'processing'));
    await turn();
    p.suspend();
    pending.find((q) => q.id === 'b')!.resolve(okWith('b', 'processing'));
    await turn();
    await p.settled();
    assert.deepEqual(seen, []);
  });

  // One request at a time; 'b' is tracked before 'a', so of two tasks due at the same instant
  // 'b' goes first. 'a' is in flight when suspend() cancels it, and its answer comes only after
  // the resume: pollNow() and forgetNotFound() must leave the due time of a task in flight
  // alone, so 'a' (due since before its cancelled request) is asked next, before 'b'.
  const nextAfterCancelledInFlight = async (whileInFlight: (p: Poller) => void, aFirst404: boolean) => {
    const p = start(undefined, true, { concurrency: 1, intervalMs: 10 * 60_000 });
    p.track('b');
    p.track('a');
    await run(1);
    pending.shift()!.resolve(okWith('b', 'processing'));
    await run(1_000);
    if (aFirst404) {
      pending.shift()!.resolve({ kind: 'notFound' });
      await run(2 * 60_000);
    }
    assert.deepEqual(pending.map((q) => q.id), ['a'], 'a request of a is out, b waits');
    const asked = starts.length;
    p.suspend();
    p.resume();
    whileInFlight(p);
    await run(1_000);
    assert.equal(starts.length, asked, 'nothing starts while a is in flight');
    pending.shift()!.resolve(okWith('a', 'processing'));
    await run(1_000);
    return starts.slice(asked).map((s) => s.id);
  };

  it('after a resume, a task whose cancelled request was still out is asked next (pollNow leaves its due time)', async () => {
    assert.deepEqual(await nextAfterCancelledInFlight(() => undefined, false), ['a']);
  });

  it('forgetNotFound of a task in flight leaves its due time: it is still asked next', async () => {
    assert.deepEqual(await nextAfterCancelledInFlight((p) => p.forgetNotFound('a'), true), ['a']);
  });

  it('tasks due at the same instant are asked in the order they were tracked', async () => {
    start();
    for (const id of ['a', 'b', 'c', 'd']) poller!.track(id);
    await run(INTERVAL / 2);
    assert.deepEqual(starts.map((s) => s.id), ['a', 'b', 'c', 'd']);
    poller!.pollNow();
    await run(INTERVAL / 2);
    assert.deepEqual(starts.slice(4).map((s) => s.id), ['a', 'b', 'c', 'd']);
  });

  // A clock whose timers fire only when the test says (as a real timer can fire late): a task
  // can be due while its timer has not fired yet. Setting the interval or the block it already
  // has must change nothing, so the task still waits for its timer.
  const dueBeforeItsTimer = async (again: (p: Poller) => void) => {
    let now = T0;
    const timers: Array<{ at: number; fire: () => void }> = [];
    const late = {
      now: () => now,
      setTimer: (fire: () => void, ms: number) => {
        const timer = { at: now + ms, fire };
        timers.push(timer);
        return { cancel: () => void timers.splice(timers.indexOf(timer), 1) };
      },
    };
    poller = new Poller({
      clock: late,
      intervalMs: INTERVAL,
      query: (id) => {
        starts.push({ id, at: now });
        return Promise.resolve(okWith(id, 'processing'));
      },
      onOutcome: () => undefined,
    });
    poller.track('a');
    await turn();
    assert.deepEqual(timers.map((t) => t.at - T0), [INTERVAL], 'answered: the next poll is armed');
    now = T0 + INTERVAL;
    again(poller);
    await turn();
    const before = startsOf('a');
    timers.splice(0).forEach((t) => t.fire());
    await turn();
    return { before, after: startsOf('a') };
  };

  it('setIntervalMs with the interval it already has starts nothing: a due task waits for its (late) timer', async () => {
    assert.deepEqual(await dueBeforeItsTimer((p) => p.setIntervalMs(INTERVAL)), { before: [0], after: [0, INTERVAL] });
  });

  it('blockUntil of the instant it is already blocked until starts nothing: a due task waits for its (late) timer', async () => {
    assert.deepEqual(await dueBeforeItsTimer((p) => p.blockUntil(0)), { before: [0], after: [0, INTERVAL] });
  });

  it('setIntervalMs moves a regular poll but not an error retry', async () => {
    const p = start((id) => (id === 'e' ? { kind: 'error', message: 'boom' } : okWith(id, 'processing')), false, { maxSpacingMs: 0 });
    p.track('e');
    p.track('a');
    await run(1);
    const retryAt = seen.find((s) => s.id === 'e')!.next! - T0;
    assert.ok(retryAt > 0 && retryAt < 2 * INTERVAL, String(retryAt));
    p.setIntervalMs(2 * INTERVAL);
    await run(3 * INTERVAL);
    assert.equal(startsOf('e')[1], retryAt);
    assert.equal(startsOf('a')[1], 2 * INTERVAL);
  });

  it('setIntervalMs does not move the retry of a task with 404s', async () => {
    const p = start(() => ({ kind: 'notFound' }));
    p.track('n');
    await run(1);
    const retryAt = seen[0].next! - T0;
    assert.ok(retryAt > 0, String(retryAt));
    p.setIntervalMs(10 * INTERVAL);
    await run(retryAt);
    assert.equal(startsOf('n')[1], retryAt);
  });

  it('once every task has finished the poller is idle: later tasks are spaced as by a fresh poller, not by the old peak', async () => {
    const gapOfTwo = async (p: Poller) => {
      const from = starts.length;
      p.track('late-a');
      p.track('late-b');
      await run(INTERVAL / 2);
      const [a, b] = starts.slice(from).map((s) => s.at);
      return b - a;
    };
    const fresh = await gapOfTwo(start((id) => okWith(id, 'processing')));
    poller!.dispose();

    const p = start((id) => okWith(id, id.startsWith('late-') ? 'processing' : 'completed'));
    for (let i = 0; i < 150; i++) p.track(`batch-${i}`);
    await run(INTERVAL);
    assert.deepEqual(p.trackedIds(), [], 'the batch finished');
    assert.ok(fresh > 0);
    assert.equal(await gapOfTwo(p), fresh, 'the 150-task peak was forgotten (it gave 100 ms instead)');
  });
});
