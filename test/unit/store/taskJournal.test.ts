import * as assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { journalName } from '../../../src/store/journalFormat';
import { MIN_COMPACTION_BYTES, SNAPSHOT, TaskJournal } from '../../../src/store/taskJournal';
import { TaskStore } from '../../../src/store/taskStore';

const CHILD = path.join(__dirname, 'journalChild.js');
const dirs: string[] = [];
const journals: TaskJournal[] = [];

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veo-journal-'));
  dirs.push(dir);
  return path.join(dir, 'tasks');
}

function journal(dir: string, options: ConstructorParameters<typeof TaskJournal>[1] = {}): TaskJournal {
  const j = new TaskJournal(dir, { watch: false, pollMs: 0, ...options });
  journals.push(j);
  return j;
}

async function loadIds(dir: string): Promise<string[]> {
  return (await journal(dir).load()).map((t) => t.id);
}

async function openStore(dir: string): Promise<{ store: TaskStore; journal: TaskJournal }> {
  const j = journal(dir);
  const store = new TaskStore(j);
  await store.ready;
  return { store, journal: j };
}

function child(dir: string, prefix: string, count: number): { proc: ChildProcess; written: string[]; ready: Promise<void>; done: Promise<number | null> } {
  const proc = spawn(process.execPath, [CHILD, dir, prefix, String(count)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const written: string[] = [];
  let buffered = '';
  let onReady!: () => void;
  const ready = new Promise<void>((r) => (onReady = r));
  proc.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines) {
      if (line === 'ready') onReady();
      else written.push(line);
    }
  });
  const done = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
  return { proc, written, ready, done };
}

describe('TaskJournal', () => {
  afterEach(() => {
    journals.splice(0).forEach((j) => j.dispose());
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('starts an empty folder with a snapshot (generation 1) and journal-1, and reads back what was appended', async () => {
    const dir = tempDir();
    const j = journal(dir);
    assert.deepEqual(await j.load(), []);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['journal-1.jsonl', 'snapshot.jsonl']);
    assert.equal(fs.readFileSync(path.join(dir, SNAPSHOT), 'utf8'), '{"v":2,"gen":1,"folded":{"file":"journal-0.jsonl","offset":0}}\n');
    await j.append([{ id: 'a', add: 1 }, { id: 'a', set: { label: 'A' } }]);
    await j.append([{ id: 'b', add: 2 }]);
    assert.deepEqual(await journal(dir).load(), [
      { id: 'a', addedAt: 1, label: 'A' },
      { id: 'b', addedAt: 2 },
    ]);
  });

  it('ignores a torn last record, and a later append is not swallowed by it', async () => {
    const dir = tempDir();
    const j = journal(dir);
    await j.load();
    await j.append([{ id: 'a', add: 1 }]);
    fs.appendFileSync(path.join(dir, journalName(1)), '{"id":"torn","ad');
    assert.deepEqual(await loadIds(dir), ['a']);
    await j.append([{ id: 'b', add: 2 }]);
    assert.deepEqual(await loadIds(dir), ['a', 'b']);
  });

  it('reads a line written in two pieces once, when it is complete', async () => {
    const dir = tempDir();
    const { store } = await openStore(dir);
    const file = path.join(dir, journalName(1));
    const other = journal(dir);
    await other.load();
    const seen: unknown[] = [];
    other.onDidChangeElsewhere((c) => seen.push(c));
    fs.appendFileSync(file, '\n{"id":"half","add":7');
    await other.poll();
    assert.deepEqual(seen, []);
    fs.appendFileSync(file, '}\n');
    await other.poll();
    await other.poll();
    assert.deepEqual(seen, [{ records: [{ id: 'half', add: 7 }] }]);
    await (store.persistence as TaskJournal).poll();
    assert.deepEqual(store.all(), [{ id: 'half', addedAt: 7 }]);
  });

  it('two stores on one folder see each other\'s changes, merged per task, nothing lost', async () => {
    const dir = tempDir();
    const a = await openStore(dir);
    const b = await openStore(dir);
    a.store.add(['t1', 't2'], 1);
    await a.store.flush();
    await b.journal.poll();
    assert.deepEqual(b.store.all().map((t) => t.id), ['t1', 't2']);
    // Interleaved: each changes another field of t1, and both track a task.
    a.store.update('t1', { label: 'from a' });
    b.store.update('t1', { notified: true });
    b.store.add(['t3'], 2);
    a.store.add(['t4'], 3);
    b.store.remove(['t2']);
    await Promise.all([a.store.flush(), b.store.flush()]);
    await Promise.all([a.journal.poll(), b.journal.poll()]);
    const expected = [
      { id: 't1', addedAt: 1, label: 'from a', notified: true },
      { id: 't3', addedAt: 2 },
      { id: 't4', addedAt: 3 },
    ];
    const byId = (tasks: { id: string }[]) => [...tasks].sort((x, y) => x.id.localeCompare(y.id));
    assert.deepEqual(byId(a.store.all()), expected);
    assert.deepEqual(byId(b.store.all()), expected);
    assert.deepEqual(byId(await journal(dir).load()), expected);
  });

  it('a change in one window reaches another by watching the folder, within 2 s', async () => {
    const dir = tempDir();
    const a = await openStore(dir);
    const watcher = journal(dir, { watch: true, pollMs: 1000 });
    const store = new TaskStore(watcher);
    await store.ready;
    const arrived = new Promise<number>((resolve) => {
      const t0 = Date.now();
      store.onDidChange(() => store.has('x') && resolve(Date.now() - t0));
    });
    a.store.add(['x'], 1);
    const ms = await Promise.race([arrived, new Promise<number>((r) => setTimeout(() => r(-1), 2000))]);
    assert.ok(ms >= 0, 'not seen within 2 s');
    store.dispose();
  });

  it('two processes appending in a tight loop at once: every record is there', async function () {
    this.timeout(60_000);
    const dir = tempDir();
    await journal(dir).load();
    const n = 300;
    const [c1, c2] = [child(dir, 'p', n), child(dir, 'q', n)];
    assert.deepEqual(await Promise.all([c1.done, c2.done]), [0, 0]);
    const tasks = await journal(dir).load();
    assert.equal(tasks.length, 2 * n);
    for (const prefix of ['p', 'q']) {
      for (let i = 0; i < n; i++) {
        const id = `${prefix}${i}`;
        assert.deepEqual(tasks.find((t) => t.id === id), { id, addedAt: i, label: `label of ${id}`, notified: true });
      }
    }
  });

  it('kill -9 while writing in a loop: every record the writer saw written is there after load', async function () {
    this.timeout(60_000);
    const dir = tempDir();
    await journal(dir).load();
    const c = child(dir, 'k', 0);
    await c.ready;
    while (c.written.length < 200) await new Promise((r) => setTimeout(r, 5));
    c.proc.kill('SIGKILL');
    await c.done;
    const reported = [...c.written];
    const tasks = new Map((await journal(dir).load()).map((t) => [t.id, t]));
    for (const id of reported) assert.equal(tasks.get(id)?.label, `label of ${id}`, id);
    // and the journal goes on after whatever the kill left
    const j = journal(dir);
    await j.load();
    await j.append([{ id: 'after', add: 1 }]);
    assert.ok((await loadIds(dir)).includes('after'));
  });

  it('compaction: the same tasks after it, journals before N deleted, an append on the old generation kept', async () => {
    const dir = tempDir();
    const a = journal(dir);
    const stale = journal(dir);
    await a.load();
    await stale.load();
    for (let i = 0; i < 20; i++) await a.append([{ id: `t${i}`, add: i }, { id: `t${i}`, set: { label: `L${i}` } }]);
    await a.append([{ id: 't3', del: 1 }]);
    const before = await journal(dir).load();
    assert.equal(await a.compact(), true);
    assert.deepEqual(await journal(dir).load(), before);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['journal-1.jsonl', 'journal-2.jsonl', 'snapshot.jsonl']);
    // `stale` still thinks generation 1 is current: its append must not be lost.
    await stale.append([{ id: 'late', add: 99 }]);
    assert.ok((await loadIds(dir)).includes('late'));
    // ... and it goes to the new journal: journal-1 is deleted by the next compaction, maybe right after it read it.
    assert.ok(fs.readFileSync(path.join(dir, journalName(2)), 'utf8').includes('"late"'));
    assert.ok(!fs.readFileSync(path.join(dir, journalName(1)), 'utf8').includes('"late"'));
    assert.equal(await a.compact(), true);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['journal-2.jsonl', 'journal-3.jsonl', 'snapshot.jsonl'], 'journal-1 deleted');
    const after = await journal(dir).load();
    assert.deepEqual(after, [...before, { id: 'late', addedAt: 99 }]);
    // The stale writer, two generations behind, still gets its record in.
    await stale.append([{ id: 'later', add: 100 }]);
    assert.deepEqual((await loadIds(dir)).slice(-2), ['late', 'later']);
    // A reader that followed journal-1 only catches up (journal-1 is gone: it reads everything again).
    const seen: unknown[] = [];
    stale.onDidChangeElsewhere((c) => seen.push(c));
    await stale.poll();
    assert.ok(seen.length > 0);
  });

  it('a compaction in one window: the other follows into the new journal without losing records', async () => {
    const dir = tempDir();
    const a = await openStore(dir);
    const b = await openStore(dir);
    a.store.add(['x', 'y'], 1);
    await a.store.flush();
    assert.equal(await a.journal.compact(), true);
    a.store.update('x', { label: 'after compaction' });
    await a.store.flush();
    await b.journal.poll();
    assert.deepEqual(b.store.all(), [
      { id: 'x', addedAt: 1, label: 'after compaction' },
      { id: 'y', addedAt: 1 },
    ]);
    b.store.add(['z'], 2);
    await b.store.flush();
    assert.ok(fs.readFileSync(path.join(dir, journalName(2)), 'utf8').includes('"z"'), 'b writes to the new journal');
    assert.equal(await b.journal.compact(), true);
    await a.journal.poll();
    assert.deepEqual(a.store.all().map((t) => t.id), ['x', 'y', 'z']);
  });

  it('needsCompaction once the journal outgrows 256 KiB and the snapshot', async () => {
    const dir = tempDir();
    const j = journal(dir);
    await j.load();
    assert.equal(j.needsCompaction, false);
    const label = 'x'.repeat(100);
    let i = 0;
    while (!j.needsCompaction) {
      await j.append(Array.from({ length: 100 }, () => ({ id: `t${i++ % 50}`, add: 1 })).concat([{ id: 't1', set: { label } }] as never));
      await j.poll();
      assert.ok(i < 100_000);
    }
    assert.ok(fs.statSync(path.join(dir, journalName(1))).size > MIN_COMPACTION_BYTES);
    await j.compact();
    assert.equal(j.needsCompaction, false);
  });

  it('does not follow a link planted at the journal or the snapshot', async () => {
    const dir = tempDir();
    const j = journal(dir);
    await j.load();
    const target = path.join(path.dirname(dir), 'precious.txt');
    fs.writeFileSync(target, 'keep me\n');
    fs.rmSync(path.join(dir, journalName(1)));
    fs.symlinkSync(target, path.join(dir, journalName(1)));
    await assert.rejects(j.append([{ id: 'a', add: 1 }]));
    assert.equal(fs.readFileSync(target, 'utf8'), 'keep me\n');
    const other = tempDir();
    fs.mkdirSync(other);
    const tasks = path.join(path.dirname(other), 'tasks.jsonl');
    fs.writeFileSync(tasks, '{"v":2,"gen":1,"folded":{"file":"journal-0.jsonl","offset":0}}\n{"id":"planted","addedAt":1}\n');
    fs.symlinkSync(tasks, path.join(other, SNAPSHOT));
    await assert.rejects(journal(other).load(), /ELOOP|symbolic|link/i);
  });

  it('drops garbage and hostile lines in the journal and the snapshot', async () => {
    const dir = tempDir();
    await journal(dir).load();
    const lines = [
      '{"id":"ok","add":1}',
      '{"id":"ok","set":{"__proto__":{"x":1},"label":{"no":1},"result":{"id":"ok","status":"completed","video_url":"javascript:alert(1)","error":null}}}',
      `{"id":"huge","add":1,"pad":"${'p'.repeat(400 * 1024)}"}`,
      '\u0000\u0001garbage',
      '{"id":"ok2","add":"x"}',
      '{"id":"..","add":1}',
    ];
    fs.appendFileSync(path.join(dir, journalName(1)), lines.join('\n') + '\n');
    fs.appendFileSync(path.join(dir, SNAPSHOT), '{"id":"snap","addedAt":1e300,"__proto__":{"y":1},"extra":1}\n[]\n{"id":7}\n');
    const tasks = await journal(dir).load();
    assert.deepEqual(tasks, [
      { id: 'snap', addedAt: 0 },
      { id: 'ok', addedAt: 1, result: { id: 'ok', status: 'completed', video_url: null, error: null } },
    ]);
    assert.equal(Object.getPrototypeOf(tasks[0]), Object.prototype);
  });

  it('loads 10,000 tasks in slices, letting the event loop run in between (slice times: npm run bench)', async function () {
    this.timeout(60_000);
    const dir = tempDir();
    const j = journal(dir, { sliceMs: 8 });
    await j.load();
    const now = Date.now();
    const records = [];
    for (let i = 0; i < 10_000; i++) {
      const id = `task_${i}`;
      records.push({ id, add: now }, { id, set: { completedAt: now, result: { id, status: 'completed', video_url: `https://v.example/${id}.mp4`, error: null, model: 'veo_3_1_fast', created: 1761635478 } } });
    }
    await j.append(records);
    await j.compact();
    // A clock that moves 1 ms each time it is read, once per batch of 32 lines: a slice of
    // 8 ms hands over at most 8 batches, so 10,000 lines take at least 40 slices.
    let fakeMs = 0;
    const reader = journal(dir, { sliceMs: 8, clock: () => fakeMs++ });
    const tasks = await reader.load();
    assert.equal(tasks.length, 10_000);
    assert.ok(reader.slices >= 40, `${reader.slices} slices`);
  });
});
