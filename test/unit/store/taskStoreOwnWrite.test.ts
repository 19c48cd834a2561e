// The store's own write in flight is not another window's: VS Code's globalState shows a new
// value at once and resolves its promise later, so until then the memento holds a rev this store
// has not recorded yet. Catching up then would re-read its own state and announce a full change.
import * as assert from 'node:assert/strict';
import { STORE_KEY } from '../../../src/store/storedShape';
import { MementoLike, StoreChange, TaskStore } from '../../../src/store/taskStore';

/** Like VS Code's Memento: `get` sees an update at once; the promise resolves when `finish()` is called. */
class ImmediateMemento implements MementoLike {
  readonly data = new Map<string, unknown>();
  gets = 0;
  private pending: Array<() => void> = [];

  get<T>(key: string): T | undefined {
    this.gets++;
    const v = this.data.get(key);
    return v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as T);
  }

  update(key: string, value: unknown): Promise<void> {
    this.data.set(key, JSON.parse(JSON.stringify(value)));
    return new Promise((resolve) => this.pending.push(resolve));
  }

  /** Resolves every write so far and lets the store go on. */
  async finish(): Promise<void> {
    while (this.pending.length > 0) {
      this.pending.splice(0).forEach((resolve) => resolve());
      await new Promise((r) => setImmediate(r));
    }
  }
}

describe('TaskStore and its own write in flight', () => {
  it('does not re-read (or announce a full change) for its own write that has not resolved yet', async () => {
    const memento = new ImmediateMemento();
    const store = new TaskStore(memento);
    const changes: StoreChange[] = [];
    store.onDidChange((c) => changes.push(c));
    store.add(['a'], 1); // the write starts; the memento holds it already
    const before = store.get('a');
    store.update('a', { label: 'one' }); // during the write
    store.update('a', { label: 'two' });
    assert.deepEqual(changes, [{ ids: undefined }, { ids: ['a'] }, { ids: ['a'] }], 'no re-read announced in between');
    assert.equal(store.get('a')?.label, 'two');
    assert.notEqual(store.get('a'), before);
    await memento.finish();
    await store.flush();
    assert.deepEqual((memento.data.get(STORE_KEY) as { tasks: unknown[] }).tasks, [{ id: 'a', addedAt: 1, label: 'two' }]);
    assert.deepEqual(changes.length, 3);
  });

  it('does not re-read during its own write even when nothing changed after it started', async () => {
    const memento = new ImmediateMemento();
    const store = new TaskStore(memento);
    store.add(['a'], 1);
    const gets = memento.gets;
    const changes: StoreChange[] = [];
    store.onDidChange((c) => changes.push(c));
    // The write is in flight and nothing is dirty: only the in-flight write keeps catchUp away.
    assert.equal(store.catchUp(), false);
    assert.equal(memento.gets, gets, 'it did not even look');
    assert.deepEqual(changes, []);
    await memento.finish();
    await store.flush();
    assert.equal(store.catchUp(), false, 'its own write, once resolved, is what it last wrote');
  });

  it('still catches up with another window once its own write resolved (positive control)', async () => {
    const memento = new ImmediateMemento();
    const mine = new TaskStore(memento);
    mine.add(['mine'], 1);
    await memento.finish();
    await mine.flush();
    const other = new TaskStore(memento);
    other.add(['theirs'], 2);
    await memento.finish();
    await other.flush();
    const changes: StoreChange[] = [];
    mine.onDidChange((c) => changes.push(c));
    assert.equal(mine.catchUp(), true);
    assert.deepEqual(changes, [{ ids: undefined }]);
    assert.deepEqual(mine.all().map((t) => t.id), ['mine', 'theirs']);
  });
});
