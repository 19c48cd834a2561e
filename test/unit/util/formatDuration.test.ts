import * as assert from 'node:assert/strict';
import { formatDuration, formatWait } from '../../../src/util/formatDuration';

describe('formatDuration', () => {
  it('shows seconds under a minute', () => {
    assert.equal(formatDuration(0), '0s');
    assert.equal(formatDuration(999), '0s');
    assert.equal(formatDuration(45_000), '45s');
    assert.equal(formatDuration(59_999), '59s');
  });

  it('shows minutes and zero-padded seconds under an hour', () => {
    assert.equal(formatDuration(60_000), '1m 00s');
    assert.equal(formatDuration(192_000), '3m 12s');
    assert.equal(formatDuration(3_599_000), '59m 59s');
  });

  it('shows hours and zero-padded minutes from an hour', () => {
    assert.equal(formatDuration(3_600_000), '1h 00m');
    assert.equal(formatDuration(2 * 3_600_000 + 5 * 60_000 + 59_000), '2h 05m');
    assert.equal(formatDuration(24 * 3_600_000 - 60_000), '23h 59m');
    assert.equal(formatDuration(50 * 3_600_000), '50h 00m');
  });

  it('clamps negative durations to 0s', () => {
    assert.equal(formatDuration(-5_000), '0s');
  });
});

describe('formatWait', () => {
  it('shows seconds under a minute, at least 1 s', () => {
    assert.equal(formatWait(0), '1 s');
    assert.equal(formatWait(-10_000), '1 s');
    assert.equal(formatWait(1_400), '1 s');
    assert.equal(formatWait(45_000), '45 s');
    assert.equal(formatWait(59_400), '59 s');
  });

  it('shows rounded minutes under an hour', () => {
    assert.equal(formatWait(60_000), '1 min');
    assert.equal(formatWait(120_000), '2 min');
    assert.equal(formatWait(150_000), '3 min');
    assert.equal(formatWait(89_000), '1 min');
  });

  it('shows rounded hours from an hour', () => {
    assert.equal(formatWait(3_600_000), '1 h');
    assert.equal(formatWait(90 * 60_000), '2 h');
  });
});
