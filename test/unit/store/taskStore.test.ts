import * as assert from 'node:assert/strict';
import { applyRecord } from '../../../src/store/journalFormat';
import { MemoryPersistence } from '../../../src/store/taskPersistence';
import { StoreChange, TaskStore } from '../../../src/store/taskStore';
import type { TrackedTask } from '../../../src/store/trackedTask';
import { open, record } from './memoryStore';

/** What the records written so far make of an empty list. */
function replayed(p: MemoryPersistence, initial: TrackedTask[] = []): TrackedTask[] {
  const tasks = new Map(initial.map((t) => [t.id, t]));
  for (const r of p.records) applyRecord(tasks, r);
  return [...tasks.values()];
}

describe('TaskStore', () => {
  it('starts empty over empty persistence', async () => {
    const store = await open();
    assert.equal(store.size, 0);
    assert.deepEqual(store.all(), []);
    assert.equal(store.get('a'), undefined);
    assert.equal(store.has('a'), false);
  });

  it('is empty until loaded, then announces the load with {ids: undefined}', async () => {
    const store = new TaskStore(new MemoryPersistence([{ id: 'a', addedAt: 1 }]));
    const events = record(store);
    assert.equal(store.size, 0);
    await store.ready;
    assert.deepEqual(store.all(), [{ id: 'a', addedAt: 1 }]);
    assert.deepEqual(events, [{ ids: undefined }]);
  });

  it('keeps changes made before it was loaded, and writes them after', async () => {
    const p = new MemoryPersistence([{ id: 'a', addedAt: 1 }]);
    const store = new TaskStore(p);
    store.add(['b', 'a'], 2);
    assert.equal(p.appends, 0, 'nothing written before the load');
    await store.flush();
    assert.deepEqual(store.all(), [
      { id: 'a', addedAt: 1 },
      { id: 'b', addedAt: 2 },
    ]);
    assert.deepEqual(replayed(p, [{ id: 'a', addedAt: 1 }]), store.all());
  });

  it('add tracks new ids in order, skips known ones and fires {ids: undefined}', async () => {
    const store = await open();
    const events = record(store);
    assert.deepEqual(store.add(['a', 'b'], 100), ['a', 'b']);
    assert.deepEqual(store.add(['b', 'c'], 200), ['c']);
    assert.deepEqual(store.all(), [
      { id: 'a', addedAt: 100 },
      { id: 'b', addedAt: 100 },
      { id: 'c', addedAt: 200 },
    ]);
    assert.equal(store.has('c'), true);
    assert.equal(store.size, 3);
    assert.deepEqual(events, [{ ids: undefined }, { ids: undefined }]);
  });

  it('adding only known ids changes nothing, fires nothing and writes nothing', async () => {
    const p = new MemoryPersistence();
    const store = await open(p);
    store.add(['a'], 1);
    await store.flush();
    const events = record(store);
    assert.deepEqual(store.add(['a'], 2), []);
    assert.deepEqual(store.add([], 2), []);
    await store.flush();
    assert.deepEqual(events, []);
    assert.equal(p.appends, 1);
    assert.equal(store.get('a')?.addedAt, 1);
  });

  it('remove returns the ids removed and fires {ids: undefined}', async () => {
    const store = await open();
    store.add(['a', 'b', 'c'], 1);
    const events = record(store);
    assert.deepEqual(store.remove(['b', 'zzz']), ['b']);
    assert.deepEqual(store.remove(['zzz']), []);
    assert.deepEqual(store.all().map((t) => t.id), ['a', 'c']);
    assert.deepEqual(events, [{ ids: undefined }]);
  });

  it('update merges the patch, deletes fields set to undefined and fires {ids: [id]}', async () => {
    const store = await open();
    store.add(['a', 'b'], 1);
    const events = record(store);
    const next = store.update('a', { label: 'Cat', problem: { message: 'HTTP 503', retryAt: 9 } });
    assert.deepEqual(next, { id: 'a', addedAt: 1, label: 'Cat', problem: { message: 'HTTP 503', retryAt: 9 } });
    const cleared = store.update('a', { problem: undefined, notified: true });
    assert.deepEqual(cleared, { id: 'a', addedAt: 1, label: 'Cat', notified: true });
    assert.equal(Object.prototype.hasOwnProperty.call(cleared, 'problem'), false);
    assert.deepEqual(store.get('a'), cleared);
    assert.deepEqual(events, [{ ids: ['a'] }, { ids: ['a'] }]);
  });

  it('update of an unknown id returns undefined and fires nothing', async () => {
    const p = new MemoryPersistence();
    const store = await open(p);
    const events = record(store);
    assert.equal(store.update('nope', { label: 'x' }), undefined);
    await store.flush();
    assert.deepEqual(events, []);
    assert.equal(p.appends, 0);
    assert.equal(store.has('nope'), false);
  });

  it('keeps the position of an updated task', async () => {
    const store = await open();
    store.add(['a', 'b', 'c'], 1);
    store.update('a', { label: 'first' });
    assert.deepEqual(store.all().map((t) => t.id), ['a', 'b', 'c']);
  });

  it('writes one record per change, only the fields that changed', async () => {
    const p = new MemoryPersistence();
    const store = await open(p);
    store.add(['a', 'b'], 5);
    store.update('a', { label: 'Alpha', problem: { message: 'x' } });
    store.update('a', { problem: undefined });
    store.remove(['b']);
    store.add(['c'], 6);
    await store.flush();
    assert.deepEqual(p.records, [
      { id: 'a', add: 5 },
      { id: 'b', add: 5 },
      { id: 'a', set: { label: 'Alpha', problem: { message: 'x' } } },
      { id: 'a', unset: ['problem'] },
      { id: 'b', del: 1 },
      { id: 'c', add: 6 },
    ]);
    assert.deepEqual(replayed(p), store.all());
  });

  it('writes one at a time, folding changes made during a write into the next one', async () => {
    const p = new MemoryPersistence([], 2);
    const store = await open(p);
    store.add(['a'], 1);
    store.update('a', { label: 'one' });
    store.update('a', { label: 'two' });
    await store.flush();
    assert.equal(p.maxInFlight, 1);
    assert.equal(p.appends, 2, 'the first change at once; the two during it, as one append');
    assert.deepEqual(replayed(p), [{ id: 'a', addedAt: 1, label: 'two' }]);
  });

  it('writes nothing and announces nothing for an update that changes nothing', async () => {
    const p = new MemoryPersistence();
    const store = await open(p);
    store.add(['a'], 1);
    store.update('a', { label: 'x' });
    await store.flush();
    const appends = p.appends;
    let events = 0;
    store.onDidChange(() => events++);
    store.update('a', { label: 'x', problem: undefined });
    await store.flush();
    assert.equal(p.appends, appends);
    assert.equal(events, 0);
  });

  it('a failed write does not reject flush(); its records go out with the next change', async () => {
    const p = new MemoryPersistence();
    const errors: unknown[] = [];
    const store = new TaskStore(p, (e) => errors.push(e));
    await store.ready;
    p.failNext = true;
    store.add(['a'], 1);
    await store.flush();
    assert.equal(p.records.length, 0);
    assert.equal(errors.length, 1);
    store.add(['b'], 2);
    await store.flush();
    assert.deepEqual(replayed(p), [
      { id: 'a', addedAt: 1 },
      { id: 'b', addedAt: 2 },
    ]);
  });

  it('a load that fails is reported; the store works in memory', async () => {
    const p = new MemoryPersistence();
    p.load = () => Promise.reject(new Error('EACCES'));
    const errors: unknown[] = [];
    const store = new TaskStore(p, (e) => errors.push(e));
    await store.ready;
    assert.equal(errors.length, 1);
    store.add(['a'], 1);
    assert.equal(store.size, 1);
  });

  it('merges another window\'s records per task and announces only what changed', async () => {
    const p = new MemoryPersistence();
    const store = await open(p);
    store.add(['a', 'b'], 1);
    store.update('a', { label: 'mine' });
    await store.flush();
    const events = record(store);
    p.changeElsewhere({ records: [{ id: 'b', set: { notified: true } }, { id: 'a', set: { label: 'mine' } }] });
    assert.deepEqual(events, [{ ids: ['b'] }], 'a is unchanged (this window\'s own record, read back)');
    assert.deepEqual(store.get('b'), { id: 'b', addedAt: 1, notified: true });
    assert.equal(store.get('a')?.label, 'mine');
    p.changeElsewhere({ records: [{ id: 'z', add: 3 }] });
    assert.deepEqual(events[1], { ids: undefined });
    assert.deepEqual(store.all().map((t) => t.id), ['a', 'b', 'z']);
    p.changeElsewhere({ records: [] });
    assert.equal(events.length, 2);
  });

  it('keeps its own change that is not written yet over another window\'s older one', async () => {
    const p = new MemoryPersistence([{ id: 'a', addedAt: 1 }], 5);
    const store = await open(p);
    store.update('a', { label: 'mine' }); // in flight
    p.changeElsewhere({ records: [{ id: 'a', set: { label: 'theirs', notified: true } }] });
    assert.deepEqual(store.get('a'), { id: 'a', addedAt: 1, label: 'mine', notified: true });
    await store.flush();
  });

  it('a whole new list from elsewhere replaces the tasks', async () => {
    const p = new MemoryPersistence([{ id: 'a', addedAt: 1 }]);
    const store = await open(p);
    const events = record(store);
    p.changeElsewhere({ tasks: [{ id: 'z', addedAt: 2 }] });
    assert.deepEqual(store.all(), [{ id: 'z', addedAt: 2 }]);
    assert.deepEqual(events, [{ ids: undefined }]);
  });

  it('reload() reads the persisted tasks again', async () => {
    const p = new MemoryPersistence([{ id: 'a', addedAt: 1 }]);
    const store = await open(p);
    store.remove(['a']);
    await store.reload();
    assert.deepEqual(store.all(), [], 'its own removal is written and kept');
    const other = new TaskStore(new MemoryPersistence([{ id: 'q', addedAt: 1 }]));
    await other.reload();
    assert.deepEqual(other.all(), [{ id: 'q', addedAt: 1 }]);
  });

  it('trim(max) removes the oldest finished tasks beyond max and keeps unfinished ones', async () => {
    const done = (id: string, completedAt?: number): TrackedTask => ({
      id,
      addedAt: 1,
      ...(completedAt === undefined ? {} : { completedAt }),
      result: { id, status: 'completed', video_url: null, error: null },
    });
    const p = new MemoryPersistence([done('new', 30), { id: 'run', addedAt: 0 }, done('old', 10), done('mid', 20), { id: 'nf', addedAt: 5, notFound: true }]);
    const store = await open(p);
    assert.deepEqual(store.trim(10), []);
    assert.deepEqual(store.trim(3), ['nf', 'old']);
    assert.deepEqual(store.all().map((t) => t.id), ['new', 'run', 'mid']);
    assert.deepEqual(store.trim(0), ['mid', 'new']);
    assert.deepEqual(store.all().map((t) => t.id), ['run']);
  });

  it('stops firing after dispose() and after a listener is disposed', async () => {
    const store = await open();
    const kept: StoreChange[] = [];
    const dropped: StoreChange[] = [];
    store.onDidChange((e) => kept.push(e));
    const sub = store.onDidChange((e) => dropped.push(e));
    store.add(['a'], 1);
    sub.dispose();
    store.add(['b'], 1);
    assert.equal(kept.length, 2);
    assert.equal(dropped.length, 1);
    store.dispose();
    store.add(['c'], 1);
    assert.equal(kept.length, 2);
  });
});
