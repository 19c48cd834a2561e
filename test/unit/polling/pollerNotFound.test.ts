import * as assert from 'node:assert/strict';
import type { QueryOutcome } from '../../../src/api/queryOutcome';
import { NOT_FOUND_MIN_SPAN_MS } from '../../../src/polling/notFound';
import { FOREVER, INTERVAL, PollerHarness } from './pollerHarness';

const MIN = 60_000;
const notFound = (o: QueryOutcome) => (o.kind === 'notFound' ? o : assert.fail(`expected notFound, got ${JSON.stringify(o)}`));

describe('Poller: one 404 does not lose a task (simulator, fake clock)', () => {
  let h: PollerHarness;
  beforeEach(async () => (h = await PollerHarness.start()));
  afterEach(() => h.close());

  it('asks an unknown id again after ~1 min and ~9 min, and gives up on the third 404', async () => {
    h.startPoller().track('vgen_unknown');
    await h.run(30 * MIN);
    const t0 = h.outcomes[0].at;
    assert.deepEqual(
      h.outcomes.map((o) => [o.at - t0, notFound(o.outcome).final, notFound(o.outcome).streak?.count]),
      [
        [0, false, 1],
        [MIN, false, 2],
        [10 * MIN, true, 3],
      ],
    );
    assert.deepEqual(
      h.outcomes.map((o) => (o.next === undefined ? undefined : o.next - t0)),
      [MIN, 10 * MIN, undefined],
    );
    assert.equal(h.requestsFor('vgen_unknown').length, 3);
    assert.equal(h.poller?.has('vgen_unknown'), false);
    assert.equal(h.clock.pendingTimers, 0);
  });

  it('keeps polling a known task after a single 404 (a proxy HTML page), and an answer resets the count', async () => {
    const t = h.sim.addTask({ queuedMs: FOREVER });
    h.sim.injectFault({ kind: 'status', code: 404, body: 'html' }, { taskId: t.id, times: 1 });
    h.startPoller().track(t.id);
    await h.run(MIN + INTERVAL);
    assert.deepEqual(
      h.outcomes.map((o) => o.outcome.kind),
      ['notFound', 'ok', 'ok'],
    );
    assert.equal(h.outcomes[0].next, h.outcomes[0].at + MIN);
    h.sim.injectFault({ kind: 'status', code: 404 }, { taskId: t.id, times: 2 });
    await h.run(30 * MIN);
    const later = h.outcomes.slice(3).filter((o) => o.outcome.kind === 'notFound');
    assert.deepEqual(
      later.map((o) => [notFound(o.outcome).streak?.count, notFound(o.outcome).final]),
      [
        [1, false],
        [2, false],
      ],
      'the count started again after the answers',
    );
    assert.equal(h.poller?.has(t.id), true);
    assert.equal(h.outcomes.at(-1)?.outcome.kind, 'ok');
  });

  it('does not give up before 10 minutes even when Refresh makes the 404s come quickly', async () => {
    h.startPoller().track('vgen_unknown');
    await h.settle();
    for (let i = 0; i < 3; i++) {
      await h.run(1_000);
      h.poller?.pollNow();
      await h.settle();
    }
    assert.deepEqual(
      h.outcomes.map((o) => notFound(o.outcome).final),
      [false, false, false, false],
    );
    const t0 = h.outcomes[0].at;
    assert.equal(h.outcomes.at(-1)?.next, t0 + NOT_FOUND_MIN_SPAN_MS);
    await h.run(NOT_FOUND_MIN_SPAN_MS);
    assert.equal(notFound(h.outcomes.at(-1)!.outcome).final, true);
    assert.equal(h.outcomes.at(-1)?.at, t0 + NOT_FOUND_MIN_SPAN_MS);
  });

  it('continues a streak it was given (kept with the task across a reload)', async () => {
    h.startPoller().track('vgen_unknown', { count: 2, since: h.clock.now() - 11 * MIN });
    await h.settle();
    assert.equal(h.outcomes.length, 1);
    assert.deepEqual(h.outcomes[0].outcome, { kind: 'notFound', streak: { count: 3, since: h.clock.now() - 11 * MIN }, final: true });
    assert.equal(h.poller?.has('vgen_unknown'), false);
  });

  it('forgetNotFound starts the count again and asks at once', async () => {
    h.startPoller().track('vgen_unknown');
    await h.run(MIN);
    assert.equal(h.outcomes.length, 2);
    h.poller?.forgetNotFound('vgen_unknown');
    await h.run(1_000);
    assert.equal(h.outcomes.length, 3, 'asked again within the start spacing, not 9 minutes later');
    assert.deepEqual(notFound(h.outcomes[2].outcome).streak, { count: 1, since: h.outcomes[2].at });
  });
});
