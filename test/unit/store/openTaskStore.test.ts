import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MIGRATED_KEY, openTaskStore, ProfilePersistence } from '../../../src/store/openTaskStore';
import { deserializeTasks, STORE_KEY } from '../../../src/store/storedShape';
import { SNAPSHOT } from '../../../src/store/taskJournal';
import { MementoLike, TaskStore } from '../../../src/store/taskStore';

/** Stores JSON copies, like VS Code's Memento; counts reads of the old key. */
class FakeMemento implements MementoLike {
  readonly data = new Map<string, unknown>();
  oldReads = 0;
  get<T>(key: string): T | undefined {
    if (key === STORE_KEY) this.oldReads++;
    const v = this.data.get(key);
    return v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as T);
  }
  update(key: string, value: unknown): Promise<void> {
    this.data.set(key, JSON.parse(JSON.stringify(value)));
    return Promise.resolve();
  }
}

/** A version 1 value as the previous release wrote it: every field a task can have. */
const V1 = {
  version: 1,
  rev: '5b0f3c1e-8f1a-4a57-9d5e-2f8c3c1b9a10',
  tasks: [
    {
      id: 'veo3-fast:1761635478-abc',
      label: 'Beach at dusk',
      request: { prompt: 'A beach at dusk,\nwaves', model: 'veo_3_1_fast', resolution: '720p', aspectRatio: '16:9', mode: 'text' },
      addedAt: 1761635470000,
      result: {
        id: 'veo3-fast:1761635478-abc',
        object: 'video',
        created: 1761635478,
        model: 'veo_3_1_fast',
        status: 'completed',
        video_url: 'https://cdn.example/v/abc.mp4?sig=1',
        actualDuration: 8,
        error: null,
      },
      completedAt: 1761635600000,
      notified: true,
      localFile: '/home/u/Videos/beach.mp4',
      expiryWarned: true,
    },
    { id: 'failed-1', addedAt: 1761635000000, result: { id: 'failed-1', status: 'failed', video_url: null, error: 'content policy' }, notified: true, linkExpired: true },
    { id: 'gone-1', addedAt: 1761634000000, notFound: true, notFoundStreak: { count: 3, since: 1761634100000 } },
    { id: 'queued-1', addedAt: 1761636000000, problem: { message: 'rate limited', retryAt: 1761636060000, kind: 'rateLimited' } },
  ],
};

const log = () => {
  const lines: string[] = [];
  return { lines, info: (m: string) => lines.push(`info ${m}`), error: (m: string) => lines.push(`error ${m}`) };
};

describe('openTaskStore (migration and fallback)', () => {
  let root: string;
  beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'veo-open-'))));
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('migrates a realistic version 1 list once: same tasks, flag set, old key kept and not read again', async () => {
    const memento = new FakeMemento();
    memento.data.set(STORE_KEY, V1);
    const dir = path.join(root, 'globalStorage');
    const store = openTaskStore(dir, memento, log());
    await store.ready;
    const expected = deserializeTasks(V1);
    assert.equal(expected.length, 4);
    assert.deepEqual(store.all(), expected);
    assert.equal(memento.data.get(MIGRATED_KEY), 2);
    assert.deepEqual(memento.data.get(STORE_KEY), V1, 'the old list stays');
    store.update('gone-1', { label: 'renamed' });
    await store.flush();
    store.dispose();
    // The old list changes (an older version of the extension in another window): not read again.
    memento.data.set(STORE_KEY, { version: 1, tasks: [{ id: 'zombie', addedAt: 1 }] });
    const reads = memento.oldReads;
    const again = openTaskStore(dir, memento, log());
    await again.ready;
    assert.equal(memento.oldReads, reads);
    assert.deepEqual(again.all().map((t) => t.id), expected.map((t) => t.id));
    assert.equal(again.get('gone-1')?.label, 'renamed');
    again.dispose();
  });

  it('two windows migrating at once: one snapshot, no duplicates, nothing lost', async () => {
    const memento = new FakeMemento();
    memento.data.set(STORE_KEY, V1);
    const dir = path.join(root, 'globalStorage');
    const [a, b] = [openTaskStore(dir, memento, log()), openTaskStore(dir, memento, log())];
    await Promise.all([a.ready, b.ready]);
    const expected = deserializeTasks(V1);
    assert.deepEqual(a.all(), expected);
    assert.deepEqual(b.all(), expected);
    const lines = fs.readFileSync(path.join(dir, SNAPSHOT), 'utf8').trim().split('\n');
    assert.equal(lines.length, 1 + expected.length, 'a header and each task once');
    assert.deepEqual(fs.readdirSync(dir).sort(), ['journal-1.jsonl', 'snapshot.jsonl'], 'no temp file left');
    a.dispose();
    b.dispose();
  });

  it('starts empty when there is no old list, and when the flag says it was migrated', async () => {
    const memento = new FakeMemento();
    const store = openTaskStore(path.join(root, 'a'), memento, log());
    await store.ready;
    assert.equal(store.size, 0);
    memento.data.set(STORE_KEY, V1);
    const other = openTaskStore(path.join(root, 'b'), memento, log());
    await other.ready;
    assert.equal(other.size, 0, 'migrated already (flag set): the old list is not read');
    store.dispose();
    other.dispose();
  });

  it('a folder that cannot be created: tasks in memory (the old list), a clear error, nothing written to globalState', async () => {
    const memento = new FakeMemento();
    memento.data.set(STORE_KEY, V1);
    const blocker = path.join(root, 'file');
    fs.writeFileSync(blocker, '');
    const lines = log();
    const persistence = new ProfilePersistence(path.join(blocker, 'globalStorage'), memento, lines);
    const store = new TaskStore(persistence);
    await store.ready;
    assert.equal(persistence.inMemoryOnly, true);
    assert.deepEqual(store.all(), deserializeTasks(V1));
    assert.match(lines.lines.join('\n'), /error tasks: cannot use .*memory only/);
    store.add(['new'], 1);
    await store.flush();
    assert.equal(memento.data.has(MIGRATED_KEY), false);
    assert.deepEqual(memento.data.get(STORE_KEY), V1);
    store.dispose();
  });
});
