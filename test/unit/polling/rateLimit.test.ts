import * as assert from 'node:assert/strict';
import { MAX_RATE_LIMIT_WAIT_MS, rateLimitWait } from '../../../src/polling/rateLimit';

const INTERVAL = 30_000;
const mid = () => 0.5;

describe('rateLimitWait', () => {
  it('is at most an hour', () => {
    assert.equal(MAX_RATE_LIMIT_WAIT_MS, 3_600_000);
    assert.equal(rateLimitWait(99_999_999_999_000, 1, INTERVAL, mid), MAX_RATE_LIMIT_WAIT_MS);
    assert.equal(rateLimitWait(Infinity, 1, INTERVAL, mid), MAX_RATE_LIMIT_WAIT_MS);
  });

  it('is at least the interval (Retry-After 0, a past date, a negative value)', () => {
    assert.equal(rateLimitWait(0, 1, INTERVAL, mid), INTERVAL);
    assert.equal(rateLimitWait(-5_000, 1, INTERVAL, mid), INTERVAL);
    assert.equal(rateLimitWait(NaN, 1, INTERVAL, mid), INTERVAL);
    assert.equal(rateLimitWait(undefined, 1, INTERVAL, () => 0), INTERVAL);
  });

  it('honours a Retry-After in between, and backs off without one', () => {
    assert.equal(rateLimitWait(90_000, 1, INTERVAL, mid), 90_000);
    assert.equal(rateLimitWait(undefined, 3, INTERVAL, mid), 4 * INTERVAL);
  });
});
