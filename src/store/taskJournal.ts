// The tracked tasks on disk, in a folder shared by every window (and code-server tab) of the
// profile. Node `fs`, no `vscode`.
//
//   snapshot.jsonl        header {"v":2,"gen":N,"folded":{"file":"journal-<N-1>.jsonl","offset":X}},
//                         then one task per line; replaced only by rename (temp file, fsync)
//   journal-<N>.jsonl     the changes since: one record per line (journalFormat.ts), appended
//                         with one O_APPEND write per batch, never created by a writer
//
// Load = snapshot, then journal-<N-1> from X (records appended after the compactor read it),
// then every journal from N on. A record is on disk once its write returned, so a crashed
// (kill -9) window loses nothing it wrote; a torn last line is skipped. Every write starts
// with "\n", so a line torn by a crash never swallows the next writer's record.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Disposable, toDisposable } from '../util/disposable';
import { Emitter } from '../util/emitter';
import {
  applyRecord,
  completeLines,
  formatRecords,
  JournalRecord,
  journalGen,
  journalName,
  parseHeader,
  parseRecord,
  parseTaskLine,
  SnapshotHeader,
  snapshotHeader,
} from './journalFormat';
import type { ElsewhereChange, TaskPersistence } from './taskPersistence';
import type { TrackedTask } from './trackedTask';

export const SNAPSHOT = 'snapshot.jsonl';
const NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;
const READ = fs.constants.O_RDONLY | NOFOLLOW;
/** Appends to an existing journal only: no O_CREAT (a missing journal means the generation moved on). */
const APPEND = fs.constants.O_WRONLY | fs.constants.O_APPEND | NOFOLLOW;
const CREATE = fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | NOFOLLOW;
const CHUNK_BYTES = 256 * 1024;
/** Compaction is worth it once the journals outgrow this and the snapshot. */
export const MIN_COMPACTION_BYTES = 256 * 1024;

export interface JournalOptions {
  /** How often to look for other windows' changes besides `fs.watch` (ms; 0: never). */
  pollMs?: number;
  /** Watch the folder (default true). */
  watch?: boolean;
  /** Longest synchronous stretch while parsing before yielding to the event loop (ms). */
  sliceMs?: number;
  /** The tasks of a first snapshot, when the folder has none (migration). */
  initialTasks?: () => TrackedTask[];
  /** Milliseconds for the slices (default `performance.now`; tests give a fake one). */
  clock?: () => number;
}

interface DiskState {
  tasks: Map<string, TrackedTask>;
  header: SnapshotHeader;
  snapshotBytes: number;
  /** Journal generation -> bytes read (complete lines). */
  offsets: Map<number, number>;
}

export class TaskJournal extends Disposable implements TaskPersistence {
  private readonly elsewhere = this._register(new Emitter<ElsewhereChange>());
  readonly onDidChangeElsewhere = this.elsewhere.event;
  /** The newest journal generation known: appends go there. */
  private gen = 0;
  /** Journals being followed: generation -> bytes read. */
  private offsets = new Map<number, number>();
  private header: SnapshotHeader | undefined;
  private snapshotBytes = 0;
  private loaded = false;
  private polling: Promise<void> | undefined;
  private pollAgain = false;
  private compacting = false;
  private readonly sliceMs: number;
  private readonly now: () => number;
  /** The longest synchronous parsing stretch seen (ms), for the benchmark. */
  longestSliceMs = 0;
  /** How many slices parsing took (each followed by a turn of the event loop but the last). */
  slices = 0;

  constructor(
    readonly dir: string,
    private readonly options: JournalOptions = {},
  ) {
    super();
    this.sliceMs = options.sliceMs ?? 5;
    this.now = options.clock ?? (() => performance.now());
  }

  /** Creates the folder and a first snapshot (generation 1, with `initialTasks`) unless one exists. */
  async init(): Promise<void> {
    await fsp.mkdir(this.dir, { recursive: true });
    if (await exists(this.file(SNAPSHOT))) return;
    const tasks = this.options.initialTasks?.() ?? [];
    // journal-1 first, so writers have somewhere to go the moment the snapshot appears.
    await createEmpty(this.file(journalName(1)));
    const temp = await this.writeTemp(snapshotHeader(1, 0), tasks);
    try {
      // link, not rename: exclusive. A window that got here first wins; its snapshot has the same tasks.
      await fsp.link(temp.path, this.file(SNAPSHOT));
      await syncDir(this.dir);
    } catch (e) {
      if (code(e) !== 'EEXIST') throw e;
    } finally {
      await fsp.unlink(temp.path).catch(() => undefined);
    }
  }

  async load(): Promise<TrackedTask[]> {
    await this.init();
    const state = await this.readDisk();
    this.adopt(state);
    if (!this.loaded) {
      this.loaded = true;
      this.startWatching();
    }
    return [...state.tasks.values()];
  }

  /** Appends the records with one write (to the newest journal). */
  async append(records: readonly JournalRecord[]): Promise<void> {
    if (records.length === 0) return;
    const data = `\n${formatRecords(records)}`;
    for (let attempt = 0; attempt < 8; attempt++) {
      if (this.gen === 0 || (await exists(this.file(journalName(this.gen + 1))))) await this.discover();
      const name = this.file(journalName(this.gen));
      let handle: fsp.FileHandle;
      try {
        handle = await fsp.open(name, APPEND);
      } catch (e) {
        if (code(e) !== 'ENOENT') throw e;
        const before = this.gen;
        await this.discover();
        // Still the newest generation but its journal is gone (deleted by hand): create it again.
        if (this.gen === before) await createEmpty(name);
        continue;
      }
      try {
        await writeLines(handle, data);
        // Deleted (by a compaction two generations on) while we wrote: write it to the newest one.
        if ((await handle.stat()).nlink > 0) return;
      } finally {
        await handle.close();
      }
    }
    throw new Error(`could not append to the task journal in ${this.dir}`);
  }

  /** True when the journals have outgrown the snapshot (and 256 KiB): time for `compact()`. */
  get needsCompaction(): boolean {
    return this.journalBytes() > Math.max(MIN_COMPACTION_BYTES, this.snapshotBytes);
  }

  /** Reads what other windows appended since the last look (coalesced: one read at a time). */
  poll(): Promise<void> {
    if (!this.loaded || this.isDisposed) return Promise.resolve();
    if (this.polling) {
      this.pollAgain = true;
      return this.polling;
    }
    this.polling = (async () => {
      try {
        do {
          this.pollAgain = false;
          await this.readNew();
        } while (this.pollAgain && !this.isDisposed);
      } finally {
        this.polling = undefined;
      }
    })();
    return this.polling;
  }

  /**
   * Folds the journals into a new snapshot (generation N+1). Whoever creates journal-<N+1>
   * compacts; the others see EEXIST and return false. Deletes the journals before N.
   */
  async compact(): Promise<boolean> {
    if (this.compacting || !this.loaded) return false;
    this.compacting = true;
    try {
      await this.poll();
      await this.discover();
      const next = this.gen + 1;
      try {
        await createEmpty(this.file(journalName(next)), true);
      } catch (e) {
        if (code(e) === 'EEXIST') return false;
        throw e;
      }
      // Writers now go to journal-<next>; fold everything before it.
      const state = await this.readDisk(next - 1);
      const folded = state.offsets.get(next - 1) ?? 0;
      const temp = await this.writeTemp(snapshotHeader(next, folded), state.tasks.values());
      await fsp.rename(temp.path, this.file(SNAPSHOT));
      await syncDir(this.dir);
      for (const name of await fsp.readdir(this.dir)) {
        const g = journalGen(name);
        if (g !== undefined && g < next - 1) await fsp.unlink(this.file(name)).catch(() => undefined);
      }
      this.header = snapshotHeader(next, folded);
      this.snapshotBytes = temp.bytes;
      if (!this.offsets.has(next)) this.offsets.set(next, 0);
      this.gen = Math.max(this.gen, next);
      return true;
    } finally {
      this.compacting = false;
    }
  }

  private file(name: string): string {
    return path.join(this.dir, name);
  }

  private journalBytes(): number {
    let bytes = 0;
    for (const [g, offset] of this.offsets) bytes += g === (this.header?.gen ?? 0) - 1 ? Math.max(0, offset - this.header!.folded.offset) : offset;
    return bytes;
  }

  private adopt(state: DiskState): void {
    this.header = state.header;
    this.snapshotBytes = state.snapshotBytes;
    this.offsets = state.offsets;
    this.gen = Math.max(state.header.gen, ...state.offsets.keys());
  }

  /** Learns the newest generation from the folder (the highest journal, or the snapshot's). */
  private async discover(): Promise<void> {
    let newest = this.gen;
    for (const name of await fsp.readdir(this.dir)) newest = Math.max(newest, journalGen(name) ?? 0);
    if (newest === 0) {
      await this.init();
      newest = 1;
    }
    if (this.loaded) for (let g = this.gen + 1; g <= newest; g++) if (!this.offsets.has(g)) this.offsets.set(g, 0);
    this.gen = newest;
  }

  /** Snapshot + journals (up to generation `upTo`), retried when a compaction moved them meanwhile. */
  private async readDisk(upTo = Infinity): Promise<DiskState> {
    for (let attempt = 0; ; attempt++) {
      const state = await this.readDiskOnce(upTo);
      if (state) return state;
      if (attempt >= 5) throw new Error(`the task snapshot in ${this.dir} kept changing while it was read`);
    }
  }

  private async readDiskOnce(upTo: number): Promise<DiskState | undefined> {
    const tasks = new Map<string, TrackedTask>();
    const { header, bytes: snapshotBytes } = await this.readSnapshot(tasks);
    const first = header.gen - 1;
    const gens = (await fsp.readdir(this.dir))
      .map(journalGen)
      .filter((g): g is number => g !== undefined && g >= first && g <= upTo)
      .sort((a, b) => a - b);
    // A compaction between reading the snapshot and listing may have deleted journals it still needs
    // (the tail of journal-<gen-1>, journal-<gen>), so they are not even listed. Start over on the new one.
    if ((await this.readHeader()) > header.gen) return undefined;
    const offsets = new Map<number, number>();
    for (const g of gens) {
      const start = g === first ? header.folded.offset : 0;
      const read = await this.readJournal(g, start, (records) => records.forEach((r) => applyRecord(tasks, r)));
      if (read === undefined) {
        // Gone: a compaction deleted it after we read the old snapshot. Start over on the new one.
        if (g < (await this.readHeader())) return undefined;
        continue;
      }
      offsets.set(g, read);
    }
    if (upTo === Infinity && !offsets.has(header.gen)) offsets.set(header.gen, 0);
    return { tasks, header, snapshotBytes, offsets };
  }

  private async readHeader(): Promise<number> {
    const handle = await fsp.open(this.file(SNAPSHOT), READ);
    try {
      const buf = Buffer.alloc(512);
      const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
      const line = buf.subarray(0, bytesRead).toString('utf8').split('\n')[0];
      return parseHeader(line)?.gen ?? 0;
    } finally {
      await handle.close();
    }
  }

  private async readSnapshot(tasks: Map<string, TrackedTask>): Promise<{ header: SnapshotHeader; bytes: number }> {
    let header: SnapshotHeader | undefined;
    let bad = false;
    const bytes = await this.readLines(this.file(SNAPSHOT), 0, (lines) => {
      for (const line of lines) {
        if (header === undefined && !bad) {
          header = parseHeader(line);
          bad = header === undefined;
          continue;
        }
        const task = parseTaskLine(line);
        if (task && !tasks.has(task.id)) tasks.set(task.id, task);
      }
    });
    if (bytes === undefined) throw new Error(`${SNAPSHOT} is missing in ${this.dir}`);
    if (!header) throw new Error(`${SNAPSHOT} in ${this.dir} has no valid header: not read`);
    return { header, bytes };
  }

  /** Reads the complete records of journal `gen` from `offset`; returns the new offset (undefined: no such file). */
  private readJournal(gen: number, offset: number, onRecords: (records: JournalRecord[]) => void): Promise<number | undefined> {
    return this.readLines(this.file(journalName(gen)), offset, (lines) => {
      const records: JournalRecord[] = [];
      for (const line of lines) {
        const record = parseRecord(line);
        if (record) records.push(record);
      }
      if (records.length) onRecords(records);
    });
  }

  /**
   * Reads the complete lines of `file` from `offset` in chunks, handing them over in slices
   * that each take at most about `sliceMs`, yielding to the event loop in between. Never
   * through a link. Returns the offset after the last complete line, or undefined (ENOENT).
   */
  private async readLines(file: string, offset: number, onLines: (lines: string[]) => void): Promise<number | undefined> {
    let handle: fsp.FileHandle;
    try {
      handle = await fsp.open(file, READ);
    } catch (e) {
      if (code(e) === 'ENOENT') return undefined;
      throw e;
    }
    try {
      const size = (await handle.stat()).size;
      let position = offset;
      let carry: Buffer = Buffer.alloc(0);
      while (position < size) {
        const buf = Buffer.alloc(Math.min(CHUNK_BYTES, size - position));
        const { bytesRead } = await handle.read(buf, 0, buf.length, position);
        if (bytesRead === 0) break;
        position += bytesRead;
        const bytes = carry.length ? Buffer.concat([carry, buf.subarray(0, bytesRead)]) : buf.subarray(0, bytesRead);
        const { text, consumed } = completeLines(bytes);
        carry = Buffer.from(bytes.subarray(consumed));
        if (consumed === 0) continue;
        const lines = text.split('\n');
        lines.pop(); // after the last "\n"
        await this.inSlices(lines, onLines);
      }
      return position - carry.length;
    } finally {
      await handle.close();
    }
  }

  private async inSlices(lines: string[], onLines: (lines: string[]) => void): Promise<void> {
    let i = 0;
    while (i < lines.length) {
      const t0 = this.now();
      // Batches of 32 lines (well under a millisecond) until the slice is spent.
      while (i < lines.length) {
        onLines(lines.slice(i, i + 32));
        i += 32;
        if (this.now() - t0 >= this.sliceMs) break;
      }
      this.longestSliceMs = Math.max(this.longestSliceMs, this.now() - t0);
      this.slices++;
      if (i < lines.length) await new Promise<void>((r) => setImmediate(r));
    }
  }

  /** Writes a snapshot to an exclusively created temp file, in chunks, then fsyncs it. */
  private async writeTemp(header: SnapshotHeader, tasks: Iterable<TrackedTask>): Promise<{ path: string; bytes: number }> {
    const temp = this.file(`snapshot-${header.gen}.${randomBytes(6).toString('hex')}.tmp`);
    const handle = await fsp.open(temp, CREATE, 0o600);
    let bytes = 0;
    try {
      let chunk = `${JSON.stringify(header)}\n`;
      let t0 = this.now();
      for (const task of tasks) {
        chunk += `${JSON.stringify(task)}\n`;
        if (chunk.length >= CHUNK_BYTES / 4) {
          bytes += (await handle.write(chunk)).bytesWritten;
          chunk = '';
        }
        if (this.now() - t0 > this.sliceMs) {
          await new Promise<void>((r) => setImmediate(r));
          t0 = this.now();
        }
      }
      if (chunk) bytes += (await handle.write(chunk)).bytesWritten;
      await handle.sync();
    } catch (e) {
      await handle.close();
      await fsp.unlink(temp).catch(() => undefined);
      throw e;
    }
    await handle.close();
    return { path: temp, bytes };
  }

  /** New bytes of every followed journal, and journals of newer generations. */
  private async readNew(): Promise<void> {
    await this.discover();
    const records: JournalRecord[] = [];
    for (const g of [...this.offsets.keys()].sort((a, b) => a - b)) {
      const offset = this.offsets.get(g)!;
      const stat = await fsp.lstat(this.file(journalName(g))).catch(() => undefined);
      if (stat?.isFile() && stat.size === offset) continue;
      const read = await this.readJournal(g, offset, (r) => records.push(...r));
      if (read === undefined) {
        // A journal we follow is gone (two compactions since): read everything again.
        const state = await this.readDisk();
        this.adopt(state);
        this.elsewhere.fire({ tasks: [...state.tasks.values()] });
        return;
      }
      this.offsets.set(g, read);
    }
    // Journals older than the previous generation are not written any more.
    for (const g of this.offsets.keys()) if (g < this.gen - 1) this.offsets.delete(g);
    if (records.length && !this.isDisposed) this.elsewhere.fire({ records });
  }

  private startWatching(): void {
    let timer: NodeJS.Timeout | undefined;
    const soon = (): void => {
      timer ??= setTimeout(() => {
        timer = undefined;
        this.poll().catch(() => undefined);
      }, 20);
    };
    if (this.options.watch ?? true) {
      try {
        const watcher = fs.watch(this.dir, { persistent: false }, soon);
        watcher.on('error', () => watcher.close());
        this._register(toDisposable(() => watcher.close()));
      } catch {
        // No watching here (some remote file systems): the interval below still notices.
      }
    }
    const pollMs = this.options.pollMs ?? 1000;
    if (pollMs > 0) {
      const interval = setInterval(soon, pollMs);
      interval.unref();
      this._register(toDisposable(() => clearInterval(interval)));
    }
    this._register(toDisposable(() => timer && clearTimeout(timer)));
  }
}

/**
 * Writes `data` (complete lines, starting with "\n") with O_APPEND. Should a write be cut short,
 * the lines it did not finish are written again after a fresh "\n".
 */
async function writeLines(handle: fsp.FileHandle, data: string): Promise<void> {
  let rest = Buffer.from(data);
  for (;;) {
    const { bytesWritten } = await handle.write(rest, 0, rest.length);
    if (bytesWritten >= rest.length) return;
    const done = rest.subarray(0, bytesWritten).lastIndexOf(0x0a);
    rest = Buffer.concat([Buffer.from('\n'), rest.subarray(done + 1)]);
  }
}

/** Creates an empty file, never through a link; one already there is fine unless `exclusive`. */
async function createEmpty(file: string, exclusive = false): Promise<void> {
  try {
    const handle = await fsp.open(file, CREATE, 0o600);
    await handle.close();
  } catch (e) {
    if (exclusive || code(e) !== 'EEXIST') throw e;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fsp.lstat(file);
    return true;
  } catch (e) {
    if (code(e) === 'ENOENT') return false;
    throw e;
  }
}

async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await fsp.open(dir, fs.constants.O_RDONLY);
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Not possible on every platform (Windows): the rename is still atomic.
  }
}

function code(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | undefined)?.code;
}
