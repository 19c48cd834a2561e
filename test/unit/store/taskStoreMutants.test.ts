// TaskStore at its edges: catchUp() before and after the load, a store disposed during its load
// or a reload, reload() taking a changed list, imports held as stored (one `add` for a bare task,
// nothing for a field the stored rules drop), trim under the limit, a failed write followed by
// another window's change, and which change event other windows' records give.
import * as assert from 'node:assert/strict';
import { MemoryPersistence } from '../../../src/store/taskPersistence';
import { TaskStore } from '../../../src/store/taskStore';
import type { TrackedTask } from '../../../src/store/trackedTask';
import { open, record } from './memoryStore';

/** Memory persistence that counts `poll()` calls. */
class PolledPersistence extends MemoryPersistence {
  polls = 0;
  poll(): void {
    this.polls++;
  }
}

const done = (id: string, completedAt: number): TrackedTask => ({
  id,
  addedAt: 1,
  completedAt,
  result: { id, status: 'completed', video_url: null, error: null },
});

describe('TaskStore: edges', () => {
  it('catchUp() asks the persistence to poll only once loaded, and always returns false', async () => {
    const p = new PolledPersistence();
    const store = new TaskStore(p);
    assert.equal(store.catchUp(), false);
    assert.equal(p.polls, 0, 'not before the load');
    await store.ready;
    assert.equal(store.catchUp(), false);
    assert.equal(p.polls, 1);
  });

  it('catchUp() over a persistence without poll() does nothing', async () => {
    const store = await open();
    assert.equal(store.catchUp(), false);
  });

  it('a store disposed before its load resolved takes nothing from it', async () => {
    const p = new PolledPersistence([{ id: 'a', addedAt: 1 }]);
    const store = new TaskStore(p);
    store.dispose();
    await store.ready;
    assert.deepEqual(store.all(), []);
    store.catchUp();
    assert.equal(p.polls, 0, 'still not loaded');
  });

  it('reload() takes the list the persistence has now and announces it with {ids: undefined}', async () => {
    const p = new MemoryPersistence([{ id: 'a', addedAt: 1 }]);
    const store = await open(p);
    const events = record(store);
    p.load = () => Promise.resolve([{ id: 'n', addedAt: 2 }]);
    await store.reload();
    assert.deepEqual(store.all(), [{ id: 'n', addedAt: 2 }]);
    assert.deepEqual(events, [{ ids: undefined }]);
  });

  it('a store disposed during reload() keeps what it had', async () => {
    const p = new MemoryPersistence([{ id: 'a', addedAt: 1 }]);
    const store = await open(p);
    p.load = () => Promise.resolve([{ id: 'n', addedAt: 2 }]);
    const reloaded = store.reload();
    store.dispose();
    await reloaded;
    assert.deepEqual(store.all(), [{ id: 'a', addedAt: 1 }]);
  });

  it('update removes fields set to undefined even from a task whose id the stored rules refuse', async () => {
    const store = await open();
    store.add(['..'], 1);
    store.update('..', { label: 'dots' });
    const next = store.update('..', { label: undefined });
    assert.deepEqual(next, { id: '..', addedAt: 1 });
    assert.deepEqual(Object.keys(store.get('..') ?? {}), ['id', 'addedAt']);
  });

  it('imports a new task as it will be stored, with one add record for a bare task', async () => {
    const p = new MemoryPersistence();
    const store = await open(p);
    store.importTasks([{ id: 'n', addedAt: 7, label: 'x'.repeat(200) }, { id: 'bare', addedAt: 8 }], 100);
    await store.flush();
    assert.equal(store.get('n')?.label, 'x'.repeat(120), 'cut as stored labels are');
    assert.deepEqual(p.records, [
      { id: 'n', add: 7 },
      { id: 'n', set: { label: 'x'.repeat(120) } },
      { id: 'bare', add: 8 },
    ]);
  });

  it('completes a tracked task with an imported field as it will be stored', async () => {
    const store = await open(new MemoryPersistence([{ id: 'a', addedAt: 1 }]));
    const result = store.importTasks([{ id: 'a', addedAt: 1, label: 'y'.repeat(200) }], 100);
    assert.deepEqual(result, { added: [], updated: ['a'], existing: 1 });
    assert.equal(store.get('a')?.label, 'y'.repeat(120));
  });

  it('an imported field the stored rules drop updates nothing', async () => {
    const p = new MemoryPersistence([{ id: 'a', addedAt: 1 }]);
    const store = await open(p);
    const result = store.importTasks([{ id: 'a', addedAt: 1, pinned: 'yes' } as unknown as TrackedTask], 100);
    assert.deepEqual(result, { added: [], updated: [], existing: 1 });
    await store.flush();
    assert.equal(p.appends, 0);
  });

  it('trim(max) removes nothing while there are fewer tasks than max, however many are finished', async () => {
    const store = await open(new MemoryPersistence([done('a', 10), done('b', 20), done('c', 30), done('d', 40)]));
    assert.deepEqual(store.trim(5), []);
    assert.deepEqual(store.trim(4), []);
    assert.equal(store.size, 4);
  });

  it("merges another window's change after a failed write, keeping the unwritten change", async () => {
    const p = new MemoryPersistence([{ id: 'a', addedAt: 1 }]);
    const errors: unknown[] = [];
    const store = new TaskStore(p, (e) => errors.push(e));
    await store.ready;
    p.failNext = true;
    store.update('a', { label: 'mine' });
    await store.flush();
    assert.equal(errors.length, 1);
    const events = record(store);
    p.changeElsewhere({ records: [{ id: 'a', set: { notified: true } }] });
    assert.deepEqual(store.get('a'), { id: 'a', addedAt: 1, label: 'mine', notified: true });
    assert.deepEqual(events, [{ ids: ['a'] }]);
  });

  it('ignores a change announced before its load resolved (the load has it)', async () => {
    const p = new MemoryPersistence();
    p.load = () =>
      new Promise((resolve) => {
        setImmediate(() => {
          p.changeElsewhere({ records: [{ id: 'x', add: 3 }] });
          resolve([{ id: 'x', addedAt: 3 }]);
        });
      });
    const store = new TaskStore(p);
    const events = record(store);
    await store.ready;
    assert.deepEqual(events, [{ ids: undefined }], 'only the load is announced');
    assert.deepEqual(store.all(), [{ id: 'x', addedAt: 3 }]);
  });

  it('a task added and changed in one batch from elsewhere is announced as a new task', async () => {
    const p = new MemoryPersistence();
    const store = await open(p);
    const events = record(store);
    p.changeElsewhere({ records: [{ id: 'n', add: 3 }, { id: 'n', set: { label: 'L' } }] });
    assert.deepEqual(store.all(), [{ id: 'n', addedAt: 3, label: 'L' }]);
    assert.deepEqual(events, [{ ids: undefined }]);
  });

  it('a task removed elsewhere is announced as a change of the list', async () => {
    const p = new MemoryPersistence([{ id: 'a', addedAt: 1 }, { id: 'b', addedAt: 1 }]);
    const store = await open(p);
    const events = record(store);
    p.changeElsewhere({ records: [{ id: 'a', del: 1 }] });
    assert.deepEqual(store.all(), [{ id: 'b', addedAt: 1 }]);
    assert.deepEqual(events, [{ ids: undefined }]);
  });
});
