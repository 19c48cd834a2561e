import * as assert from 'node:assert/strict';
import { parseRetryAfter } from '../../../src/api/retryAfter';

const NOW = Date.UTC(2025, 9, 28, 12, 0, 0);

describe('parseRetryAfter', () => {
  it('reads delta-seconds as milliseconds', () => {
    assert.equal(parseRetryAfter('120', NOW), 120_000);
    assert.equal(parseRetryAfter('0', NOW), 0);
    assert.equal(parseRetryAfter(' 5 ', NOW), 5_000);
  });

  it('reads an HTTP date in the future as the time until it', () => {
    assert.equal(parseRetryAfter('Tue, 28 Oct 2025 12:01:30 GMT', NOW), 90_000);
  });

  it('reads an HTTP date in the past as 0', () => {
    assert.equal(parseRetryAfter('Tue, 28 Oct 2025 11:00:00 GMT', NOW), 0);
  });

  it('returns undefined when the header is absent or blank', () => {
    assert.equal(parseRetryAfter(undefined, NOW), undefined);
    assert.equal(parseRetryAfter(null, NOW), undefined);
    assert.equal(parseRetryAfter('', NOW), undefined);
    assert.equal(parseRetryAfter('   ', NOW), undefined);
  });

  it('returns undefined for garbage', () => {
    assert.equal(parseRetryAfter('soon', NOW), undefined);
    assert.equal(parseRetryAfter('12abc', NOW), undefined);
    assert.equal(parseRetryAfter('1e3', NOW), undefined);
  });

  it('returns undefined for non-integer numbers and numbers with words, which Date.parse accepts', () => {
    assert.equal(parseRetryAfter('-5', NOW), undefined);
    assert.equal(parseRetryAfter('1.5', NOW), undefined);
    assert.equal(parseRetryAfter('soon 2', NOW), undefined);
  });
});
