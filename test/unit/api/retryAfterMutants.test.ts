// parseRetryAfter: only something shaped like an HTTP date is read as one (Date.parse accepts far more).
import * as assert from 'node:assert/strict';
import { parseRetryAfter } from '../../../src/api/retryAfter';

const NOW = Date.UTC(2025, 9, 28, 12, 0, 0);

describe('parseRetryAfter: the HTTP-date shape check', () => {
  it('refuses an ISO 8601 time (no run of three letters), although Date.parse reads it', () => {
    assert.ok(!Number.isNaN(Date.parse('2030-01-01T00:00:00Z')));
    assert.equal(parseRetryAfter('2030-01-01T00:00:00Z', NOW), undefined);
  });

  it('refuses a date with neither a 4-digit year nor an hh:mm time, although Date.parse reads it', () => {
    for (const v of ['Nov 6 8:49', 'Nov 6 10:5', 'Nov 6 10:am', 'Nov 6 GMT:49']) {
      assert.ok(!Number.isNaN(Date.parse(v)), v);
      assert.equal(parseRetryAfter(v, NOW), undefined, v);
    }
  });

  it('returns undefined (not NaN) for a date-shaped value Date.parse cannot read', () => {
    assert.equal(parseRetryAfter('Foo 2030 xx', NOW), undefined);
  });
});
