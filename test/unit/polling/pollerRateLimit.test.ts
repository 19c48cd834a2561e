import * as assert from 'node:assert/strict';
import { MAX_RATE_LIMIT_WAIT_MS } from '../../../src/polling/rateLimit';
import { FOREVER, INTERVAL, PollerHarness } from './pollerHarness';

describe('Poller: a 429 waits one interval at least and an hour at most (simulator, fake clock)', () => {
  let h: PollerHarness;
  beforeEach(async () => (h = await PollerHarness.start()));
  afterEach(() => h.close());

  const gaps = (times: number[]) => times.slice(1).map((t, i) => t - times[i]);

  for (const [what, retryAfter] of [
    ['Retry-After: 0', '0'],
    ['a Retry-After date in the past', 'Thu, 01 Jan 1970 00:00:01 GMT'],
  ]) {
    it(`asks once per interval, not several times a second, on ${what}`, async () => {
      const t = h.sim.addTask({ queuedMs: FOREVER });
      h.sim.injectFault({ kind: 'status', code: 429, retryAfter }, { taskId: t.id, times: 60 });
      h.startPoller().track(t.id);
      await h.run(10 * 60_000);
      const starts = h.outcomes.map((o) => o.at);
      assert.equal(h.requestsFor(t.id).length, 21, 'one request at once, then one per 30 s');
      assert.ok(gaps(starts).every((g) => g >= INTERVAL), JSON.stringify(gaps(starts)));
      assert.equal(h.outcomes[0].next, starts[0] + INTERVAL);
    });
  }

  it('waits at least an interval when Retry-After is junk and the backoff jitters below it', async () => {
    const t = h.sim.addTask({ queuedMs: FOREVER });
    h.sim.injectFault({ kind: 'status', code: 429, retryAfter: '-5' }, { taskId: t.id, times: 3 });
    h.startPoller({ random: () => 0 }).track(t.id);
    await h.run(10 * 60_000);
    const starts = h.outcomes.map((o) => o.at);
    assert.equal(starts[1] - starts[0], INTERVAL, 'the first backoff (75% of 30 s) is raised to 30 s');
    assert.ok(gaps(starts).every((g) => g >= INTERVAL), JSON.stringify(gaps(starts)));
  });

  it('waits at most an hour when Retry-After is huge, then polls normally again', async () => {
    const t = h.sim.addTask({ queuedMs: FOREVER });
    h.sim.injectFault({ kind: 'status', code: 429, retryAfter: '99999999999' }, { taskId: t.id });
    h.startPoller().track(t.id);
    await h.run(MAX_RATE_LIMIT_WAIT_MS - 1);
    assert.equal(h.requestsFor(t.id).length, 1, 'nothing during the hour');
    assert.equal(h.outcomes[0].next, h.outcomes[0].at + MAX_RATE_LIMIT_WAIT_MS);
    await h.run(1 + 3 * INTERVAL);
    assert.deepEqual(
      h.outcomes.map((o) => o.at - h.outcomes[0].at),
      [0, MAX_RATE_LIMIT_WAIT_MS, MAX_RATE_LIMIT_WAIT_MS + INTERVAL, MAX_RATE_LIMIT_WAIT_MS + 2 * INTERVAL, MAX_RATE_LIMIT_WAIT_MS + 3 * INTERVAL],
    );
    assert.equal(h.outcomes[1].outcome.kind, 'ok');
  });

  it('holds every task back during the clamped wait', async () => {
    const tasks = [1, 2].map(() => h.sim.addTask({ queuedMs: FOREVER }));
    h.sim.injectFault({ kind: 'status', code: 429, retryAfter: '0' }, { times: 1 });
    h.startPoller({ maxSpacingMs: 0 });
    tasks.forEach((t) => h.poller?.track(t.id));
    await h.run(INTERVAL - 1);
    assert.equal(h.sim.requests.length, 2, 'the 429, and the other task already started beside it');
    await h.run(1);
    assert.equal(h.sim.requests.length, 4);
  });
});
