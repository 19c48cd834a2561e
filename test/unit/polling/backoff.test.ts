import * as assert from 'node:assert/strict';
import { BACKOFF_CAP_MS, backoffDelay } from '../../../src/polling/backoff';

const mid = () => 0.5;
const low = () => 0;
const high = () => 1;

describe('backoffDelay', () => {
  it('doubles per attempt starting at the base (no jitter at random=0.5)', () => {
    assert.deepEqual(
      [1, 2, 3, 4, 5].map((a) => backoffDelay(a, 1000, mid)),
      [1000, 2000, 4000, 8000, 16000],
    );
  });

  it('treats attempt 0 or below as the first attempt', () => {
    assert.equal(backoffDelay(0, 1000, mid), 1000);
    assert.equal(backoffDelay(-3, 1000, mid), 1000);
  });

  it('jitters down to 75% and up to 125%', () => {
    assert.equal(backoffDelay(1, 1000, low), 750);
    assert.equal(backoffDelay(1, 1000, high), 1250);
    assert.equal(backoffDelay(3, 1000, low), 3000);
    assert.equal(backoffDelay(3, 1000, high), 5000);
    assert.equal(backoffDelay(2, 1000, () => 0.25), 1750);
  });

  it('caps at 10 minutes by default', () => {
    assert.equal(BACKOFF_CAP_MS, 600_000);
    assert.equal(backoffDelay(20, 30_000, mid), 600_000);
    assert.equal(backoffDelay(1000, 30_000, high), 600_000);
    // 30s * 2^4 = 480s, jittered 360s..600s: under or at the cap
    assert.equal(backoffDelay(5, 30_000, low), 360_000);
    assert.equal(backoffDelay(5, 30_000, mid), 480_000);
    assert.equal(backoffDelay(5, 30_000, high), 600_000);
    // 30s * 2^5 = 960s: even its 75% (720s) is capped
    assert.equal(backoffDelay(6, 30_000, low), 600_000);
  });

  it('honours a custom cap', () => {
    assert.equal(backoffDelay(10, 1000, mid, 5000), 5000);
    assert.equal(backoffDelay(2, 1000, mid, 5000), 2000);
  });

  it('returns whole milliseconds', () => {
    assert.equal(backoffDelay(1, 1000, () => 0.3333), 917);
  });

  it('uses Math.random when no random is given and stays within bounds', () => {
    const d = backoffDelay(2, 1000);
    assert.ok(d >= 1500 && d <= 2500, `got ${d}`);
  });
});
