// TaskJournal behaviour that the mutation run of 24 Nov 2026 found untested (README, "Coverage
// and mutation testing"): the first snapshot, appends before a load, the folded offset, the
// needsCompaction boundary, coalesced polls, parsing in slices (fake clock), compaction errors.
// Real files in a temporary folder; no timing assertions.
import * as assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { journalName } from '../../../src/store/journalFormat';
import type { ElsewhereChange } from '../../../src/store/taskPersistence';
import { MIN_COMPACTION_BYTES, SNAPSHOT, TaskJournal } from '../../../src/store/taskJournal';
import { ManualTimers } from '../windows/manualTimers';

const roots: string[] = [];
const journals: TaskJournal[] = [];
const children: ChildProcess[] = [];

function tempRoot(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'veo-journal-m-'));
  roots.push(root);
  return root;
}

function journal(dir: string, options: ConstructorParameters<typeof TaskJournal>[1] = {}): TaskJournal {
  const j = new TaskJournal(dir, { watch: false, pollMs: 0, ...options });
  journals.push(j);
  return j;
}

function header(gen: number, offset: number): string {
  return `{"v":2,"gen":${gen},"folded":{"file":"journal-${gen - 1}.jsonl","offset":${offset}}}\n`;
}

/** `count` complete lines of 256 bytes each ("x" * 255 + "\n"): garbage to a reader, bytes to needsCompaction. */
function padding(count: number): string {
  return `${'x'.repeat(255)}\n`.repeat(count);
}

function events(j: TaskJournal): ElsewhereChange[] {
  const seen: ElsewhereChange[] = [];
  j.onDidChangeElsewhere((c) => seen.push(c));
  return seen;
}

/** A setImmediate loop counting turns of the event loop, for a clock that notes the turn it is read in. */
function turnCounter(): { turn: () => number; stop: () => void } {
  let turn = 0;
  let running = true;
  const spin = (): void => {
    turn++;
    if (running) setImmediate(spin);
  };
  setImmediate(spin);
  return { turn: () => turn, stop: () => (running = false) };
}

describe('TaskJournal: behaviour found untested by the mutation run', () => {
  afterEach(() => {
    // A child still running (its test failed): ended here, or mocha would wait for it.
    for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill();
    journals.splice(0).forEach((j) => j.dispose());
    for (const r of roots.splice(0)) fs.rmSync(r, { recursive: true, force: true });
  });

  it('creates missing parent folders and a first snapshot holding the initial tasks, once', async () => {
    const dir = path.join(tempRoot(), 'a', 'b', 'tasks');
    let calls = 0;
    const initialTasks = () => {
      calls++;
      return [{ id: 'm1', addedAt: 5, label: 'migrated' }];
    };
    assert.deepEqual(await journal(dir, { initialTasks }).load(), [{ id: 'm1', addedAt: 5, label: 'migrated' }]);
    assert.equal(calls, 1);
    assert.equal(fs.readFileSync(path.join(dir, SNAPSHOT), 'utf8'), `${header(1, 0)}{"id":"m1","addedAt":5,"label":"migrated"}\n`);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['journal-1.jsonl', 'snapshot.jsonl'], 'no temporary file left');
    // A folder with a snapshot: the initial tasks are not asked for again.
    assert.deepEqual(await journal(dir, { initialTasks }).load(), [{ id: 'm1', addedAt: 5, label: 'migrated' }]);
    assert.equal(calls, 1);
  });

  it('append([]) does nothing, not even create the folder; a journal never loaded does not poll or compact', async () => {
    const dir = path.join(tempRoot(), 'tasks');
    await journal(dir).append([]);
    assert.equal(fs.existsSync(dir), false);
    const writer = journal(dir);
    await writer.load();
    await writer.append([{ id: 'a', add: 1 }]);
    const idle = journal(dir);
    const seen = events(idle);
    await idle.poll();
    assert.deepEqual(seen, []);
    assert.equal(await idle.compact(), false);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['journal-1.jsonl', 'snapshot.jsonl'], 'no journal-2: nothing compacted');
    // A loaded journal does poll.
    const reader = journal(dir);
    await reader.load();
    const read = events(reader);
    fs.appendFileSync(path.join(dir, journalName(1)), '{"id":"b","add":2}\n');
    await reader.poll();
    assert.deepEqual(read, [{ records: [{ id: 'b', add: 2 }] }]);
  });

  it('append before any load, into an existing empty folder: starts generation 1 and writes one "\\n"-led line per record', async () => {
    const dir = path.join(tempRoot(), 'tasks');
    fs.mkdirSync(dir);
    const j = journal(dir);
    await j.append([{ id: 'a', add: 1 }, { id: 'a', set: { label: 'A' } }]);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['journal-1.jsonl', 'snapshot.jsonl']);
    assert.equal(fs.readFileSync(path.join(dir, journalName(1)), 'utf8'), '\n{"id":"a","add":1}\n{"id":"a","set":{"label":"A"}}\n');
    await j.append([{ id: 'b', add: 2 }]);
    assert.equal(fs.readFileSync(path.join(dir, journalName(1)), 'utf8'), '\n{"id":"a","add":1}\n{"id":"a","set":{"label":"A"}}\n\n{"id":"b","add":2}\n');
    assert.deepEqual(await journal(dir).load(), [{ id: 'a', addedAt: 1, label: 'A' }, { id: 'b', addedAt: 2 }]);
  });

  it('creates the newest journal again when it was deleted by hand', async () => {
    const dir = path.join(tempRoot(), 'tasks');
    const j = journal(dir);
    await j.load();
    fs.rmSync(path.join(dir, journalName(1)));
    await j.append([{ id: 'a', add: 1 }]);
    assert.equal(fs.readFileSync(path.join(dir, journalName(1)), 'utf8'), '\n{"id":"a","add":1}\n');
    assert.deepEqual(await journal(dir).load(), [{ id: 'a', addedAt: 1 }]);
  });

  it('reads the folded journal from the snapshot\'s offset, skips older journals, reads newer ones whole, appends to the newest', async () => {
    const dir = path.join(tempRoot(), 'tasks');
    fs.mkdirSync(dir);
    const before = '\n{"id":"old","add":1}\n';
    fs.writeFileSync(path.join(dir, SNAPSHOT), `${header(2, Buffer.byteLength(before))}{"id":"snap","addedAt":9}\n`);
    fs.writeFileSync(path.join(dir, journalName(0)), '\n{"id":"ancient","add":1}\n');
    fs.writeFileSync(path.join(dir, journalName(1)), `${before}{"id":"late","add":2}\n`);
    fs.writeFileSync(path.join(dir, journalName(2)), '\n{"id":"two","add":3}\n');
    fs.writeFileSync(path.join(dir, journalName(3)), '\n{"id":"three","add":4}\n');
    const j = journal(dir);
    assert.deepEqual((await j.load()).map((t) => t.id), ['snap', 'late', 'two', 'three']);
    await j.append([{ id: 'new', add: 5 }]);
    assert.equal(fs.readFileSync(path.join(dir, journalName(3)), 'utf8'), '\n{"id":"three","add":4}\n\n{"id":"new","add":5}\n');
    assert.deepEqual((await journal(dir).load()).map((t) => t.id), ['snap', 'late', 'two', 'three', 'new']);
  });

  it('a snapshot without its own generation\'s journal: the first append creates it', async () => {
    const dir = path.join(tempRoot(), 'tasks');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, SNAPSHOT), `${header(4, 0)}{"id":"snap","addedAt":9}\n`);
    const j = journal(dir);
    assert.deepEqual((await j.load()).map((t) => t.id), ['snap']);
    await j.append([{ id: 'x', add: 1 }]);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['journal-4.jsonl', 'snapshot.jsonl']);
    assert.deepEqual((await journal(dir).load()).map((t) => t.id), ['snap', 'x']);
  });

  it('keeps the first of two snapshot lines for one task', async () => {
    const dir = path.join(tempRoot(), 'tasks');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, SNAPSHOT), `${header(1, 0)}{"id":"t","addedAt":1,"label":"first"}\n{"id":"t","addedAt":2,"label":"second"}\n`);
    assert.deepEqual(await journal(dir).load(), [{ id: 't', addedAt: 1, label: 'first' }]);
  });

  it('refuses a snapshot whose first line is no valid header, even when a header follows, and an empty one', async () => {
    const dir = path.join(tempRoot(), 'tasks');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, SNAPSHOT), `{"v":1,"gen":1}\n${header(1, 0)}{"id":"t","addedAt":1}\n`);
    await assert.rejects(journal(dir).load(), /snapshot\.jsonl in .* has no valid header: not read/);
    fs.writeFileSync(path.join(dir, SNAPSHOT), '');
    await assert.rejects(journal(dir).load(), /has no valid header/);
  });

  it('compact() fails clearly when the snapshot is gone, and can compact again afterwards', async () => {
    const dir = path.join(tempRoot(), 'tasks');
    const j = journal(dir);
    await j.load();
    await j.append([{ id: 'a', add: 1 }]);
    const snapshot = fs.readFileSync(path.join(dir, SNAPSHOT));
    fs.rmSync(path.join(dir, SNAPSHOT));
    await assert.rejects(j.compact(), /snapshot\.jsonl is missing in /);
    fs.writeFileSync(path.join(dir, SNAPSHOT), snapshot);
    assert.equal(await j.compact(), true);
    assert.deepEqual(await journal(dir).load(), [{ id: 'a', addedAt: 1 }]);
  });

  it('compacts once at a time: a second compact() while one runs returns false', async () => {
    const dir = path.join(tempRoot(), 'tasks');
    const j = journal(dir);
    await j.load();
    await j.append([{ id: 'a', add: 1 }]);
    assert.deepEqual(await Promise.all([j.compact(), j.compact()]), [true, false]);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['journal-1.jsonl', 'journal-2.jsonl', 'snapshot.jsonl']);
    assert.equal(fs.readFileSync(path.join(dir, SNAPSHOT), 'utf8'), `${header(2, '\n{"id":"a","add":1}\n'.length)}{"id":"a","addedAt":1}\n`);
  });

  it('needsCompaction: more than 256 KiB of journal, exactly 256 KiB is not enough', async () => {
    const dir = path.join(tempRoot(), 'tasks');
    const j = journal(dir);
    await j.load();
    fs.appendFileSync(path.join(dir, journalName(1)), padding(MIN_COMPACTION_BYTES / 256));
    await j.poll();
    assert.equal(j.needsCompaction, false);
    assert.equal((await journal(dir).load()).length, 0);
    const fresh = journal(dir);
    await fresh.load();
    assert.equal(fresh.needsCompaction, false, 'the same after a load');
    fs.appendFileSync(path.join(dir, journalName(1)), '\n');
    await j.poll();
    assert.equal(j.needsCompaction, true);
    const again = journal(dir);
    await again.load();
    assert.equal(again.needsCompaction, true);
  });

  it('needsCompaction against a snapshot over 256 KiB: counts the folded journal from its offset and every newer journal', async () => {
    const dir = path.join(tempRoot(), 'tasks');
    const j = journal(dir);
    await j.load();
    const localFile = `/videos/${'L'.repeat(900)}.mp4`;
    const records = [];
    for (let i = 0; i < 400; i++) records.push({ id: `t${i}`, add: i }, { id: `t${i}`, set: { localFile } });
    await j.append(records);
    assert.equal(await j.compact(), true);
    const snapshotBytes = fs.statSync(path.join(dir, SNAPSHOT)).size;
    assert.ok(snapshotBytes > MIN_COMPACTION_BYTES + 1024, `${snapshotBytes} bytes`);
    assert.equal(j.needsCompaction, false, 'the folded part of journal-1 does not count');
    // Lines after the folded offset of journal-1 (a writer that had it open) and in journal-2 count.
    const lines = Math.floor(snapshotBytes / 256);
    const rest = snapshotBytes - lines * 256;
    fs.appendFileSync(path.join(dir, journalName(1)), padding(lines - 1));
    fs.appendFileSync(path.join(dir, journalName(2)), padding(1) + '\n'.repeat(rest));
    await j.poll();
    assert.equal(j.needsCompaction, false, 'journals exactly as large as the snapshot');
    const loaded = journal(dir);
    assert.equal((await loaded.load()).length, 400);
    assert.equal(loaded.needsCompaction, false, 'the same after a load');
    fs.appendFileSync(path.join(dir, journalName(2)), '\n');
    await j.poll();
    assert.equal(j.needsCompaction, true, 'one byte more');
    const reloaded = journal(dir);
    await reloaded.load();
    assert.equal(reloaded.needsCompaction, true);
  });

  it('a poll asked for while one runs gets the same promise and reads again before it resolves; the next poll reads anew', async () => {
    const dir = path.join(tempRoot(), 'tasks');
    const writer = journal(dir);
    await writer.load();
    const reader = journal(dir);
    await reader.load();
    const file = path.join(dir, journalName(1));
    const seen: ElsewhereChange[] = [];
    let inner: Promise<void> | undefined;
    reader.onDidChangeElsewhere((c) => {
      seen.push(c);
      if (seen.length === 1) {
        fs.appendFileSync(file, '{"id":"b","add":2}\n');
        inner = reader.poll();
      }
    });
    await writer.append([{ id: 'a', add: 1 }]);
    const first = reader.poll();
    await first;
    assert.equal(inner, first);
    assert.deepEqual(seen, [{ records: [{ id: 'a', add: 1 }] }, { records: [{ id: 'b', add: 2 }] }]);
    fs.appendFileSync(file, '{"id":"c","add":3}\n');
    const next = reader.poll();
    assert.notEqual(next, first);
    await next;
    assert.deepEqual(seen.slice(2), [{ records: [{ id: 'c', add: 3 }] }]);
  });

  it('disposed: poll reads nothing, and a poll running when it is disposed reads no more', async () => {
    const dir = path.join(tempRoot(), 'tasks');
    const reader = journal(dir);
    await reader.load();
    const file = path.join(dir, journalName(1));
    const seen: ElsewhereChange[] = [];
    reader.onDidChangeElsewhere((c) => {
      seen.push(c);
      fs.appendFileSync(file, '{"id":"b","add":2}\n');
      void reader.poll();
      reader.dispose();
    });
    fs.appendFileSync(file, '{"id":"a","add":1}\n');
    await reader.poll();
    assert.deepEqual(seen, [{ records: [{ id: 'a', add: 1 }] }]);
    await reader.poll();
    assert.equal(seen.length, 1);
  });

  it('keeps following the previous generation\'s journal after a compaction elsewhere, where a writer that had it open may still append', async () => {
    const dir = path.join(tempRoot(), 'tasks');
    const compactor = journal(dir);
    await compactor.load();
    const reader = journal(dir);
    await reader.load();
    const seen = events(reader);
    await compactor.append([{ id: 'a', add: 1 }]);
    assert.equal(await compactor.compact(), true);
    await reader.poll();
    assert.deepEqual(seen, [{ records: [{ id: 'a', add: 1 }] }]);
    fs.appendFileSync(path.join(dir, journalName(1)), '{"id":"late","add":2}\n');
    await compactor.append([{ id: 'b', add: 3 }]);
    await reader.poll();
    assert.deepEqual(seen.slice(1), [{ records: [{ id: 'late', add: 2 }, { id: 'b', add: 3 }] }]);
    // Two compactions on, journal-1 is gone: the reader reads everything again and says so.
    assert.equal(await compactor.compact(), true);
    assert.equal(await compactor.compact(), true);
    await compactor.append([{ id: 'c', add: 4 }]);
    await reader.poll();
    assert.deepEqual(seen.slice(2), [{ tasks: [{ id: 'a', addedAt: 1 }, { id: 'late', addedAt: 2 }, { id: 'b', addedAt: 3 }, { id: 'c', addedAt: 4 }] }]);
    // ... and then follows the newest journal by records again.
    await compactor.append([{ id: 'd', add: 5 }]);
    await reader.poll();
    assert.deepEqual(seen.slice(3), [{ records: [{ id: 'd', add: 5 }] }]);
  });

  it('reads records that straddle the 256 KiB read chunks, and skips a line longer than a chunk', async () => {
    const dir = path.join(tempRoot(), 'tasks');
    const j = journal(dir);
    await j.load();
    const file = path.join(dir, journalName(1));
    const ids: string[] = [];
    let text = `${'y'.repeat(300 * 1024)}\n`;
    for (let i = 0; i < 6000; i++) {
      const id = `task-${i}`;
      ids.push(id);
      text += `{"id":"${id}","add":${i}}\n`;
    }
    fs.appendFileSync(file, text);
    const tasks = await journal(dir).load();
    assert.deepEqual(tasks.map((t) => t.id), ids);
    assert.deepEqual(tasks[5999], { id: 'task-5999', addedAt: 5999 });
    // The same through a poll, and the offset it keeps is the end of the file.
    const seen = events(j);
    await j.poll();
    assert.equal(seen.length, 1);
    assert.equal((seen[0] as { records: unknown[] }).records.length, 6000);
    fs.appendFileSync(file, '{"id":"tail","add":1}\n');
    await j.poll();
    assert.deepEqual(seen.slice(1), [{ records: [{ id: 'tail', add: 1 }] }]);
  });

  it('parses in slices of 32-line batches until sliceMs is spent, counting the slices and the longest, with a turn of the event loop between slices', async () => {
    const dir = path.join(tempRoot(), 'tasks');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, SNAPSHOT), header(1, 0));
    let text = '';
    for (let i = 0; i < 544; i++) text += `{"id":"t${i}","add":${i}}\n`;
    fs.writeFileSync(path.join(dir, journalName(1)), text);
    // A clock that moves 1 ms per read: with sliceMs 3 a slice hands over 3 batches (96 lines).
    const turns = turnCounter();
    const seenTurns = new Set<number>();
    let fakeMs = 0;
    const j = journal(dir, {
      sliceMs: 3,
      clock: () => {
        seenTurns.add(turns.turn());
        return fakeMs++;
      },
    });
    const tasks = await j.load();
    turns.stop();
    assert.deepEqual(tasks.map((t) => t.id), Array.from({ length: 544 }, (_, i) => `t${i}`));
    // The snapshot's one line (1 slice) and 544 journal lines: 5 slices of 96, one of 64.
    assert.equal(j.slices, 7);
    // Each full slice reads the clock for t0, after each of its 3 batches, and for longestSliceMs: 4 ms.
    assert.equal(j.longestSliceMs, 4);
    // Clock reads: 3 (snapshot) + 5 * 5 + 4 (the last slice, 2 batches).
    assert.equal(fakeMs, 32);
    assert.ok(seenTurns.size >= 7, `${seenTurns.size} turns for 7 slices`);
    // The default slice: 5 ms, so 5 batches (160 lines): 1 + ceil(544 / 160) = 5 slices, the longest 6 ms.
    let ms = 0;
    const byDefault = journal(dir, { clock: () => ms++ });
    assert.equal((await byDefault.load()).length, 544);
    assert.equal(byDefault.slices, 5);
    assert.equal(byDefault.longestSliceMs, 6);
    // The default clock (performance.now) gives real, finite times.
    const real = journal(dir);
    assert.equal((await real.load()).length, 544);
    assert.ok(Number.isFinite(real.longestSliceMs) && real.longestSliceMs >= 0, String(real.longestSliceMs));
  });

  it('writes a large snapshot in chunks, each task once, yielding to the event loop once a slice is spent', async () => {
    const dir = path.join(tempRoot(), 'tasks');
    const j0 = journal(dir);
    await j0.load();
    const records = [];
    for (let i = 0; i < 2000; i++) records.push({ id: `t${i}`, add: i }, { id: `t${i}`, set: { label: `label ${i} ${'z'.repeat(100)}` } });
    await j0.append(records);
    const turns = turnCounter();
    const seenTurns = new Set<number>();
    let fakeMs = 0;
    const j = journal(dir, {
      sliceMs: 3,
      clock: () => {
        seenTurns.add(turns.turn());
        return fakeMs++;
      },
    });
    await j.load();
    const loadTurns = seenTurns.size;
    assert.equal(await j.compact(), true);
    turns.stop();
    // One clock read per task: a yield every 4 tasks, about 500 turns while writing.
    assert.ok(seenTurns.size - loadTurns >= 400, `${seenTurns.size - loadTurns} turns`);
    const lines = fs.readFileSync(path.join(dir, SNAPSHOT), 'utf8').split('\n');
    assert.equal(lines.pop(), '');
    assert.equal(lines.length, 1 + 2000, 'the header and each task once');
    assert.equal(lines[1], `{"id":"t0","addedAt":0,"label":"label 0 ${'z'.repeat(100)}"}`);
    assert.equal(lines[2000], `{"id":"t1999","addedAt":1999,"label":"label 1999 ${'z'.repeat(100)}"}`);
    assert.equal(j.needsCompaction, false);
    assert.equal((await journal(dir).load()).length, 2000);
  });
  it('leaves no file open after loads, appends, polls and compactions', async function () {
    if (!fs.existsSync('/proc/self/fd')) return; // Linux: the open files are listed there
    const fdCount = () => fs.readdirSync('/proc/self/fd').length;
    const dir = path.join(tempRoot(), 'tasks');
    const j = journal(dir);
    await j.load();
    const other = journal(dir);
    await other.load();
    const before = fdCount();
    for (let i = 0; i < 20; i++) {
      await j.append([{ id: `t${i}`, add: i }]);
      await other.poll();
      await journal(dir).load();
      if (i % 5 === 4) assert.equal(await j.compact(), true);
    }
    journals.splice(2).forEach((x) => x.dispose());
    assert.equal(fdCount(), before);
  });

  it('loads a folder left with journal-1 but no snapshot (a first start that stopped half way), records included', async () => {
    const dir = path.join(tempRoot(), 'tasks');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, journalName(1)), '\n{"id":"a","add":1}\n');
    assert.deepEqual(await journal(dir).load(), [{ id: 'a', addedAt: 1 }]);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['journal-1.jsonl', 'snapshot.jsonl']);
  });

  it('two windows starting on the same empty folder at once both load it', async () => {
    const dir = path.join(tempRoot(), 'tasks');
    const initialTasks = () => [{ id: 'm', addedAt: 1 }];
    const [a, b] = await Promise.all([journal(dir, { initialTasks }).load(), journal(dir, { initialTasks }).load()]);
    assert.deepEqual(a, [{ id: 'm', addedAt: 1 }]);
    assert.deepEqual(b, [{ id: 'm', addedAt: 1 }]);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['journal-1.jsonl', 'snapshot.jsonl']);
  });

  it('an append refused by the file system fails with that error (a link planted at the journal: ELOOP)', async () => {
    const dir = path.join(tempRoot(), 'tasks');
    const j = journal(dir);
    await j.load();
    const target = path.join(path.dirname(dir), 'target.txt');
    fs.writeFileSync(target, '');
    fs.rmSync(path.join(dir, journalName(1)));
    fs.symlinkSync(target, path.join(dir, journalName(1)));
    await assert.rejects(j.append([{ id: 'a', add: 1 }]), { code: 'ELOOP' });
    assert.equal(fs.readFileSync(target, 'utf8'), '');
  });

  it('applies the journals in generation order', async () => {
    const dir = path.join(tempRoot(), 'tasks');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, SNAPSHOT), `${header(2, 0)}{"id":"t","addedAt":1}\n`);
    for (let g = 2; g <= 13; g++) fs.writeFileSync(path.join(dir, journalName(g)), `\n{"id":"t","set":{"label":"gen ${g}"}}\n`);
    assert.deepEqual(await journal(dir).load(), [{ id: 't', addedAt: 1, label: 'gen 13' }]);
  });

  it('the compacting window follows the new journal, where the other windows now write', async () => {
    const dir = path.join(tempRoot(), 'tasks');
    const compactor = journal(dir);
    await compactor.load();
    const writer = journal(dir);
    await writer.load();
    await writer.append([{ id: 'a', add: 1 }]);
    assert.equal(await compactor.compact(), true);
    const seen = events(compactor);
    await writer.append([{ id: 'b', add: 2 }]);
    await compactor.poll();
    assert.deepEqual(seen, [{ records: [{ id: 'b', add: 2 }] }]);
  });

  it('follows the snapshot generation\'s journal from its start once another window creates it', async () => {
    const dir = path.join(tempRoot(), 'tasks');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, SNAPSHOT), `${header(4, 0)}{"id":"snap","addedAt":9}\n`);
    const reader = journal(dir);
    await reader.load();
    const seen = events(reader);
    const writer = journal(dir);
    await writer.load();
    await writer.append([{ id: 'x', add: 1 }]);
    await reader.poll();
    assert.deepEqual(seen, [{ records: [{ id: 'x', add: 1 }] }]);
  });

  it('stops following journals two generations back, so their later deletion is no reason to read everything again', async () => {
    const dir = path.join(tempRoot(), 'tasks');
    const compactor = journal(dir);
    await compactor.load();
    const reader = journal(dir);
    await reader.load();
    const seen = events(reader);
    assert.equal(await compactor.compact(), true);
    await reader.poll();
    // A compaction that created journal-3 and stopped before deleting journal-1.
    fs.writeFileSync(path.join(dir, journalName(3)), '\n{"id":"three","add":3}\n');
    await reader.poll();
    assert.deepEqual(seen, [{ records: [{ id: 'three', add: 3 }] }]);
    fs.rmSync(path.join(dir, journalName(1)));
    await reader.poll();
    assert.equal(seen.length, 1, 'no full reload');
  });

  it('sees another window\'s append by watching the folder (the default), and on its interval when not watching', async function () {
    this.timeout(15_000);
    const dir = path.join(tempRoot(), 'tasks');
    const writer = journal(dir);
    await writer.load();
    const next = (j: TaskJournal) => new Promise<ElsewhereChange>((resolve) => j.onDidChangeElsewhere(resolve));
    const watching = journal(dir, { watch: undefined, pollMs: 0 });
    await watching.load();
    const interval = journal(dir, { watch: false, pollMs: 30 });
    await interval.load();
    const defaultInterval = journal(dir, { watch: false, pollMs: undefined });
    await defaultInterval.load();
    const changes = [next(watching), next(interval), next(defaultInterval)];
    await writer.append([{ id: 'a', add: 1 }]);
    assert.deepEqual(await Promise.all(changes), Array(3).fill({ records: [{ id: 'a', add: 1 }] }));
  });
  it('a journal that watches the folder does not keep its process alive (the watcher is not persistent)', async () => {
    const dir = path.join(tempRoot(), 'tasks');
    // A watching journal here as well: it sees the child's record (the child did load and write), and it runs
    // the watch code in this process, so Stryker counts this test among those covering the watch's mutants.
    const here = journal(dir, { watch: true });
    await here.load();
    const seen = new Promise<ElsewhereChange>((resolve) => here.onDidChangeElsewhere(resolve));
    const script = [
      `const { TaskJournal } = require(${JSON.stringify(path.join(__dirname, '..', '..', '..', 'src', 'store', 'taskJournal.js'))});`,
      `const j = new TaskJournal(${JSON.stringify(dir)}, { pollMs: 1000 });`,
      `j.load().then(() => j.append([{ id: 'c', add: 1 }])).then(() => console.log('appended'));`,
    ].join('\n');
    // Under Stryker the child runs the mutant this process runs: its instrumented code reads this variable.
    const active = (globalThis as { __stryker__?: { activeMutant?: string } }).__stryker__?.activeMutant;
    const env = active === undefined ? process.env : { ...process.env, __STRYKER_ACTIVE_MUTANT__: String(active) };
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'], env });
    children.push(child);
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    // Never disposed: the process ends on its own once it wrote, or this test runs into its timeout.
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 0);
    assert.equal(out, 'appended\n');
    assert.deepEqual(await seen, { records: [{ id: 'c', add: 1 }] });
  });

  // The survivors of the store mutation run (issue #11) left after the tests above.
  it('poll() of a journal never loaded touches nothing: an empty folder stays empty, a missing one is no error', async () => {
    const root = tempRoot();
    const empty = path.join(root, 'empty');
    fs.mkdirSync(empty);
    await journal(empty).poll();
    assert.deepEqual(fs.readdirSync(empty), []);
    await journal(path.join(root, 'missing')).poll();
    assert.equal(fs.existsSync(path.join(root, 'missing')), false);
  });

  it('a window loading after the newest journal was deleted by hand appends to that generation, creating it again, not to the older journal', async () => {
    const dir = path.join(tempRoot(), 'tasks');
    const j = journal(dir);
    await j.load();
    await j.append([{ id: 'a', add: 1 }]);
    assert.equal(await j.compact(), true); // snapshot generation 2; journal-1 stays, journal-2 is the newest
    fs.rmSync(path.join(dir, journalName(2)));
    const k = journal(dir);
    await k.load();
    await k.append([{ id: 'b', add: 2 }]);
    assert.equal(fs.readFileSync(path.join(dir, journalName(2)), 'utf8'), '\n{"id":"b","add":2}\n');
    assert.equal(fs.readFileSync(path.join(dir, journalName(1)), 'utf8'), '\n{"id":"a","add":1}\n');
    assert.deepEqual((await journal(dir).load()).map((t) => t.id), ['a', 'b']);
  });

  it('looks on one interval however often it is loaded; disposed, it stops the interval and the look still pending', async () => {
    const dir = path.join(tempRoot(), 'tasks');
    const realSetInterval = globalThis.setInterval;
    const realClearInterval = globalThis.clearInterval;
    const intervals: { tick: () => void; ms: number; cleared: boolean }[] = [];
    const timers = new ManualTimers().install();
    globalThis.setInterval = ((tick: () => void, ms: number) => {
      const interval = { tick, ms, cleared: false, unref: () => interval };
      intervals.push(interval);
      return interval;
    }) as unknown as typeof setInterval;
    globalThis.clearInterval = ((interval: unknown) => {
      for (const i of intervals) if (i === interval) i.cleared = true;
    }) as typeof clearInterval;
    try {
      const j = journal(dir, { pollMs: 1000 });
      await j.load();
      await j.load();
      assert.deepEqual(
        intervals.map((i) => i.ms),
        [1000],
        'a second load starts no second interval',
      );
      intervals[0].tick(); // a second has passed: a look in 20 ms
      assert.deepEqual(timers.delays, [20]);
      j.dispose();
      assert.equal(intervals[0].cleared, true, 'the interval is stopped');
      assert.deepEqual(timers.delays, [], 'the pending look is cancelled');
    } finally {
      timers.uninstall();
      globalThis.setInterval = realSetInterval;
      globalThis.clearInterval = realClearInterval;
    }
  });

  it('closes its folder watcher when the watch fails, and when disposed', async () => {
    const dir = path.join(tempRoot(), 'tasks');
    // The module object itself, so `fs.watch` can be wrapped to keep the watcher the journal makes.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fsModule = require('node:fs') as typeof fs;
    const realWatch = fsModule.watch;
    const watchers: fs.FSWatcher[] = [];
    fsModule.watch = ((...args: Parameters<typeof fs.watch>) => {
      const w = realWatch(...args);
      watchers.push(w);
      return w;
    }) as typeof fs.watch;
    const closes: number[] = [];
    // FSWatcher.close() emits 'close' on the next tick: one turn of the event loop later it has.
    const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
    try {
      const failing = journal(dir, { watch: true });
      await failing.load();
      const disposed = journal(dir, { watch: true });
      await disposed.load();
      assert.equal(watchers.length, 2);
      watchers.forEach((w, i) => w.on('close', () => closes.push(i)));
      watchers[0].emit('error', Object.assign(new Error('EPERM: the folder went away'), { code: 'EPERM' }));
      await turn();
      assert.deepEqual(closes, [0], 'the failed watcher is closed');
      disposed.dispose();
      await turn();
      assert.deepEqual(closes, [0, 1], 'the disposed journal\'s watcher is closed');
    } finally {
      fsModule.watch = realWatch;
    }
  });

  it('yields to the event loop between the slices of a chunk, not after its last slice', async () => {
    const dir = path.join(tempRoot(), 'tasks');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, SNAPSHOT), header(1, 0));
    let text = '';
    for (let i = 0; i < 128; i++) text += `{"id":"t${i}","add":${i}}\n`;
    fs.writeFileSync(path.join(dir, journalName(1)), text);
    // 1 ms per clock reading, sliceMs 3: slices of 96 lines. The snapshot: 1 slice; the journal: 96 + 32 lines, 2 slices
    // (the second ends exactly at the last line).
    let ms = 0;
    const j = journal(dir, { sliceMs: 3, clock: () => ms++ });
    const realSetImmediate = globalThis.setImmediate;
    let yields = 0;
    globalThis.setImmediate = ((...args: Parameters<typeof setImmediate>) => {
      yields++;
      return realSetImmediate(...args);
    }) as typeof setImmediate;
    try {
      assert.equal((await j.load()).length, 128);
    } finally {
      globalThis.setImmediate = realSetImmediate;
    }
    assert.equal(j.slices, 3);
    assert.equal(yields, 1, 'one turn of the event loop, between the journal\'s two slices');
  });
});
