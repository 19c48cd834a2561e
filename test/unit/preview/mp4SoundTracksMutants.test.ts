// The MP4 sound-track reader at its exact bounds: an 8-byte moov, a file size that is not an
// integer, the 64th and 65th top-level box, a moov of exactly MAX_MOOV_BYTES, a reader that
// returns fewer bytes than asked, 64-bit sizes above 4 GiB, boxes missing inside a track, a
// hdlr of exactly 12 bytes, sample entries that overrun their stsd, and the box budget to the box.
import * as assert from 'node:assert/strict';
import { MAX_BOXES, MAX_MOOV_BYTES, MAX_TOP_BOXES, mp4SoundCodecs, ReadAt, soundCodecsOfMoov } from '../../../src/preview/mp4SoundTracks';

import { box, ftyp, hdlr, moov, stsd, trak, u32 } from './mp4Boxes';
const readerOf = (file: Buffer): ReadAt => (offset, length) => file.subarray(offset, offset + length);
const codecs = (file: Buffer) => mp4SoundCodecs(readerOf(file), file.length);
/** A moov payload holding one track whose mdia payload is `mdiaPayload`. */
const withMdia = (...mdiaPayload: Buffer[]) => box('trak', box('mdia', ...mdiaPayload));

describe('mp4SoundCodecs: exact bounds', () => {
  it('an 8-byte file that is an empty moov: no sound tracks, [] (not undefined)', () => {
    assert.deepEqual(codecs(box('moov')), []);
    assert.deepEqual(codecs(Buffer.concat([ftyp, box('moov')])), [], 'an empty moov as the last 8 bytes');
  });

  it('a moov whose size is below its own header (2 to 7 bytes): undefined, not an empty moov', () => {
    for (const size of [2, 7]) {
      assert.equal(codecs(Buffer.concat([u32(size), Buffer.from('moov'), Buffer.alloc(32)])), undefined, `size ${size}`);
      assert.equal(codecs(Buffer.concat([ftyp, u32(size), Buffer.from('moov'), Buffer.alloc(32)])), undefined, `size ${size} after ftyp`);
    }
    const below64 = Buffer.concat([u32(1), Buffer.from('moov'), u32(0), u32(15), Buffer.alloc(32)]);
    assert.equal(codecs(below64), undefined, '64-bit size 15, below its 16-byte header');
  });

  it('asks for nothing at the end of the file: a file without a moov is read one header at a time', () => {
    const asked: number[] = [];
    const recording = (file: Buffer): ReadAt => (offset, length) => {
      asked.push(offset);
      return file.subarray(offset, offset + length);
    };
    const noMoov = Buffer.concat([ftyp, box('free', Buffer.alloc(8))]);
    assert.equal(mp4SoundCodecs(recording(noMoov), noMoov.length), undefined);
    assert.deepEqual(asked, [0, ftyp.length]);
    asked.length = 0;
    const tail = Buffer.concat([noMoov, Buffer.alloc(7)]); // 7 bytes left: too few for a header
    assert.equal(mp4SoundCodecs(recording(tail), tail.length), undefined);
    assert.deepEqual(asked, [0, ftyp.length]);
  });

  it('a file size that is not a whole number: undefined', () => {
    assert.equal(mp4SoundCodecs(readerOf(box('moov')), 8.5), undefined);
  });

  it('the moov as the 64th top-level box is read; as the 65th it is not', () => {
    const free = box('free');
    const at64 = Buffer.concat([...Array.from({ length: MAX_TOP_BOXES - 1 }, () => free), moov(trak('soun', 'mp4a'))]);
    assert.deepEqual(codecs(at64), ['mp4a']);
    const at65 = Buffer.concat([...Array.from({ length: MAX_TOP_BOXES }, () => free), moov(trak('soun', 'mp4a'))]);
    assert.equal(codecs(at65), undefined);
  });

  it('a moov of exactly MAX_MOOV_BYTES is read', () => {
    const track = trak('soun', 'mp4a');
    const padding = MAX_MOOV_BYTES - track.length - 8;
    const big = box('moov', track, box('free', Buffer.alloc(padding)));
    assert.equal(big.length - 8, MAX_MOOV_BYTES);
    assert.deepEqual(codecs(big), ['mp4a']);
  });

  it('a reader that returns less of the moov than its size says: undefined', () => {
    const file = Buffer.concat([ftyp, moov(trak('soun', 'mp4a'), trak('vide', 'avc1'))]);
    const short: ReadAt = (offset, length) => file.subarray(offset, Math.min(offset + length, file.length - 40));
    assert.equal(mp4SoundCodecs(short, file.length), undefined);
  });

  it('a first header read cut to 7 bytes ends the walk; one of exactly 8 bytes is enough', () => {
    const file = Buffer.concat([ftyp, moov(trak('soun', 'mp4a'))]);
    const cut = (n: number): ReadAt => (offset, length) => file.subarray(offset, offset === 0 ? n : offset + length);
    assert.equal(mp4SoundCodecs(cut(7), file.length), undefined);
    assert.deepEqual(mp4SoundCodecs(cut(8), file.length), ['mp4a']);
  });

  it('a 64-bit mdat of 4 GiB and more is skipped to the moov after it', () => {
    const movie = moov(trak('soun', 'mp4a'));
    const mdatSize = 2 ** 32 + 16;
    const header = Buffer.concat([u32(1), Buffer.from('mdat'), u32(1), u32(16)]);
    const read: ReadAt = (offset, length) => (offset === 0 ? header.subarray(0, length) : offset >= mdatSize ? movie.subarray(offset - mdatSize, offset - mdatSize + length) : Buffer.alloc(0));
    assert.deepEqual(mp4SoundCodecs(read, mdatSize + movie.length), ['mp4a']);
  });

  it('a 64-bit header cut after its high word: undefined, even when the file is that large', () => {
    const movie = moov(trak('soun', 'mp4a'));
    const header = Buffer.concat([u32(1), Buffer.from('mdat'), u32(1)]);
    const read: ReadAt = (offset, length) => (offset === 0 ? header : offset >= 2 ** 32 ? movie.subarray(offset - 2 ** 32, offset - 2 ** 32 + length) : Buffer.alloc(0));
    assert.equal(mp4SoundCodecs(read, 2 ** 32 + movie.length), undefined);
  });

  it('a 64-bit moov header cut off after 12 bytes: undefined, not an empty moov', () => {
    const header = Buffer.concat([u32(1), Buffer.from('moov'), u32(0)]);
    const read: ReadAt = (offset, length) => (offset === 0 ? header : Buffer.alloc(Math.min(length, 64)));
    assert.equal(mp4SoundCodecs(read, 1000), undefined);
  });

  it('the largest 64-bit size (high word 0x1fffff) is still followed', () => {
    const movie = moov(trak('soun', 'mp4a'));
    const fileSize = Number.MAX_SAFE_INTEGER;
    const mdatSize = fileSize - movie.length;
    const high = Math.floor(mdatSize / 2 ** 32);
    assert.equal(high, 0x1fffff);
    const header = Buffer.concat([u32(1), Buffer.from('mdat'), u32(high), u32(mdatSize - high * 2 ** 32)]);
    const read: ReadAt = (offset, length) => (offset === 0 ? header.subarray(0, length) : offset >= mdatSize ? movie.subarray(offset - mdatSize, offset - mdatSize + length) : Buffer.alloc(0));
    assert.deepEqual(mp4SoundCodecs(read, fileSize), ['mp4a']);
  });
});

describe('soundCodecsOfMoov: missing and exact boxes', () => {
  it('a track without mdia, and an mdia without hdlr, are not sound', () => {
    assert.deepEqual(soundCodecsOfMoov(box('trak', box('tkhd', Buffer.alloc(8)))), []);
    assert.deepEqual(soundCodecsOfMoov(withMdia(box('mdhd', Buffer.alloc(24)), box('minf'))), []);
  });

  it('a hdlr of 8 bytes is not sound even when "soun" follows it', () => {
    assert.deepEqual(soundCodecsOfMoov(withMdia(box('hdlr', u32(0), u32(0)), Buffer.from('sounxxxx', 'latin1'))), []);
  });

  it('a hdlr of exactly 12 bytes holds its handler type', () => {
    assert.deepEqual(soundCodecsOfMoov(withMdia(box('hdlr', u32(0), u32(0), Buffer.from('soun', 'latin1')), box('minf', box('stbl', stsd('mp4a'))))), ['mp4a']);
  });

  it('an stsd with its header and no entry gives ""', () => {
    assert.deepEqual(soundCodecsOfMoov(withMdia(hdlr('soun'), box('minf', box('stbl', box('stsd', u32(0), u32(0)))))), ['']);
  });

  it('a sample entry overrunning its stsd is not read, even with bytes after it', () => {
    const entryHeader = Buffer.concat([u32(16), Buffer.from('mp4a', 'latin1')]); // claims 16 bytes, the stsd holds 8 of it
    const stbl = box('stbl', box('stsd', u32(0), u32(1), entryHeader), box('stts', Buffer.alloc(16)));
    assert.deepEqual(soundCodecsOfMoov(withMdia(hdlr('soun'), box('minf', stbl))), ['']);
  });

  it('the box budget holds to the box: one more filler and the codec is lost', () => {
    const track = trak('soun', 'mp4a');
    const fillers = (n: number) => Buffer.concat(Array.from({ length: n }, () => box('free')));
    // The track needs 11 visits: trak; tkhd, mdia; mdhd, hdlr, minf (twice); stbl; stsd.
    assert.deepEqual(soundCodecsOfMoov(Buffer.concat([fillers(MAX_BOXES - 11), track])), ['mp4a']);
    assert.deepEqual(soundCodecsOfMoov(Buffer.concat([fillers(MAX_BOXES - 10), track])), ['']);
  });

  it('an empty box that ends a list counts against the budget too', () => {
    // mdia ends with an 8-byte box, scanned twice (for hdlr, for minf): 13 visits in all.
    const track = box('trak', box('tkhd', Buffer.alloc(84)), box('mdia', box('mdhd', Buffer.alloc(24)), hdlr('soun'), box('minf', box('stbl', stsd('mp4a'))), box('free')));
    const fillers = (n: number) => Buffer.concat(Array.from({ length: n }, () => box('free')));
    assert.deepEqual(soundCodecsOfMoov(Buffer.concat([fillers(MAX_BOXES - 13), track])), ['mp4a']);
    assert.deepEqual(soundCodecsOfMoov(Buffer.concat([fillers(MAX_BOXES - 12), track])), ['']);
  });
});
