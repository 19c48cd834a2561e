// ProfilePersistence and openTaskStore behaviour that the mutation run of 24 Nov 2026 found
// untested (README, "Coverage and mutation testing"): the migration log line, the memory-only
// fallback writing nothing, its error text for an Error and for anything else, forwarding other
// windows' changes, a failed poll logged, compactIfNeeded, dispose, store errors logged.
// Real files in a temporary folder.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { journalName } from '../../../src/store/journalFormat';
import { MIGRATED_KEY, MIGRATED_VERSION, openTaskStore, ProfilePersistence } from '../../../src/store/openTaskStore';
import { STORE_KEY } from '../../../src/store/storedShape';
import type { ElsewhereChange } from '../../../src/store/taskPersistence';
import { MIN_COMPACTION_BYTES, SNAPSHOT, TaskJournal } from '../../../src/store/taskJournal';
import type { MementoLike } from '../../../src/store/taskStore';

class FakeMemento implements MementoLike {
  readonly data = new Map<string, unknown>();
  /** Thrown (as is) by the next read of the old list. */
  throwOnce: unknown;
  get<T>(key: string): T | undefined {
    if (key === STORE_KEY && this.throwOnce !== undefined) {
      const e = this.throwOnce;
      this.throwOnce = undefined;
      throw e;
    }
    return this.data.get(key) as T | undefined;
  }
  update(key: string, value: unknown): Promise<void> {
    this.data.set(key, value);
    return Promise.resolve();
  }
}

function logLines(): { lines: string[]; info(m: string): void; error(m: string): void } {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(`info ${m}`), error: (m) => lines.push(`error ${m}`) };
}

/** Lets the event loop turn until `done()` (the test's own timeout bounds it). */
async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((r) => setImmediate(r));
}

const OPTIONS = { watch: false, pollMs: 0 };

describe('ProfilePersistence and openTaskStore: behaviour found untested by the mutation run', () => {
  let root: string;
  const open: { dispose(): void }[] = [];
  beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'veo-open-m-'))));
  afterEach(() => {
    open.splice(0).forEach((o) => o.dispose());
    fs.rmSync(root, { recursive: true, force: true });
  });

  function persistence(dir: string, memento: MementoLike, log = logLines()): ProfilePersistence {
    const p = new ProfilePersistence(dir, memento, log, OPTIONS);
    open.push(p);
    return p;
  }

  it('logs the move into the folder on the first load only, and sets the flag to version 2', async () => {
    const memento = new FakeMemento();
    memento.data.set(STORE_KEY, { version: 1, tasks: [{ id: 'old', addedAt: 1 }] });
    const dir = path.join(root, 'globalStorage');
    const log = logLines();
    const p = persistence(dir, memento, log);
    assert.deepEqual(await p.load(), [{ id: 'old', addedAt: 1 }]);
    assert.equal(p.inMemoryOnly, false);
    assert.equal(memento.data.get(MIGRATED_KEY), MIGRATED_VERSION);
    assert.equal(MIGRATED_VERSION, 2);
    assert.deepEqual(log.lines, [`info tasks: moved to ${dir} (the old list stays in globalState, unread)`]);
    const later = logLines();
    assert.deepEqual(await persistence(dir, memento, later).load(), [{ id: 'old', addedAt: 1 }]);
    assert.deepEqual(later.lines, []);
  });

  it('a flag with another value is not taken for migrated: the old list is moved', async () => {
    const memento = new FakeMemento();
    memento.data.set(STORE_KEY, { version: 1, tasks: [{ id: 'old', addedAt: 1 }] });
    memento.data.set(MIGRATED_KEY, 1);
    const log = logLines();
    assert.deepEqual(await persistence(path.join(root, 's'), memento, log).load(), [{ id: 'old', addedAt: 1 }]);
    assert.equal(memento.data.get(MIGRATED_KEY), 2);
    assert.equal(log.lines.length, 1);
  });

  it('a folder that cannot be used: the error names the folder and the reason; appends write nothing there; no compaction', async () => {
    const memento = new FakeMemento();
    memento.data.set(STORE_KEY, { version: 1, tasks: [{ id: 'old', addedAt: 1 }] });
    const dir = path.join(root, 'globalStorage');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, SNAPSHOT), 'not a header\n');
    fs.writeFileSync(path.join(dir, journalName(1)), '');
    const log = logLines();
    const p = persistence(dir, memento, log);
    assert.deepEqual(await p.load(), [{ id: 'old', addedAt: 1 }]);
    assert.equal(p.inMemoryOnly, true);
    assert.deepEqual(log.lines, [
      `error tasks: cannot use ${dir} (${SNAPSHOT} in ${dir} has no valid header: not read): this window keeps its tasks in memory only; changes made here are lost when it closes`,
    ]);
    await p.append([{ id: 'new', add: 2 }]);
    assert.equal(fs.readFileSync(path.join(dir, journalName(1)), 'utf8'), '', 'nothing appended');
    fs.writeFileSync(path.join(dir, journalName(1)), padding(MIN_COMPACTION_BYTES + 1));
    assert.equal(await p.compactIfNeeded(), false);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['journal-1.jsonl', 'snapshot.jsonl']);
    p.poll();
    assert.equal(log.lines.length, 1);
    assert.equal(memento.data.has(MIGRATED_KEY), false);
  });

  it('a failure that is not an Error is logged as text', async () => {
    const memento = new FakeMemento();
    memento.throwOnce = 'the old list is unreadable';
    const log = logLines();
    const dir = path.join(root, 'globalStorage');
    const p = persistence(dir, memento, log);
    assert.deepEqual(await p.load(), []);
    assert.equal(p.inMemoryOnly, true);
    assert.deepEqual(log.lines, [
      `error tasks: cannot use ${dir} (the old list is unreadable): this window keeps its tasks in memory only; changes made here are lost when it closes`,
    ]);
  });

  it('passes on what other windows appended, and the options to its journal', async () => {
    const dir = path.join(root, 'globalStorage');
    let clockReads = 0;
    const p = new ProfilePersistence(dir, new FakeMemento(), logLines(), { ...OPTIONS, clock: () => clockReads++ });
    open.push(p);
    await p.load();
    assert.ok(clockReads > 0, 'the journal uses the clock it was given');
    const seen: ElsewhereChange[] = [];
    p.onDidChangeElsewhere((c) => seen.push(c));
    const other = new TaskJournal(dir, OPTIONS);
    open.push(other);
    await other.load();
    await other.append([{ id: 'elsewhere', add: 3 }]);
    p.poll();
    await until(() => seen.length > 0);
    assert.deepEqual(seen, [{ records: [{ id: 'elsewhere', add: 3 }] }]);
    await p.append([{ id: 'here', add: 4 }]);
    assert.deepEqual((await new TaskJournal(dir, OPTIONS).load()).map((t) => t.id), ['elsewhere', 'here']);
  });

  it('logs a poll that fails (the folder deleted under it)', async () => {
    const dir = path.join(root, 'globalStorage');
    const log = logLines();
    const p = persistence(dir, new FakeMemento(), log);
    await p.load();
    fs.rmSync(dir, { recursive: true });
    p.poll();
    await until(() => log.lines.length > 1);
    assert.match(log.lines[1], /^error tasks: reading other windows' changes failed: Error: ENOENT/);
  });

  it('compactIfNeeded: false while the journal is small, a new snapshot once it has outgrown it', async () => {
    const dir = path.join(root, 'globalStorage');
    const p = persistence(dir, new FakeMemento());
    await p.load();
    await p.append([{ id: 'a', add: 1 }]);
    assert.equal(await p.compactIfNeeded(), false);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['journal-1.jsonl', 'snapshot.jsonl']);
    fs.appendFileSync(path.join(dir, journalName(1)), padding(MIN_COMPACTION_BYTES));
    await p.journal.poll();
    assert.equal(await p.compactIfNeeded(), true);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['journal-1.jsonl', 'journal-2.jsonl', 'snapshot.jsonl']);
    assert.deepEqual((await new TaskJournal(dir, OPTIONS).load()).map((t) => t.id), ['a']);
  });

  it('dispose stops the journal and the forwarding', async () => {
    const dir = path.join(root, 'globalStorage');
    const p = persistence(dir, new FakeMemento());
    await p.load();
    const seen: ElsewhereChange[] = [];
    p.onDidChangeElsewhere((c) => seen.push(c));
    const journalSeen: ElsewhereChange[] = [];
    p.journal.onDidChangeElsewhere((c) => journalSeen.push(c));
    p.dispose();
    fs.appendFileSync(path.join(dir, journalName(1)), '{"id":"late","add":1}\n');
    await p.journal.poll();
    assert.deepEqual(journalSeen, [], 'the journal no longer reads');
    assert.deepEqual(seen, []);
  });

  it('openTaskStore logs a failed write of the store with the "tasks:" prefix', async () => {
    const dir = path.join(root, 'globalStorage');
    const log = logLines();
    const store = openTaskStore(dir, new FakeMemento(), log);
    open.push(store);
    await store.ready;
    const journal = path.join(dir, journalName(1));
    fs.rmSync(journal);
    fs.mkdirSync(journal);
    store.add(['a'], 1);
    await store.flush();
    assert.ok(
      log.lines.some((l) => /^error tasks: EISDIR/.test(l)),
      log.lines.join('\n'),
    );
  });
  it('a migrated profile starts a new folder with no task lines at all, and falls back to no tasks', async () => {
    const memento = new FakeMemento();
    memento.data.set(STORE_KEY, { version: 1, tasks: [{ id: 'old', addedAt: 1 }] });
    memento.data.set(MIGRATED_KEY, MIGRATED_VERSION);
    const dir = path.join(root, 'fresh');
    assert.deepEqual(await persistence(dir, memento).load(), []);
    assert.equal(fs.readFileSync(path.join(dir, SNAPSHOT), 'utf8'), '{"v":2,"gen":1,"folded":{"file":"journal-0.jsonl","offset":0}}\n');
    const blocker = path.join(root, 'file');
    fs.writeFileSync(blocker, '');
    const p = persistence(path.join(blocker, 'globalStorage'), memento);
    assert.deepEqual(await p.load(), []);
    assert.equal(p.inMemoryOnly, true);
  });
});

function padding(bytes: number): string {
  return '\n'.repeat(bytes);
}
