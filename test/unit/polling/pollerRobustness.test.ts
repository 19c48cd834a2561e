import * as assert from 'node:assert/strict';
import type { QueryOutcome } from '../../../src/api/queryOutcome';
import { FOREVER, INTERVAL, PollerHarness } from './pollerHarness';

describe('Poller: listeners that throw, counters that reset, intervals from the start (simulator, fake clock)', () => {
  let h: PollerHarness;
  beforeEach(async () => (h = await PollerHarness.start()));
  afterEach(() => h.close());

  const record = (id: string, outcome: QueryOutcome, next: number | undefined) => h.outcomes.push({ id, outcome, next, at: h.clock.now() });

  for (const how of ['throws', 'rejects'] as const) {
    it(`keeps polling every task when onOutcome ${how}, and reports it to onListenerError`, async () => {
      const [bad, good] = [1, 2].map(() => h.sim.addTask({ queuedMs: FOREVER }));
      const errors: Array<[string, unknown]> = [];
      h.startPoller({
        onOutcome: (id, outcome, next) => {
          record(id, outcome, next);
          if (id !== bad.id) return;
          if (how === 'throws') throw new Error('listener broke');
          return Promise.reject(new Error('listener broke')) as unknown as void;
        },
        onListenerError: (id, e) => errors.push([id, e]),
      });
      h.poller?.track(bad.id);
      h.poller?.track(good.id);
      await h.run(3 * INTERVAL + 1_000);
      await new Promise((r) => setImmediate(r));
      assert.equal(h.requestsFor(bad.id).length, 4);
      assert.equal(h.requestsFor(good.id).length, 4);
      assert.equal(errors.length, 4);
      assert.ok(errors.every(([id, e]) => id === bad.id && e instanceof Error && e.message === 'listener broke'));
    });
  }

  it('survives an onListenerError that throws too', async () => {
    const t = h.sim.addTask({ queuedMs: FOREVER });
    h.startPoller({
      onOutcome: () => {
        throw new Error('a');
      },
      onListenerError: () => {
        throw new Error('b');
      },
    }).track(t.id);
    await h.run(2 * INTERVAL);
    assert.equal(h.requestsFor(t.id).length, 3);
  });

  it('turns a query that throws synchronously, rejects or answers nonsense into an error outcome, and goes on', async () => {
    const good = h.sim.addTask({ queuedMs: FOREVER });
    const behaviours: Record<string, () => Promise<QueryOutcome>> = {
      syncThrow: () => {
        throw new Error('sync');
      },
      rejects: () => Promise.reject(new Error('async')),
      nonsense: () => Promise.resolve(undefined as unknown as QueryOutcome),
      okWithoutResult: () => Promise.resolve({ kind: 'ok' } as unknown as QueryOutcome),
    };
    h.startPoller({ query: (id, signal) => behaviours[id]?.() ?? h.client.getTask(id, h.sim.apiKey, signal) });
    for (const id of [...Object.keys(behaviours), good.id]) h.poller?.track(id);
    await h.run(3 * INTERVAL + 2_000);
    for (const id of Object.keys(behaviours)) {
      const seen = h.outcomes.filter((o) => o.id === id);
      assert.deepEqual(
        seen.map((o) => o.outcome.kind),
        ['error', 'error', 'error'],
        id,
      );
      assert.deepEqual(
        seen.map((o) => o.at - seen[0].at),
        [0, INTERVAL, 3 * INTERVAL],
        `${id} backs off like any error`,
      );
    }
    assert.equal(h.requestsFor(good.id).length, 4);
    assert.equal(h.poller?.inFlight, 0);
  });

  it('starts the error backoff again from one interval after an answer', async () => {
    const t = h.sim.addTask({ queuedMs: FOREVER });
    h.sim.injectFault({ kind: 'status', code: 503 }, { taskId: t.id, times: 3 });
    h.startPoller().track(t.id);
    await h.run(4 * 60_000);
    const kinds = h.outcomes.map((o) => o.outcome.kind);
    assert.deepEqual(kinds.slice(0, 4), ['error', 'error', 'error', 'ok']);
    h.sim.injectFault({ kind: 'status', code: 503 }, { taskId: t.id, times: 1 });
    await h.run(2 * INTERVAL);
    const failed = h.outcomes.filter((o) => o.outcome.kind === 'error').at(-1)!;
    assert.equal(h.outcomes.filter((o) => o.outcome.kind === 'error').length, 4);
    assert.equal(failed.next! - failed.at, INTERVAL, 'the first retry again, not the fourth');
  });

  it('starts the 429 backoff again from one interval after an answer', async () => {
    const t = h.sim.addTask({ queuedMs: FOREVER });
    h.sim.injectFault({ kind: 'status', code: 429 }, { taskId: t.id, times: 3 });
    h.startPoller().track(t.id);
    await h.run(8 * INTERVAL);
    assert.deepEqual(
      h.outcomes.slice(0, 4).map((o) => o.outcome.kind),
      ['rateLimited', 'rateLimited', 'rateLimited', 'ok'],
    );
    h.sim.injectFault({ kind: 'status', code: 429 }, { taskId: t.id, times: 1 });
    await h.run(2 * INTERVAL);
    const limited = h.outcomes.filter((o) => o.outcome.kind === 'rateLimited');
    assert.equal(limited.length, 4);
    assert.equal(limited[3].next! - limited[3].at, INTERVAL, 'the first 429 wait again, not the fourth');
  });

  it('counts the interval from the start of a request, not from its answer', async () => {
    const t = h.sim.addTask({ queuedMs: FOREVER });
    h.sim.injectFault({ kind: 'delay', ms: 30 }, { taskId: t.id, times: Infinity });
    const starts: number[] = [];
    h.startPoller({
      query: (id, signal) => {
        starts.push(h.clock.now());
        return h.client.getTask(id, h.sim.apiKey, signal);
      },
    }).track(t.id);
    for (let i = 0; i < 5; i++) {
      // The answer takes real time; meanwhile the fake clock moves on 20 s (no timer is
      // armed while the only task is in flight, so this only moves time).
      assert.equal(h.poller?.inFlight, 1);
      await h.clock.advance(20_000);
      await h.settle();
      await h.clock.advance(INTERVAL - 20_000); // fires the next start; its answer is awaited above
    }
    assert.equal(h.poller?.inFlight, 1);
    await h.clock.advance(20_000);
    await h.settle();
    assert.equal(h.requestsFor(t.id).length, 6);
    assert.deepEqual(
      starts.map((s) => s - starts[0]),
      [0, 1, 2, 3, 4, 5].map((i) => i * INTERVAL),
    );
    assert.ok(h.outcomes.every((o, i) => o.next === starts[i] + INTERVAL && o.at === starts[i] + 20_000));
  });
});
