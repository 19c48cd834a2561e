import * as assert from 'node:assert/strict';
import { parseTaskIds, validateStoredTaskId, validateTaskId } from '../../../src/input/parseTaskIds';

describe('parseTaskIds edges (mutation survivors)', () => {
  it('accepts an id that only ends with dots', () => {
    assert.equal(validateStoredTaskId('vgen_abc.'), undefined);
    assert.deepEqual(parseTaskIds('vgen_abc...').ids, ['vgen_abc...']);
  });

  it('names the first character that changes alone as the look-alike, not the first non-ASCII one', () => {
    // "é" is kept by NFKC; the full-width "ｂ" (U+FF42, position 3) is the look-alike.
    const message = validateTaskId('aéｂ') ?? '';
    assert.match(message, /look-alike/);
    assert.match(message, /has U\+FF42 at position 3/);
    assert.match(message, /stands for "b"/);
  });

  it('names the first non-ASCII character when only a sequence changes (Hangul jamo that compose)', () => {
    // U+1100 U+1161 compose to U+AC00 under NFKC, though neither changes alone.
    const message = validateTaskId('x\u1100\u1161') ?? '';
    assert.match(message, /look-alike/);
    assert.match(message, /has U\+1100 at position 2/);
  });

  it('shows an id of exactly 40 characters whole in a message, and cuts one of 41', () => {
    const forty = `${'a'.repeat(39)}\u0001`;
    assert.ok((validateStoredTaskId(forty) ?? '').includes(JSON.stringify(forty)), 'the whole id, not cut');
    const fortyOne = `${'a'.repeat(40)}\u0001`;
    const message = validateStoredTaskId(fortyOne) ?? '';
    assert.ok(!message.includes(JSON.stringify(fortyOne)));
    assert.ok(message.includes(`"${'a'.repeat(37)}..."`));
  });
});
