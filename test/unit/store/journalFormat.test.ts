import * as assert from 'node:assert/strict';
import { applyRecord, completeLines, diffRecord, formatRecords, journalGen, parseHeader, parseLines, parseRecord, snapshotHeader } from '../../../src/store/journalFormat';
import type { TrackedTask } from '../../../src/store/trackedTask';

describe('journalFormat', () => {
  it('parses complete lines only and says how many bytes they take (a torn last line is left)', () => {
    const text = '{"id":"a","add":1}\n{"id":"é","add":2}\n{"id":"b","se';
    const { records, consumed } = parseLines(text);
    assert.deepEqual(records, [{ id: 'a', add: 1 }, { id: 'é', add: 2 }]);
    assert.equal(consumed, Buffer.byteLength('{"id":"a","add":1}\n{"id":"é","add":2}\n'));
    assert.deepEqual(parseLines('{"id":"a","add":1}'), { records: [], consumed: 0 });
  });

  it('reads a line written in two pieces once, when it is complete', () => {
    const line = Buffer.from('{"id":"a","set":{"label":"ü"}}\n');
    const first = line.subarray(0, 17); // cuts through nothing usable
    assert.deepEqual(parseLines(first), { records: [], consumed: 0 });
    const whole = parseLines(Buffer.concat([first.subarray(0), line.subarray(17)]));
    assert.deepEqual(whole.records, [{ id: 'a', set: { label: 'ü' } }]);
    assert.equal(whole.consumed, line.length);
    // A cut inside a multi-byte character: the complete part is what ends with "\n".
    const two = Buffer.concat([line, line.subarray(0, line.indexOf(0xc3) + 1)]);
    assert.equal(completeLines(two).consumed, line.length);
  });

  it('skips empty, invalid, oversized and hostile lines', () => {
    const lines = [
      '',
      'not json',
      '[1,2]',
      'null',
      '{"add":1}',
      '{"id":5,"add":1}',
      '{"id":"","add":1}',
      '{"id":"x\u202e","add":1}',
      `{"id":"${'i'.repeat(300)}","add":1}`,
      '{"id":"a","add":"1"}',
      '{"id":"a","del":true}',
      '{"id":"a","set":[1]}',
      '{"id":"a","set":null}',
      '{"id":"a","unset":"label"}',
      '{"id":"a","unset":[1]}',
      '{"id":"a"}',
      `{"id":"a","set":{"label":"${'x'.repeat(300 * 1024)}"}}`,
      '{"id":"ok","add":3}',
    ];
    assert.deepEqual(parseLines(lines.join('\n') + '\n').records, [{ id: 'ok', add: 3 }]);
  });

  it('drops unknown fields and __proto__, validates every field like stored state', () => {
    const tasks = new Map<string, TrackedTask>();
    applyRecord(tasks, parseRecord('{"id":"a","add":1}')!);
    const r = parseRecord('{"id":"a","set":{"__proto__":{"polluted":1},"constructor":{"x":1},"label":"L\\u202eX","localFile":"rel.mp4","notified":"yes","bogus":1,"id":"b","addedAt":5}}')!;
    assert.equal(applyRecord(tasks, r), true);
    const a = tasks.get('a')!;
    assert.deepEqual(a, { id: 'a', addedAt: 5, label: 'LX' });
    assert.equal(Object.getPrototypeOf(a), Object.prototype);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(tasks.has('b'), false);
  });

  it('applies add (first one wins), set/unset per field, del, and ignores changes to untracked tasks', () => {
    const tasks = new Map<string, TrackedTask>();
    assert.equal(applyRecord(tasks, { id: 'a', add: 1 }), true);
    assert.equal(applyRecord(tasks, { id: 'a', add: 2 }), false);
    assert.equal(applyRecord(tasks, { id: 'a', set: { label: 'x', notified: true } }), true);
    assert.equal(applyRecord(tasks, { id: 'a', set: { label: 'x' } }), false, 'same value: no change');
    assert.equal(applyRecord(tasks, { id: 'a', unset: ['label'] }), true);
    assert.deepEqual(tasks.get('a'), { id: 'a', addedAt: 1, notified: true });
    assert.equal(applyRecord(tasks, { id: 'z', set: { label: 'x' } }), false);
    assert.equal(tasks.has('z'), false);
    assert.equal(applyRecord(tasks, { id: 'a', del: 1 }), true);
    assert.equal(applyRecord(tasks, { id: 'a', del: 1 }), false);
  });

  it('diffRecord holds only the fields that changed', () => {
    const before: TrackedTask = { id: 'a', addedAt: 1, label: 'x', problem: { message: 'm' } };
    assert.equal(diffRecord(before, { ...before }), undefined);
    assert.deepEqual(diffRecord(before, { id: 'a', addedAt: 1, label: 'y' }), { id: 'a', set: { label: 'y' }, unset: ['problem'] });
    assert.equal(formatRecords([{ id: 'a', del: 1 }, { id: 'b', add: 2 }]), '{"id":"a","del":1}\n{"id":"b","add":2}\n');
  });

  it('reads headers and journal names', () => {
    assert.deepEqual(parseHeader(JSON.stringify(snapshotHeader(3, 42))), { v: 2, gen: 3, folded: { file: 'journal-2.jsonl', offset: 42 } });
    for (const bad of ['', 'x', '{"v":1,"gen":1,"folded":{"offset":0}}', '{"v":2,"gen":0,"folded":{"offset":0}}', '{"v":2,"gen":1}', '{"v":2,"gen":1,"folded":{"offset":-1}}', '{"v":2,"gen":1.5,"folded":{"offset":0}}']) {
      assert.equal(parseHeader(bad), undefined, bad);
    }
    assert.equal(journalGen('journal-12.jsonl'), 12);
    for (const bad of ['journal-.jsonl', 'journal-1.jsonl.tmp', 'xjournal-1.jsonl', 'journal-1e3.jsonl']) assert.equal(journalGen(bad), undefined, bad);
  });
});
