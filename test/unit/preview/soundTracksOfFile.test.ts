import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { soundTracksOfFile } from '../../../src/preview/soundTracksOfFile';
import { FIXTURE_VIDEO } from '../../../sim/simulator';

describe('soundTracksOfFile', () => {
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veo-sound-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the simulator\'s fixture (a VEO-like MP4) has one AAC sound track', () => {
    assert.deepEqual(soundTracksOfFile(FIXTURE_VIDEO), ['mp4a']);
  });

  it('a missing file, a folder, a text file: undefined', () => {
    assert.equal(soundTracksOfFile(path.join(dir, 'gone.mp4')), undefined);
    assert.equal(soundTracksOfFile(dir), undefined);
    const text = path.join(dir, 'notes.mp4');
    fs.writeFileSync(text, 'not a video at all');
    assert.equal(soundTracksOfFile(text), undefined);
  });

  it('a link to a video, even a real one, is not followed: undefined', () => {
    const link = path.join(dir, 'linked.mp4');
    fs.symlinkSync(FIXTURE_VIDEO, link);
    assert.equal(soundTracksOfFile(link), undefined);
  });

  it("a FIFO put in the video's place returns at once (no writer ever comes): undefined", () => {
    if (process.platform === 'win32') return; // no FIFOs there
    const fifo = path.join(dir, 'fifo.mp4');
    execFileSync('mkfifo', [fifo]);
    // Opening a FIFO for reading without O_NONBLOCK waits for a writer: this test would hang.
    assert.equal(soundTracksOfFile(fifo), undefined);
  });

  it('reads the file again when it changed (size or time)', () => {
    const file = path.join(dir, 'changing.mp4');
    fs.writeFileSync(file, 'x');
    assert.equal(soundTracksOfFile(file), undefined);
    fs.copyFileSync(FIXTURE_VIDEO, file);
    assert.deepEqual(soundTracksOfFile(file), ['mp4a']);
  });

  it('remembers at most 64 files', () => {
    for (let i = 0; i < 70; i++) {
      const file = path.join(dir, `v${i}.mp4`);
      fs.writeFileSync(file, `${i}`);
      assert.equal(soundTracksOfFile(file), undefined);
    }
  });
});
