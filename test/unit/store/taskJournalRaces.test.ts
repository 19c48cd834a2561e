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
import { SNAPSHOT, TaskJournal } from '../../../src/store/taskJournal';

// The module object itself (not an import's read-only view of it), so its functions can be wrapped.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fsp = require('node:fs/promises') as typeof import('node:fs/promises');
const real = { open: fsp.open, lstat: fsp.lstat, link: fsp.link };

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
});
