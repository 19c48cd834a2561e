// TaskJournal at the exact instants other windows and the file system can hit it: a journal
// deleted while an append writes to it, a compaction between a reader's `readdir` and its
// `open`, two compactors at once, a file truncated between `stat` and `read`, a short write,
// and errors other than ENOENT/EEXIST. The mutation run found these paths untested (README,
// "Coverage and mutation testing"): no unit test could arrange the instant. Here the test
// wraps `fs/promises` (`open`, `lstat`, `link`), which the journal calls through the module
// object, and does at that instant what the other window or the disk would do: real
// compactions by a second TaskJournal, real unlinks and truncations. No timing assertions.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { journalName } from '../../../src/store/journalFormat';
import type { ElsewhereChange } from '../../../src/store/taskPersistence';
import { SNAPSHOT, TaskJournal } from '../../../src/store/taskJournal';

// The module object itself (not an import's read-only view of it), so its functions can be wrapped.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fsp = require('node:fs/promises') as typeof import('node:fs/promises');
const real = { open: fsp.open, lstat: fsp.lstat, link: fsp.link, readdir: fsp.readdir };

type Flags = Parameters<typeof fsp.open>[1];
/** Called instead of `fsp.open` while set; `open()` does the real open. */
let onOpen: ((file: string, flags: Flags, open: () => Promise<FileHandle>) => Promise<FileHandle>) | undefined;
/** While true (the test doing what another window does), opens are not intercepted. */
let passThrough = false;

const isAppend = (flags: Flags) => typeof flags === 'number' && (flags & fs.constants.O_APPEND) !== 0;
const isExclusive = (flags: Flags) => typeof flags === 'number' && (flags & fs.constants.O_EXCL) !== 0;
const isRead = (flags: Flags) => typeof flags === 'number' && (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR)) === 0;
const failure = (code: string) => Object.assign(new Error(`${code}: injected by the test`), { code });

const roots: string[] = [];
const journals: TaskJournal[] = [];

function tempDir(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'veo-journal-race-'));
  roots.push(root);
  return path.join(root, 'tasks');
}

function journal(dir: string): TaskJournal {
  const j = new TaskJournal(dir, { watch: false, pollMs: 0 });
  journals.push(j);
  return j;
}

/** What another window does meanwhile, without being intercepted. */
async function elsewhere<T>(work: () => Promise<T>): Promise<T> {
  passThrough = true;
  try {
    return await work();
  } finally {
    passThrough = false;
  }
}

function events(j: TaskJournal): ElsewhereChange[] {
  const seen: ElsewhereChange[] = [];
  j.onDidChangeElsewhere((c) => seen.push(c));
  return seen;
}

const ids = async (dir: string) =>
  (await journal(dir).load())
    .map((t) => t.id)
    .sort();

describe('TaskJournal at the instants other windows and the disk can hit it', () => {
  before(() => {
    fsp.open = (async (file: Parameters<typeof real.open>[0], flags?: Flags, mode?: Parameters<typeof real.open>[2]) => {
      const open = () => real.open(file, flags, mode);
      return onOpen && !passThrough ? onOpen(String(file), flags, open) : open();
    }) as typeof fsp.open;
  });
  after(() => {
    fsp.open = real.open;
  });
  afterEach(() => {
    onOpen = undefined;
    passThrough = false;
    fsp.lstat = real.lstat;
    fsp.link = real.link;
    fsp.readdir = real.readdir;
    journals.splice(0).forEach((j) => j.dispose());
    for (const r of roots.splice(0)) fs.rmSync(r, { recursive: true, force: true });
  });

  describe('append', () => {
    it('writes again, to the newest journal, when a compaction two generations on deleted its journal while it wrote', async () => {
      const dir = tempDir();
      const writer = journal(dir);
      const other = journal(dir);
      await writer.load();
      await other.load();
      let raced = 0;
      onOpen = async (file, flags, open) => {
        const handle = await open();
        if (isAppend(flags) && path.basename(file) === journalName(1) && raced++ === 0) {
          // Between our open and our write, another window compacts twice: journal-1 is deleted.
          await elsewhere(async () => {
            assert.equal(await other.compact(), true);
            assert.equal(await other.compact(), true);
          });
          assert.ok(!fs.existsSync(path.join(dir, journalName(1))), 'journal-1 is gone');
        }
        return handle;
      };
      await writer.append([{ id: 'a', add: 1 }]);
      assert.equal(raced, 1);
      assert.deepEqual(await ids(dir), ['a'], 'the record reached a journal that is read');
      assert.match(fs.readFileSync(path.join(dir, journalName(3)), 'utf8'), /"id":"a"/);
    });

    it('gives up after 8 attempts when its journal keeps vanishing, and says where', async () => {
      const dir = tempDir();
      const writer = journal(dir);
      await writer.load();
      let appendOpens = 0;
      onOpen = async (file, flags, open) => {
        if (!isAppend(flags)) return open();
        appendOpens++;
        const handle = await open();
        fs.unlinkSync(file); // deleted each time right after it was opened
        return handle;
      };
      await assert.rejects(writer.append([{ id: 'a', add: 1 }]), { message: `could not append to the task journal in ${dir}` });
      assert.equal(appendOpens, 8);
    });

    for (const [name, cut] of [
      ['nothing', 0],
      ['half a record', 30],
    ] as const) {
      it(`a short write (${name} written) is completed after a fresh line: every record arrives whole`, async () => {
        const dir = tempDir();
        const writer = journal(dir);
        await writer.load();
        let writes = 0;
        onOpen = async (_file, flags, open) => {
          const handle = await open();
          if (!isAppend(flags)) return handle;
          const write = handle.write.bind(handle) as (b: Buffer, o: number, l: number) => Promise<{ bytesWritten: number }>;
          Object.assign(handle, {
            write: (buffer: Buffer, offset: number, length: number) => write(buffer, offset, writes++ === 0 ? Math.min(cut, length) : length),
          });
          return handle;
        };
        await writer.append([
          { id: 'a', add: 1 },
          { id: 'b', add: 2 },
          { id: 'c', add: 3 },
        ]);
        assert.equal(writes, 2, 'one short write, then the rest');
        const loaded = await journal(dir).load();
        assert.deepEqual(
          loaded.map((t) => [t.id, t.addedAt]),
          [
            ['a', 1],
            ['b', 2],
            ['c', 3],
          ],
        );
      });
    }
  });

  describe('compaction', () => {
    it('returns false and leaves the snapshot alone when another window created journal-<N+1> first', async () => {
      const dir = tempDir();
      const j = journal(dir);
      await j.load();
      await j.append([{ id: 'a', add: 1 }]);
      const snapshot = fs.readFileSync(path.join(dir, SNAPSHOT));
      onOpen = async (file, flags, open) => {
        if (isExclusive(flags) && path.basename(file) === journalName(2)) fs.writeFileSync(file, ''); // the other compactor
        return open();
      };
      assert.equal(await j.compact(), false);
      assert.deepEqual(fs.readFileSync(path.join(dir, SNAPSHOT)), snapshot, 'snapshot untouched');
      assert.deepEqual(fs.readdirSync(dir).sort(), ['journal-1.jsonl', 'journal-2.jsonl', 'snapshot.jsonl'], 'no temporary file');
      onOpen = undefined;
      assert.deepEqual(await ids(dir), ['a']);
    });

    it('passes on an error other than EEXIST while creating journal-<N+1>', async () => {
      const dir = tempDir();
      const j = journal(dir);
      await j.load();
      onOpen = async (file, flags, open) => {
        if (isExclusive(flags) && path.basename(file) === journalName(2)) throw failure('EIO');
        return open();
      };
      await assert.rejects(j.compact(), { code: 'EIO' });
    });

    it('a snapshot that cannot be written (disk full) fails the compaction: the old snapshot stays, no temporary file is left', async () => {
      const dir = tempDir();
      const j = journal(dir);
      await j.load();
      await j.append([{ id: 'a', add: 1 }]);
      const snapshot = fs.readFileSync(path.join(dir, SNAPSHOT));
      onOpen = async (file, _flags, open) => {
        const handle = await open();
        if (file.endsWith('.tmp')) Object.assign(handle, { write: () => Promise.reject(failure('ENOSPC')) });
        return handle;
      };
      await assert.rejects(j.compact(), { code: 'ENOSPC' });
      onOpen = undefined;
      assert.deepEqual(fs.readFileSync(path.join(dir, SNAPSHOT)), snapshot);
      assert.deepEqual(
        fs.readdirSync(dir).filter((n) => n.endsWith('.tmp')),
        [],
      );
      assert.deepEqual(await ids(dir), ['a']);
    });
  });

  describe('load', () => {
    it('starts over on the new snapshot when a compaction deleted a journal between its readdir and its open', async () => {
      const dir = tempDir();
      const w = journal(dir);
      await w.load();
      await w.append([{ id: 'a', add: 1 }]);
      let raced = 0;
      onOpen = async (file, flags, open) => {
        if (isRead(flags) && path.basename(file) === journalName(1) && raced++ === 0) {
          await elsewhere(async () => {
            await w.compact();
            await w.compact();
            await w.append([{ id: 'b', add: 2 }]);
          });
        }
        return open();
      };
      const openFiles = () => fs.readdirSync('/proc/self/fd').length;
      const before = openFiles();
      assert.deepEqual(await ids(dir), ['a', 'b']);
      assert.equal(raced, 1);
      assert.equal(openFiles(), before, 'every file it opened (the snapshot header read again included) is closed');
    });

    it('skips a journal of the current generation that cannot be found (deleted by hand), without starting over', async () => {
      const dir = tempDir();
      const w = journal(dir);
      await w.load();
      await w.append([{ id: 'a', add: 1 }]);
      await w.compact(); // snapshot generation 2 holds a; journal-2 is current
      let opens = 0;
      onOpen = async (file, flags, open) => {
        if (isRead(flags) && path.basename(file) === journalName(2)) {
          opens++;
          throw failure('ENOENT'); // listed by readdir, gone when opened: no compaction moved it
        }
        return open();
      };
      assert.deepEqual(await ids(dir), ['a']);
      assert.equal(opens, 1, 'read once: a missing journal newer than the snapshot is not a reason to start over');
    });

    for (const [compactions, lost] of [
      [2, 'the journal of its generation'],
      [1, 'the tail of the folded journal'],
    ] as const) {
      it(`starts over on the new snapshot when ${compactions} compaction(s) between its reading the snapshot and listing the folder deleted ${lost}`, async () => {
        const dir = tempDir();
        const w = journal(dir);
        await w.load();
        await w.append([{ id: 'a', add: 1 }]);
        if (compactions === 1) {
          assert.equal(await w.compact(), true); // snapshot 2, folded journal-1 up to a
          fs.appendFileSync(path.join(dir, journalName(1)), '\n{"id":"b","add":2}\n'); // a writer that still had journal-1 open
        }
        let raced = 0;
        fsp.readdir = (async (...args: Parameters<typeof fsp.readdir>) => {
          if (!passThrough && raced++ === 0) {
            await elsewhere(async () => {
              for (let i = 0; i < compactions; i++) assert.equal(await w.compact(), true);
            });
          }
          return real.readdir(...args);
        }) as typeof fsp.readdir;
        assert.deepEqual(await ids(dir), compactions === 1 ? ['a', 'b'] : ['a']);
        assert.ok(raced >= 2, 'listed the folder again');
      });
    }

    it('tries six times while compactions keep deleting what it is about to read, then says so', async () => {
      const dir = tempDir();
      const w = journal(dir);
      await w.load();
      await w.append([{ id: 'a', add: 1 }]);
      let races = 0;
      const reader = journal(dir);
      onOpen = async (file, flags, open) => {
        if (isRead(flags) && /^journal-\d+\.jsonl$/.test(path.basename(file))) {
          races++;
          await elsewhere(async () => {
            await w.compact();
            await w.compact();
          });
        }
        return open();
      };
      await assert.rejects(reader.load(), { message: `the task snapshot in ${dir} kept changing while it was read` });
      assert.equal(races, 6);
      onOpen = undefined;
      assert.deepEqual(await ids(dir), ['a'], 'nothing lost meanwhile');
    });

    it('stops at the end of a file truncated between its stat and its read', async () => {
      const dir = tempDir();
      const w = journal(dir);
      await w.load();
      await w.append([{ id: 'a', add: 1 }]);
      onOpen = async (file, flags, open) => {
        const handle = await open();
        if (isRead(flags) && path.basename(file) === journalName(1)) {
          const stat = handle.stat.bind(handle);
          Object.assign(handle, {
            stat: async () => {
              const s = await stat();
              fs.truncateSync(file, 0); // someone empties it right after
              return s;
            },
          });
        }
        return handle;
      };
      assert.deepEqual(await ids(dir), [], 'the record went with the truncation; the load ends');
    });
  });

  describe('errors other than "missing" or "already there" are passed on', () => {
    it('from lstat of the snapshot', async () => {
      const dir = tempDir();
      fsp.lstat = (async () => {
        throw failure('EACCES');
      }) as typeof fsp.lstat;
      await assert.rejects(journal(dir).load(), { code: 'EACCES' });
    });

    it('from creating journal-1', async () => {
      const dir = tempDir();
      onOpen = async (file, _flags, open) => {
        if (path.basename(file) === journalName(1)) throw failure('EIO');
        return open();
      };
      await assert.rejects(journal(dir).load(), { code: 'EIO' });
    });

    it('from publishing the first snapshot (link); EEXIST there means another window was first', async () => {
      const dir = tempDir();
      fsp.link = (async () => {
        throw failure('EIO');
      }) as typeof fsp.link;
      await assert.rejects(journal(dir).load(), { code: 'EIO' });
      assert.deepEqual(
        fs.readdirSync(dir).filter((n) => n.endsWith('.tmp')),
        [],
        'the temporary snapshot is removed',
      );

      const dir2 = tempDir();
      fsp.link = (async (from: string, to: string) => {
        await real.link(from, to);
        throw failure('EEXIST'); // as if another window had linked the same snapshot first
      }) as typeof fsp.link;
      assert.deepEqual(await journal(dir2).load(), []);
    });
  });

  // The survivors of the store mutation run (issue #11) that an instant like the ones above can kill.
  describe('more instants', () => {
    it('a writer whose journal two compactions deleted between its check and its open writes to the newest one and does not create the old one again: a window still following it would miss what was appended there', async () => {
      const dir = tempDir();
      const writer = journal(dir);
      const other = journal(dir);
      const follower = journal(dir);
      const compactor = journal(dir);
      for (const j of [writer, other, follower, compactor]) await j.load();
      const seen = events(follower);
      await other.append([{ id: 'a', add: 1 }]); // in journal-1; the follower has not looked yet
      let raced = 0;
      onOpen = async (file, flags, open) => {
        if (isAppend(flags) && path.basename(file) === journalName(1) && raced++ === 0) {
          await elsewhere(async () => {
            assert.equal(await compactor.compact(), true);
            assert.equal(await compactor.compact(), true);
          });
        }
        return open(); // journal-1 is gone: ENOENT
      };
      await writer.append([{ id: 'b', add: 2 }]);
      assert.equal(raced, 1);
      onOpen = undefined;
      assert.deepEqual(fs.readdirSync(dir).sort(), ['journal-2.jsonl', 'journal-3.jsonl', 'snapshot.jsonl'], 'journal-1 not created again');
      await follower.poll();
      assert.deepEqual(seen, [{ tasks: [{ id: 'a', addedAt: 1 }, { id: 'b', addedAt: 2 }] }], 'the follower noticed journal-1 was gone and read everything again');
    });

    it('a compaction keeps its place in the journal it created when a look during the compaction read that journal already: no record twice', async () => {
      const dir = tempDir();
      const j = journal(dir);
      const writer = journal(dir);
      await j.load();
      await writer.load();
      const seen = events(j);
      let raced = 0;
      onOpen = async (file, flags, open) => {
        const handle = await open();
        if (isExclusive(flags) && path.basename(file) === journalName(2) && raced++ === 0) {
          // Another window writes to the new journal at once, and the watch makes this window look.
          await elsewhere(async () => {
            await writer.append([{ id: 'b', add: 2 }]);
            await j.poll();
          });
          assert.deepEqual(seen, [{ records: [{ id: 'b', add: 2 }] }]);
        }
        return handle;
      };
      assert.equal(await j.compact(), true);
      assert.equal(raced, 1);
      onOpen = undefined;
      await j.poll();
      assert.deepEqual(seen, [{ records: [{ id: 'b', add: 2 }] }], 'b once');
      await writer.append([{ id: 'c', add: 3 }]);
      await j.poll();
      assert.deepEqual(seen.slice(1), [{ records: [{ id: 'c', add: 3 }] }]);
    });

    it('a compaction folds only the journals before the one it created: what is appended to that one meanwhile is read from it, once', async () => {
      const dir = tempDir();
      const j = journal(dir);
      const writer = journal(dir);
      await j.load();
      await writer.load();
      let raced = 0;
      onOpen = async (file, flags, open) => {
        const handle = await open();
        if (isExclusive(flags) && path.basename(file) === journalName(2) && raced++ === 0) {
          // A label set on a task this window does not know yet (ignored), then the task's add.
          await elsewhere(() => writer.append([{ id: 'a', set: { label: 'stale' } }, { id: 'a', add: 5 }]));
        }
        return handle;
      };
      assert.equal(await j.compact(), true);
      assert.equal(raced, 1);
      onOpen = undefined;
      assert.equal(fs.readFileSync(path.join(dir, SNAPSHOT), 'utf8'), '{"v":2,"gen":2,"folded":{"file":"journal-1.jsonl","offset":0}}\n', 'journal-2 is not folded');
      // Read once, in order: the label came before the task existed and stays ignored.
      assert.deepEqual(await journal(dir).load(), [{ id: 'a', addedAt: 5 }]);
    });

    it('refuses a second compact() asked for while the first writes its snapshot', async () => {
      const dir = tempDir();
      const j = journal(dir);
      await j.load();
      await j.append([{ id: 'a', add: 1 }]);
      let second: Promise<boolean> | undefined;
      onOpen = async (file, _flags, open) => {
        if (file.endsWith('.tmp')) second ??= j.compact();
        return open();
      };
      assert.equal(await j.compact(), true);
      assert.ok(second);
      assert.equal(await second, false);
      onOpen = undefined;
      assert.deepEqual(fs.readdirSync(dir).sort(), ['journal-1.jsonl', 'journal-2.jsonl', 'snapshot.jsonl'], 'one compaction: no journal-3');
    });

    it('makes the folder durable (fsync) after publishing a snapshot, the first one and a compacted one, and closes it', async () => {
      const dir = tempDir();
      const calls: string[] = [];
      onOpen = async (file, _flags, open) => {
        const handle = await open();
        if (path.resolve(file) === path.resolve(dir)) {
          const sync = handle.sync.bind(handle);
          const close = handle.close.bind(handle);
          Object.assign(handle, {
            sync: () => (calls.push('sync'), sync()),
            close: () => (calls.push('close'), close()),
          });
        }
        return handle;
      };
      const j = journal(dir);
      await j.load();
      assert.deepEqual(calls, ['sync', 'close'], 'after linking the first snapshot');
      await j.append([{ id: 'a', add: 1 }]);
      assert.equal(await j.compact(), true);
      assert.deepEqual(calls, ['sync', 'close', 'sync', 'close'], 'after renaming the compacted one');
    });

    it('reading the snapshot header again after a journal vanished: a header it cannot read counts as no compaction, and the journal is skipped', async () => {
      const dir = tempDir();
      const w = journal(dir);
      await w.load();
      await w.append([{ id: 'a', add: 1 }]);
      let vanished = 0;
      onOpen = async (file, flags, open) => {
        if (isRead(flags) && path.basename(file) === journalName(1)) {
          vanished++;
          fs.writeFileSync(path.join(dir, SNAPSHOT), 'not a header\n'); // someone overwrites the snapshot...
          throw failure('ENOENT'); // ...and the journal is gone
        }
        return open();
      };
      assert.deepEqual(await journal(dir).load(), []);
      assert.equal(vanished, 1, 'no start over');
    });

    it('writes a snapshot in chunks of 64 Ki characters, no empty write after a full last one, yielding once a slice is spent (every 4 tasks with sliceMs 3 and a clock moving 1 ms per reading)', async () => {
      const dir = tempDir();
      const headerLength = `${JSON.stringify({ v: 2, gen: 2, folded: { file: journalName(1), offset: 0 } })}\n`.length;
      const task = (i: number, lineLength: number) => {
        const t = { id: `t${String(i).padStart(4, '0')}`, addedAt: 1000 + i, localFile: '/v/' };
        t.localFile += 'y'.repeat(lineLength - JSON.stringify(t).length - 1);
        return t;
      };
      // Task lines of 256 characters; the first one brings the header and itself to a multiple of 256, and
      // 766 more fill three chunks exactly.
      const firstLength = 256 + ((65536 - headerLength) % 256);
      const tasks = [task(0, firstLength), ...Array.from({ length: 766 }, (_, i) => task(i + 1, 256))];
      const writes: number[] = [];
      let writing = false;
      let ms = 0;
      const j = new TaskJournal(dir, { watch: false, pollMs: 0, sliceMs: 3, initialTasks: () => tasks, clock: () => (writing ? ms++ : 0) });
      journals.push(j);
      assert.equal((await j.load()).length, 767);
      onOpen = async (file, _flags, open) => {
        const handle = await open();
        if (file.endsWith('.tmp')) {
          writing = true;
          const write = handle.write.bind(handle) as (chunk: string) => Promise<{ bytesWritten: number }>;
          const close = handle.close.bind(handle);
          Object.assign(handle, {
            write: (chunk: string) => (writes.push(chunk.length), write(chunk)),
            close: () => ((writing = false), close()),
          });
        }
        return handle;
      };
      assert.equal(await j.compact(), true);
      onOpen = undefined;
      const lines = fs.readFileSync(path.join(dir, SNAPSHOT), 'utf8').split('\n');
      assert.equal(lines.pop(), '');
      assert.deepEqual(
        lines.map((l) => l.length + 1),
        [headerLength, firstLength, ...Array(766).fill(256)],
        'the header and each task once, at the lengths planned',
      );
      assert.equal(headerLength + firstLength + 766 * 256, 3 * 65536);
      assert.deepEqual(writes, [65536, 65536, 65536], 'written whenever 64 Ki characters are together; nothing is left for the end');
      // Clock readings while writing: one to start, one after each of the 767 tasks, one after each yield.
      assert.equal(ms - 1 - 767, 191, 'a yield after every 4th task');
    });

    it('reads a journal up to the size it found: bytes appended meanwhile come with the next look', async () => {
      const dir = tempDir();
      const w = journal(dir);
      const reader = journal(dir);
      await w.load();
      await reader.load();
      const seen = events(reader);
      await w.append([{ id: 'a', add: 1 }]);
      await reader.poll(); // the reader's place in journal-1 is no longer 0
      await w.append([{ id: 'b', add: 2 }]);
      let grown = 0;
      onOpen = async (file, flags, open) => {
        const handle = await open();
        if (isRead(flags) && path.basename(file) === journalName(1) && grown === 0) {
          const stat = handle.stat.bind(handle);
          Object.assign(handle, {
            stat: async () => {
              const s = await stat();
              grown++;
              await elsewhere(() => w.append([{ id: 'c', add: 3 }])); // right after the reader looked at the size
              return s;
            },
          });
        }
        return handle;
      };
      await reader.poll();
      assert.equal(grown, 1);
      onOpen = undefined;
      await reader.poll();
      assert.deepEqual(seen, [{ records: [{ id: 'a', add: 1 }] }, { records: [{ id: 'b', add: 2 }] }, { records: [{ id: 'c', add: 3 }] }]);
    });
  });
});
