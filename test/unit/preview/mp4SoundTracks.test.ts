// The MP4 sound-track reader on crafted files: the boxes it follows, the bounds it keeps, and
// hostile sizes (too small, too large, overrunning, 64-bit, to-end-of-file).
import * as assert from 'node:assert/strict';
import { MAX_BOXES, MAX_MOOV_BYTES, MAX_TOP_BOXES, mp4SoundCodecs, ReadAt, soundCodecsOfMoov } from '../../../src/preview/mp4SoundTracks';

import { box, ftyp, hdlr, moov, trak, u32 } from './mp4Boxes';

/** Reads `file`, counting the bytes asked for. */
function reader(file: Buffer): { read: ReadAt; asked: number } {
  const r = {
    asked: 0,
    read: (offset: number, length: number) => {
      r.asked += length;
      return file.subarray(offset, offset + length);
    },
  };
  return r;
}
const codecs = (file: Buffer) => mp4SoundCodecs(reader(file).read, file.length);

describe('mp4SoundCodecs', () => {
  it('finds the sound track (hdlr soun) and its codec; the video track is not sound', () => {
    assert.deepEqual(codecs(Buffer.concat([ftyp, moov(trak('vide', 'avc1'), trak('soun', 'mp4a')), box('mdat', Buffer.alloc(64))])), ['mp4a']);
  });

  it('a silent video: no sound track', () => {
    assert.deepEqual(codecs(Buffer.concat([ftyp, moov(trak('vide', 'avc1')), box('mdat', Buffer.alloc(64))])), []);
  });

  it('one entry per sound track; a sound track without a sample description is ""', () => {
    assert.deepEqual(codecs(Buffer.concat([ftyp, moov(trak('soun', 'Opus'), trak('soun'), trak('vide', 'avc1'))])), ['Opus', '']);
  });

  it('moov after a large mdat: skips the mdat by its header, reads only headers and the moov', () => {
    const mdatSize = 50 * 1024 * 1024;
    const movie = moov(trak('soun', 'mp4a'));
    // A sparse file: only the headers and the moov hold bytes; the reader refuses to serve the mdat.
    const file = { size: ftyp.length + mdatSize + movie.length };
    let asked = 0;
    const read: ReadAt = (offset, length) => {
      asked += length;
      if (offset < ftyp.length) return ftyp.subarray(offset, offset + length);
      if (offset === ftyp.length) return Buffer.concat([u32(mdatSize), Buffer.from('mdat'), Buffer.alloc(8)]);
      const at = offset - ftyp.length - mdatSize;
      assert.ok(at >= 0, `no read inside the mdat (offset ${offset})`);
      return movie.subarray(at, at + length);
    };
    assert.deepEqual(mp4SoundCodecs(read, file.size), ['mp4a']);
    assert.ok(asked < movie.length + 64, `read ${asked} bytes`);
  });

  it('64-bit box sizes (size 1) and a last box that runs to the end of the file (size 0)', () => {
    const mdat64 = Buffer.concat([u32(1), Buffer.from('mdat'), u32(0), u32(16 + 10), Buffer.alloc(10)]);
    const movie = moov(trak('soun', 'mp4a'));
    const toEnd = Buffer.concat([u32(0), movie.subarray(4)]);
    assert.deepEqual(codecs(Buffer.concat([ftyp, mdat64, toEnd])), ['mp4a']);
  });

  it('not an MP4, or cut short: undefined', () => {
    assert.equal(codecs(Buffer.from('<!DOCTYPE html><html>not a video</html>')), undefined);
    assert.equal(codecs(Buffer.alloc(0)), undefined);
    assert.equal(codecs(Buffer.concat([ftyp, box('mdat', Buffer.alloc(8))])), undefined, 'no moov');
    const movie = moov(trak('soun', 'mp4a'));
    assert.equal(codecs(Buffer.concat([ftyp, movie.subarray(0, movie.length - 5)])), undefined, 'moov cut short');
    assert.equal(mp4SoundCodecs(reader(ftyp).read, Number.NaN), undefined);
    assert.equal(mp4SoundCodecs(reader(ftyp).read, 2 ** 60), undefined);
  });

  it('hostile sizes end the walk: below the header, beyond the file, 64-bit beyond any file', () => {
    assert.equal(codecs(Buffer.concat([u32(4), Buffer.from('ftyp'), Buffer.alloc(32)])), undefined, 'size below 8');
    assert.equal(codecs(Buffer.concat([u32(1000), Buffer.from('ftyp'), Buffer.alloc(32)])), undefined, 'size beyond the file');
    assert.equal(codecs(Buffer.concat([u32(1), Buffer.from('mdat'), u32(0xffffffff), u32(0xffffffff), Buffer.alloc(8)])), undefined, '64-bit overflow');
    assert.equal(codecs(Buffer.concat([u32(1), Buffer.from('mdat'), u32(0), u32(8), Buffer.alloc(8)])), undefined, '64-bit size below its 16-byte header');
    assert.equal(codecs(Buffer.concat([u32(1), Buffer.from('mdat'), u32(0)])), undefined, '64-bit header cut off');
  });

  it('a moov larger than MAX_MOOV_BYTES is not read', () => {
    const header = Buffer.concat([u32(MAX_MOOV_BYTES + 9), Buffer.from('moov')]);
    const r = reader(Buffer.concat([header, Buffer.alloc(8)]));
    assert.equal(mp4SoundCodecs(r.read, MAX_MOOV_BYTES + 9), undefined);
    assert.ok(r.asked <= 16, `read ${r.asked} bytes`);
  });

  it('gives up after MAX_TOP_BOXES top-level boxes without a moov', () => {
    const free = box('free');
    const r = reader(Buffer.concat([...Array.from({ length: MAX_TOP_BOXES }, () => free), moov(trak('soun', 'mp4a'))]));
    assert.equal(mp4SoundCodecs(r.read, MAX_TOP_BOXES * 8 + 200), undefined);
    const within = Buffer.concat([...Array.from({ length: MAX_TOP_BOXES - 1 }, () => free), moov(trak('soun', 'mp4a'))]);
    assert.deepEqual(codecs(within), ['mp4a']);
  });
});

describe('soundCodecsOfMoov: hostile insides', () => {
  const payload = (moovBox: Buffer) => moovBox.subarray(8);

  it('a child overrunning its parent is not followed', () => {
    const sound = trak('soun', 'mp4a');
    sound.writeUInt32BE(sound.length + 100, 0); // the trak claims more than the moov holds
    assert.deepEqual(soundCodecsOfMoov(payload(moov(sound))), []);
  });

  it('a hdlr too short to hold a handler type is not sound', () => {
    const shortHdlr = box('trak', box('mdia', box('hdlr', u32(0), Buffer.from('soun'))));
    assert.deepEqual(soundCodecsOfMoov(payload(moov(shortHdlr))), []);
  });

  it('an stsd too short for its header gives ""; an empty moov gives []', () => {
    const t = box('trak', box('mdia', hdlr('soun'), box('minf', box('stbl', box('stsd', u32(0))))));
    assert.deepEqual(soundCodecsOfMoov(payload(moov(t))), ['']);
    assert.deepEqual(soundCodecsOfMoov(new Uint8Array(0)), []);
    assert.deepEqual(soundCodecsOfMoov(new Uint8Array(7)), []);
  });

  it('visits at most MAX_BOXES boxes: tracks beyond the budget are not seen', () => {
    const filler = Buffer.concat(Array.from({ length: MAX_BOXES }, () => box('free')));
    assert.deepEqual(soundCodecsOfMoov(Buffer.concat([filler, trak('soun', 'mp4a')])), []);
    assert.deepEqual(soundCodecsOfMoov(Buffer.concat([filler.subarray(8 * 32), trak('soun', 'mp4a')])), ['mp4a']);
  });
});
