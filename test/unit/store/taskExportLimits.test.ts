// taskExport at its limits: the error column of the CSV, the size and count limits to the byte
// and the entry (the defaults included), and a field left undefined is not an update.
import * as assert from 'node:assert/strict';
import { MAX_IMPORT_BYTES, parseImport, planMerge, tasksToCsv, tooLarge } from '../../../src/store/taskExport';
import type { TrackedTask } from '../../../src/store/trackedTask';

describe('taskExport: limits', () => {
  it("the CSV carries a failed task's error", () => {
    const csv = tasksToCsv([{ id: 'a', addedAt: 0, result: { id: 'a', status: 'failed', video_url: null, error: 'quota exceeded' } } as TrackedTask]);
    assert.ok(csv.split('\r\n')[1].includes(',quota exceeded,'), csv);
  });

  it('says the size limit in MB', () => {
    assert.equal(tooLarge(), 'The file is larger than 20 MB.');
    assert.equal(tooLarge(5 * 1024 * 1024), 'The file is larger than 5 MB.');
  });

  it('takes a file of exactly the size limit and refuses one byte more', () => {
    const text = JSON.stringify({ tasks: [{ id: 'a', addedAt: 1 }] });
    const size = Buffer.byteLength(text);
    assert.deepEqual(parseImport(text, { maxBytes: size, maxTasks: 10 }), { tasks: [{ id: 'a', addedAt: 1 }], refused: 0 });
    assert.equal(parseImport(text, { maxBytes: size - 1, maxTasks: 10 }), tooLarge(size - 1));
  });

  it('takes exactly the most entries and refuses one more', () => {
    const tasks = [{ id: 'a', addedAt: 1 }, { id: 'b', addedAt: 1 }];
    assert.equal((parseImport(JSON.stringify(tasks), { maxBytes: 1e6, maxTasks: 2 }) as { tasks: unknown[] }).tasks.length, 2);
    assert.equal(typeof parseImport(JSON.stringify(tasks), { maxBytes: 1e6, maxTasks: 1 }), 'string');
  });

  it('without limits given, a file over 20 MB is refused before it is parsed', () => {
    const big = Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x20);
    assert.equal(parseImport(big), tooLarge());
  });

  it('a field the imported task leaves undefined is not an update', () => {
    const current: TrackedTask = { id: 'a', addedAt: 1 };
    const plan = planMerge(() => current, [{ id: 'a', addedAt: 1, label: undefined }], 10);
    assert.deepEqual(plan, { added: [], updated: [], existing: 1 });
  });
});
