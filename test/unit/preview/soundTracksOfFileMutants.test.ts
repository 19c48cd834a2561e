// soundTracksOfFile on the edges its other tests leave open (issue #11, mutation testing): a
// read stops at the moov's own end even when more of the file follows, the remembered answers
// are the last 64 files (the oldest forgotten first; a FIFO or device takes no place), and no
// file is left open, whichever way the function returns.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { soundTracksOfFile } from '../../../src/preview/soundTracksOfFile';
import { FIXTURE_VIDEO } from '../../../sim/simulator';
import { box, ftyp, trak } from './mp4Boxes';

/** Whether a file descriptor of this process, among the first `upTo`, is open on `file`. */
function leftOpen(file: string, upTo = 256): boolean {
  const target = fs.statSync(file);
  for (let fd = 0; fd < upTo; fd++) {
    let s: fs.Stats;
    try {
      s = fs.fstatSync(fd);
    } catch {
      continue;
    }
    if (s.ino === target.ino && s.dev === target.dev) return true;
  }
  return false;
}

/**
 * soundTracksOfFile of a fresh load of its module: nothing remembered yet, as in a new extension
 * host. (In one long process the memory fills up once and stays full, and a full memory hides
 * whether it could have kept fewer than 64 files: Stryker runs every mutant in one process.)
 */
function freshSoundTracksOfFile(): typeof soundTracksOfFile {
  const module = require.resolve('../../../src/preview/soundTracksOfFile');
  delete require.cache[module];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(module) as typeof import('../../../src/preview/soundTracksOfFile')).soundTracksOfFile;
}

describe('soundTracksOfFile: reading to the end of the moov, its memory, its handles', () => {
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veo-sound-files-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads an empty moov as empty, not on into a sound track that follows it in the file', () => {
    const file = path.join(dir, 'moov-then-trak.mp4');
    fs.writeFileSync(file, Buffer.concat([ftyp, box('moov'), trak('soun', 'Opus')]));
    assert.deepEqual(soundTracksOfFile(file), []);
  });

  it('remembers the last 64 files it read and forgets the oldest first, from its first file on', () => {
    const tracksOf = freshSoundTracksOfFile();
    let n = 0;
    const readOthers = (count: number) => {
      for (let i = 0; i < count; i++) {
        const other = path.join(dir, `other-${n++}.mp4`);
        fs.writeFileSync(other, `not a video ${n}`);
        assert.equal(tracksOf(other), undefined);
      }
    };
    const file = path.join(dir, 'remembered.mp4');
    fs.copyFileSync(FIXTURE_VIDEO, file);
    fs.utimesSync(file, 1_000_000_000, 1_000_000_000);
    assert.deepEqual(tracksOf(file), ['mp4a'], 'the first file read');
    // Its sound track becomes a video track in place: same size, same time.
    const bytes = fs.readFileSync(file);
    const at = bytes.indexOf('soun', 0, 'latin1');
    assert.ok(at > 0);
    bytes.write('vide', at, 'latin1');
    fs.writeFileSync(file, bytes);
    fs.utimesSync(file, 1_000_000_000, 1_000_000_000);
    readOthers(63);
    assert.deepEqual(tracksOf(file), ['mp4a'], 'one of the last 64 files: the remembered answer');
    readOthers(1);
    assert.deepEqual(tracksOf(file), [], 'the 65th file pushed it out: read again');
  });

  it('a FIFO or a device put in the video\'s place takes no remembered place from a real file', () => {
    if (process.platform === 'win32') return; // neither a FIFO nor /dev/null there
    let n = 0;
    const readOthers = (count: number) => {
      for (let i = 0; i < count; i++) {
        const other = path.join(dir, `spare-${n++}.mp4`);
        fs.writeFileSync(other, `not a video ${n}`);
        assert.equal(soundTracksOfFile(other), undefined);
      }
    };
    readOthers(64);
    const file = path.join(dir, 'kept.mp4');
    fs.copyFileSync(FIXTURE_VIDEO, file);
    fs.utimesSync(file, 1_000_000_000, 1_000_000_000);
    assert.deepEqual(soundTracksOfFile(file), ['mp4a']);
    const bytes = fs.readFileSync(file);
    bytes.write('vide', bytes.indexOf('soun', 0, 'latin1'), 'latin1');
    fs.writeFileSync(file, bytes);
    fs.utimesSync(file, 1_000_000_000, 1_000_000_000);
    readOthers(63); // the file is now the oldest of the 64 remembered
    const fifo = path.join(dir, 'in-place.mp4');
    execFileSync('mkfifo', [fifo]);
    assert.equal(soundTracksOfFile(fifo), undefined);
    assert.equal(soundTracksOfFile('/dev/null'), undefined);
    assert.deepEqual(soundTracksOfFile(file), ['mp4a'], 'still remembered');
    readOthers(1); // the positive control: a real file does push it out
    assert.deepEqual(soundTracksOfFile(file), []);
  });

  it('closes the file it opened: after a read, a remembered answer, a file that is no MP4, a folder', () => {
    const file = path.join(dir, 'closed.mp4');
    fs.copyFileSync(FIXTURE_VIDEO, file);
    // The check sees a file left open (the positive control).
    const fd = fs.openSync(file, 'r');
    assert.equal(leftOpen(file), true);
    fs.closeSync(fd);
    assert.equal(leftOpen(file), false);

    assert.deepEqual(soundTracksOfFile(file), ['mp4a']);
    assert.equal(leftOpen(file), false, 'after reading it');
    assert.deepEqual(soundTracksOfFile(file), ['mp4a']);
    assert.equal(leftOpen(file), false, 'after answering from memory');
    const text = path.join(dir, 'closed.txt.mp4');
    fs.writeFileSync(text, 'not a video');
    assert.equal(soundTracksOfFile(text), undefined);
    assert.equal(leftOpen(text), false, 'after a file that is no MP4');
    const folder = path.join(dir, 'folder.mp4');
    fs.mkdirSync(folder);
    assert.equal(soundTracksOfFile(folder), undefined);
    assert.equal(leftOpen(folder), false, 'after a folder');
  });
});
