import * as assert from 'node:assert/strict';
import { DownloadError, isDownloadError } from '../../../src/download/downloadError';

describe('isDownloadError edges (mutation survivors)', () => {
  it('is true for a DownloadError', () => {
    assert.equal(isDownloadError(new DownloadError('http', 'x')), true);
  });

  it('is false for a value that is not an Error, even one shaped like a DownloadError', () => {
    assert.equal(isDownloadError({ name: 'DownloadError', reason: 'http', message: 'x' }), false);
    assert.equal(isDownloadError({ reason: 'http' }), false);
  });

  it('is false for an Error named otherwise that carries a reason', () => {
    assert.equal(isDownloadError(Object.assign(new Error('x'), { reason: 'http' })), false);
  });

  it('is false for an Error named DownloadError without a reason', () => {
    const e = new Error('x');
    e.name = 'DownloadError';
    assert.equal(isDownloadError(e), false);
  });
});
