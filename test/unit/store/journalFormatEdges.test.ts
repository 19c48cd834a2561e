// journalFormat at its edges: records with `set`/`unset` read back exactly, every kind of wrong
// field refused, the line-length limit to the byte, a leading "\n" consumed, `id` never unset,
// and records that change nothing not written.
import * as assert from 'node:assert/strict';
import { applyRecord, completeLines, diffRecord, MAX_LINE_BYTES, parseLines, parseRecord, parseTaskLine } from '../../../src/store/journalFormat';
import type { TrackedTask } from '../../../src/store/trackedTask';

/** `prefix` + a padding field + `}` so that the line is exactly `length` characters. */
function padded(prefix: string, length: number): string {
  const open = `${prefix},"pad":"`;
  return `${open}${'x'.repeat(length - open.length - 2)}"}`;
}

describe('journalFormat: edges', () => {
  it('reads set, unset and both exactly as written', () => {
    assert.deepEqual(parseRecord('{"id":"a","set":{"label":"x"}}'), { id: 'a', set: { label: 'x' } });
    assert.deepEqual(parseRecord('{"id":"a","unset":["label","problem"]}'), { id: 'a', unset: ['label', 'problem'] });
    assert.deepEqual(parseRecord('{"id":"a","set":{"label":"x"},"unset":["problem"]}'), { id: 'a', set: { label: 'x' }, unset: ['problem'] });
  });

  it('refuses a set that is not an object, an unset with anything but names, and an add that is not a finite number', () => {
    for (const line of [
      '{"id":"a","set":5}',
      '{"id":"a","set":"label"}',
      '{"id":"a","set":null}',
      '{"id":"a","set":["label"]}',
      '{"id":"a","unset":"label"}',
      '{"id":"a","unset":[1,"label"]}',
      '{"id":"a","unset":["label",null]}',
      '{"id":"a","add":"1"}',
      '{"id":"a","add":1e999}',
      '{"id":"a"}',
    ]) {
      assert.equal(parseRecord(line), undefined, line);
    }
  });

  it('reads a line of exactly the longest length and skips one a character longer (records and snapshot lines)', () => {
    const record = padded('{"id":"a","add":1', MAX_LINE_BYTES);
    assert.equal(record.length, MAX_LINE_BYTES);
    assert.deepEqual(parseRecord(record), { id: 'a', add: 1 });
    assert.equal(parseRecord(padded('{"id":"a","add":1', MAX_LINE_BYTES + 1)), undefined);
    const task = padded('{"id":"a","addedAt":5', MAX_LINE_BYTES);
    assert.deepEqual(parseTaskLine(task), { id: 'a', addedAt: 5 });
    assert.equal(parseTaskLine(padded('{"id":"a","addedAt":5', MAX_LINE_BYTES + 1)), undefined);
  });

  it('consumes the newline every write starts with, even before a line still being written', () => {
    assert.deepEqual(completeLines(Buffer.from('\n{"id":"a","ad')), { text: '\n', consumed: 1 });
    assert.deepEqual(parseLines('\n{"id":"a","ad'), { records: [], consumed: 1 });
    assert.deepEqual(completeLines(Buffer.from('{"id":"a","ad')), { text: '', consumed: 0 });
  });

  it('never unsets the id: an unset of "id" and "label" removes the label only', () => {
    const tasks = new Map<string, TrackedTask>([['a', { id: 'a', addedAt: 1, label: 'Beach' }]]);
    assert.equal(applyRecord(tasks, { id: 'a', unset: ['id' as never, 'label'] }), true);
    assert.deepEqual(tasks.get('a'), { id: 'a', addedAt: 1 });
  });

  it('an add for an id that is not a valid task id changes nothing', () => {
    const tasks = new Map<string, TrackedTask>();
    assert.equal(applyRecord(tasks, { id: '', add: 1 }), false);
    assert.equal(tasks.size, 0);
  });

  it('diffRecord: nothing for an unchanged copy; a field that became undefined is unset, never set to undefined', () => {
    const before: TrackedTask = { id: 'a', addedAt: 1, label: 'Beach', pinned: true };
    assert.equal(diffRecord(before, { ...before }), undefined);
    assert.deepEqual(diffRecord(before, { ...before, label: undefined }), { id: 'a', unset: ['label'] });
    assert.deepEqual(diffRecord(before, { ...before, label: 'Sea' }), { id: 'a', set: { label: 'Sea' } });
  });
});
