import * as assert from 'node:assert/strict';
import { findTaskIdOccurrences, findTaskIds, findTerminalTaskIds } from '../../../src/input/findTaskIds';

describe('findTaskIds edges (mutation survivors)', () => {
  it('does not call a text of exactly maxChars characters truncated, and keeps an id that ends at its end', () => {
    const text = 'vgen_abc123';
    const r = findTaskIds(text, { maxChars: text.length });
    assert.equal(r.truncated, false);
    assert.deepEqual(r.found.map((f) => f.id), ['vgen_abc123']);
  });

  it('keeps the ids before the cut when the cut goes through a later id', () => {
    const text = 'vgen_abc123 vgen_def456789';
    const r = findTaskIds(text, { maxChars: 20 });
    assert.equal(r.truncated, true);
    assert.deepEqual(r.found.map((f) => f.id), ['vgen_abc123']);
  });

  it('orders field and prefixed matches by position in the text', () => {
    const text = '{"id": "abcdef123"} vgen_abc123 {"task_id": "ghijkl456"} vgen_def456';
    assert.deepEqual(
      findTaskIds(text).found.map((f) => f.id),
      ['abcdef123', 'vgen_abc123', 'ghijkl456', 'vgen_def456'],
    );
    assert.deepEqual(
      findTaskIdOccurrences(text).map((f) => f.id),
      ['abcdef123', 'vgen_abc123', 'ghijkl456', 'vgen_def456'],
    );
  });

  it('treats a maxIds of NaN as the default cap', () => {
    assert.deepEqual(findTaskIdOccurrences('vgen_abc123 vgen_def456', { maxIds: NaN }).map((f) => f.id), ['vgen_abc123', 'vgen_def456']);
    assert.deepEqual(findTaskIds('vgen_abc123 vgen_def456', { maxIds: NaN }).found.map((f) => f.id), ['vgen_abc123', 'vgen_def456']);
    assert.deepEqual(findTerminalTaskIds('vgen_abc123', { maxIds: NaN, maxChars: NaN }).map((f) => f.id), ['vgen_abc123']);
  });
});
