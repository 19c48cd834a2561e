import * as assert from 'node:assert/strict';
import { afterNotFound, NOT_FOUND_FINAL_COUNT, NOT_FOUND_MIN_SPAN_MS, NOT_FOUND_RETRY_DELAYS_MS } from '../../../src/polling/notFound';

const MIN = 60_000;
const T0 = 1_700_000_000_000;

describe('afterNotFound', () => {
  it('gives up after 3 404s over at least 10 minutes, asking again after 1 and 9 minutes', () => {
    assert.equal(NOT_FOUND_FINAL_COUNT, 3);
    assert.equal(NOT_FOUND_MIN_SPAN_MS, 10 * MIN);
    assert.deepEqual(NOT_FOUND_RETRY_DELAYS_MS, [MIN, 9 * MIN]);
    const first = afterNotFound(undefined, T0);
    assert.deepEqual(first, { streak: { count: 1, since: T0 }, final: false, retryAt: T0 + MIN });
    const second = afterNotFound(first.streak, T0 + MIN);
    assert.deepEqual(second, { streak: { count: 2, since: T0 }, final: false, retryAt: T0 + 10 * MIN });
    assert.deepEqual(afterNotFound(second.streak, T0 + 10 * MIN), { streak: { count: 3, since: T0 }, final: true });
  });

  it('never gives up before the span, however many 404s came', () => {
    let streak = afterNotFound(undefined, T0).streak;
    for (let i = 1; i < 10; i++) {
      const v = afterNotFound(streak, T0 + i * 1000);
      assert.equal(v.final, false);
      assert.equal(v.final === false && v.retryAt, T0 + 10 * MIN);
      streak = v.streak;
    }
    assert.equal(afterNotFound(streak, T0 + 10 * MIN - 1).final, false);
    assert.equal(afterNotFound(streak, T0 + 10 * MIN).final, true);
  });

  it('waits the whole span after a late second 404 too', () => {
    const v = afterNotFound({ count: 1, since: T0 }, T0 + 20 * MIN);
    assert.deepEqual(v, { streak: { count: 2, since: T0 }, final: false, retryAt: T0 + 29 * MIN });
  });

  it('does not trust a streak that starts in the future', () => {
    assert.deepEqual(afterNotFound({ count: 2, since: T0 + 60 * MIN }, T0), { streak: { count: 3, since: T0 }, final: false, retryAt: T0 + 10 * MIN });
  });
});
