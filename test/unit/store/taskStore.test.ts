import * as assert from 'node:assert/strict';
import { STORE_KEY } from '../../../src/store/storedShape';
import { MementoLike, StoreChange, TaskStore } from '../../../src/store/taskStore';

/** Stores JSON copies, like VS Code's Memento. `delayMs` makes writes finish later. */
/** What the memento holds, without the per-write `rev` token. */
function persisted(memento: FakeMemento): unknown {
  const { rev, ...rest } = memento.data.get(STORE_KEY) as { rev?: string };
  assert.equal(typeof rev, 'string', 'every write carries a rev');
  return rest;
}

class FakeMemento implements MementoLike {
  readonly data = new Map<string, unknown>();
  readonly writes: unknown[] = [];
  inFlight = 0;
  maxInFlight = 0;
  failNext = false;

  constructor(private readonly delayMs = 0) {}

  get<T>(key: string): T | undefined {
    const v = this.data.get(key);
    return v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as T);
  }

  update(key: string, value: unknown): Promise<void> {
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    const copy: unknown = JSON.parse(JSON.stringify(value));
    const fail = this.failNext;
    this.failNext = false;
    return new Promise<void>((resolve, reject) => {
      setTimeout(() => {
        this.inFlight--;
        if (fail) {
          reject(new Error('disk full'));
          return;
        }
        this.writes.push(copy);
        this.data.set(key, copy);
        resolve();
      }, this.delayMs);
    });
  }
}

function record(store: TaskStore): StoreChange[] {
  const events: StoreChange[] = [];
  store.onDidChange((e) => events.push(e));
  return events;
}

describe('TaskStore', () => {
  it('starts empty over an empty memento', () => {
    const store = new TaskStore(new FakeMemento());
    assert.equal(store.size, 0);
    assert.deepEqual(store.all(), []);
    assert.equal(store.get('a'), undefined);
    assert.equal(store.has('a'), false);
  });

  it('add tracks new ids in order, skips known ones and fires {ids: undefined}', () => {
    const store = new TaskStore(new FakeMemento());
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
    const memento = new FakeMemento();
    const store = new TaskStore(memento);
    store.add(['a'], 1);
    await store.flush();
    const events = record(store);
    assert.deepEqual(store.add(['a'], 2), []);
    assert.deepEqual(store.add([], 2), []);
    await store.flush();
    assert.deepEqual(events, []);
    assert.equal(memento.writes.length, 1);
    assert.equal(store.get('a')?.addedAt, 1);
  });

  it('remove returns the ids removed and fires {ids: undefined}', () => {
    const store = new TaskStore(new FakeMemento());
    store.add(['a', 'b', 'c'], 1);
    const events = record(store);
    assert.deepEqual(store.remove(['b', 'zzz']), ['b']);
    assert.deepEqual(store.remove(['zzz']), []);
    assert.deepEqual(store.all().map((t) => t.id), ['a', 'c']);
    assert.deepEqual(events, [{ ids: undefined }]);
  });

  it('update merges the patch, deletes fields set to undefined and fires {ids: [id]}', () => {
    const store = new TaskStore(new FakeMemento());
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
    const memento = new FakeMemento();
    const store = new TaskStore(memento);
    const events = record(store);
    assert.equal(store.update('nope', { label: 'x' }), undefined);
    await store.flush();
    assert.deepEqual(events, []);
    assert.equal(memento.writes.length, 0);
    assert.equal(store.has('nope'), false);
  });

  it('keeps the position of an updated task', () => {
    const store = new TaskStore(new FakeMemento());
    store.add(['a', 'b', 'c'], 1);
    store.update('a', { label: 'first' });
    assert.deepEqual(store.all().map((t) => t.id), ['a', 'b', 'c']);
  });

  it('persists every change: after flush() the memento holds the latest snapshot', async () => {
    const memento = new FakeMemento();
    const store = new TaskStore(memento);
    store.add(['a', 'b'], 5);
    store.update('a', { label: 'Alpha' });
    store.remove(['b']);
    store.add(['c'], 6);
    await store.flush();
    assert.equal(memento.writes.length, 2, 'the first change is written at once; the three during it, as one write');
    assert.deepEqual(persisted(memento), {
      version: 1,
      tasks: [
        { id: 'a', addedAt: 5, label: 'Alpha' },
        { id: 'c', addedAt: 6 },
      ],
    });
  });

  it('writes one at a time, folding changes made during a write into one write of the latest state', async () => {
    const memento = new FakeMemento(2);
    const store = new TaskStore(memento);
    store.add(['a'], 1);
    store.update('a', { label: 'one' });
    store.update('a', { label: 'two' });
    await store.flush();
    assert.equal(memento.maxInFlight, 1);
    assert.deepEqual(
      memento.writes.map((w) => (w as { tasks: { label?: string }[] }).tasks[0].label),
      [undefined, 'two'],
    );
    assert.deepEqual(persisted(memento), { version: 1, tasks: [{ id: 'a', addedAt: 1, label: 'two' }] });
  });

  it('writes nothing and announces nothing for an update that changes nothing', async () => {
    const memento = new FakeMemento();
    const store = new TaskStore(memento);
    store.add(['a'], 1);
    store.update('a', { label: 'x' });
    await store.flush();
    const writes = memento.writes.length;
    let events = 0;
    store.onDidChange(() => events++);
    store.update('a', { label: 'x', problem: undefined });
    await store.flush();
    assert.equal(memento.writes.length, writes);
    assert.equal(events, 0);
  });

  it('a failed write does not stop later writes or reject flush()', async () => {
    const memento = new FakeMemento();
    const store = new TaskStore(memento);
    memento.failNext = true;
    store.add(['a'], 1);
    await store.flush();
    assert.equal(memento.data.has(STORE_KEY), false);
    store.add(['b'], 2);
    await store.flush();
    assert.deepEqual(persisted(memento), { version: 1, tasks: [{ id: 'a', addedAt: 1 }, { id: 'b', addedAt: 2 }] });
  });

  it('a new TaskStore over the same memento reads the tasks back', async () => {
    const memento = new FakeMemento();
    const first = new TaskStore(memento);
    first.add(['a', 'b'], 5);
    first.update('b', { label: 'Beta', completedAt: 9 });
    await first.flush();
    const second = new TaskStore(memento);
    assert.deepEqual(second.all(), [
      { id: 'a', addedAt: 5 },
      { id: 'b', addedAt: 5, label: 'Beta', completedAt: 9 },
    ]);
  });

  it('catches up with another window before changing anything, so its tasks are not dropped', async () => {
    const memento = new FakeMemento();
    const mine = new TaskStore(memento);
    const other = new TaskStore(memento);
    other.add(['theirs'], 1);
    await other.flush();
    const changes: StoreChange[] = [];
    mine.onDidChange((c) => changes.push(c));
    mine.add(['mine'], 2);
    await mine.flush();
    assert.deepEqual(mine.all().map((t) => t.id), ['theirs', 'mine']);
    assert.deepEqual((persisted(memento) as { tasks: { id: string }[] }).tasks.map((t) => t.id), ['theirs', 'mine']);
    assert.deepEqual(changes[0], { ids: undefined }, 'the re-read is announced');
    other.update('theirs', { label: 'still here' });
    await other.flush();
    assert.deepEqual(other.all().map((t) => t.id), ['theirs', 'mine'], 'and the other window sees mine');
  });

  it('reload() picks up what another store wrote', async () => {
    const memento = new FakeMemento();
    const mine = new TaskStore(memento);
    mine.add(['a'], 1);
    await mine.flush();
    const other = new TaskStore(memento);
    other.add(['z'], 2);
    other.remove(['a']);
    await other.flush();
    assert.deepEqual(mine.all().map((t) => t.id), ['a']);
    mine.reload();
    assert.deepEqual(mine.all().map((t) => t.id), ['z']);
  });

  it('tolerates garbage in the memento', () => {
    const memento = new FakeMemento();
    memento.data.set(STORE_KEY, { version: 1, tasks: [null, { id: 'ok' }, { id: 'ok', addedAt: 3 }] });
    assert.deepEqual(new TaskStore(memento).all(), [{ id: 'ok', addedAt: 0 }]);
    memento.data.set(STORE_KEY, 'corrupt');
    assert.deepEqual(new TaskStore(memento).all(), []);
  });

  it('stops firing after dispose() and after a listener is disposed', () => {
    const store = new TaskStore(new FakeMemento());
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
