import * as assert from 'node:assert/strict';
import { formatBytes, progressMessage } from '../../../src/util/formatBytes';

describe('formatBytes', () => {
  it('uses binary units with one decimal under 10', () => {
    assert.equal(formatBytes(512), '512 B');
    assert.equal(formatBytes(1536), '1.5 KB');
    assert.equal(formatBytes(786_272), '768 KB');
    assert.equal(formatBytes(200 * 1024 * 1024), '200 MB');
    assert.equal(formatBytes(1024 ** 3), '1.0 GB');
  });
});

describe('progressMessage', () => {
  it('shows percent, size and speed', () => {
    assert.equal(progressMessage(512 * 1024, 1024 * 1024, 2 * 1024 * 1024), '50% · 512 KB of 1.0 MB · 2.0 MB/s');
  });
  it('leaves out the percent when the size is unknown', () => {
    assert.equal(progressMessage(2048, undefined, 1024), '2.0 KB · 1.0 KB/s');
  });
});
