// leaseFile, the edges the other tests leave open (issue #11, mutation testing): a time of 0 is
// a time, and a Retry-After ending exactly now is over.
import * as assert from 'node:assert/strict';
import { parseLease, parseRefreshRequest } from '../../../src/windows/leaseFile';

describe('leaseFile: edges', () => {
  const now = 1_700_000_000_000;

  it('a time of 0 (the epoch) is a time: an expired lease, a request of long ago', () => {
    assert.deepEqual(parseLease('{"owner":"a","expiresAt":0,"refreshedAt":0}', now), { owner: 'a', expiresAt: 0, refreshedAt: 0 });
    assert.deepEqual(parseRefreshRequest('{"from":"b","at":0}', now), { from: 'b', at: 0 });
  });

  it('a shared Retry-After that ends exactly now is over; one a millisecond later is kept', () => {
    assert.deepEqual(parseLease(JSON.stringify({ owner: 'a', expiresAt: now + 10, blockedUntil: now }), now), { owner: 'a', expiresAt: now + 10 });
    assert.deepEqual(parseLease(JSON.stringify({ owner: 'a', expiresAt: now + 10, blockedUntil: now + 1 }), now), { owner: 'a', expiresAt: now + 10, blockedUntil: now + 1 });
  });
});
