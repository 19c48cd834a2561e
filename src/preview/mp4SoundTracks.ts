// Which sound tracks an MP4 file has, read from its boxes: `moov > trak > mdia > hdlr` of
// handler `soun`, and the codec of the track's first sample entry (`minf > stbl > stsd`).
// Pure and bounded: the caller supplies the bytes; at most MAX_TOP_BOXES headers are read
// at the top level, a `moov` larger than MAX_MOOV_BYTES is not read, and at most
// MAX_BOXES boxes are visited inside it. Sizes that overrun their parent end the walk.

/** Reads up to `length` bytes at `offset` (fewer at the end of the file). */
export type ReadAt = (offset: number, length: number) => Uint8Array;

export const MAX_TOP_BOXES = 64;
export const MAX_MOOV_BYTES = 4 * 1024 * 1024;
export const MAX_BOXES = 4096;

interface Box {
  type: string;
  /** Where the payload starts and the box ends, in the buffer (or file) it came from. */
  start: number;
  end: number;
}

/**
 * The codecs (sample entry types such as `mp4a`, `Opus`) of the file's sound tracks, one per
 * track (`''` when a sound track has no readable sample entry); `[]` for a file without one;
 * undefined when no `moov` box could be read within the bounds.
 */
export function mp4SoundCodecs(read: ReadAt, fileSize: number): string[] | undefined {
  if (!Number.isSafeInteger(fileSize) || fileSize < 8) return undefined;
  let offset = 0;
  for (let i = 0; i < MAX_TOP_BOXES && offset + 8 <= fileSize; i++) {
    const box = boxAt(read(offset, 16), 0, fileSize - offset);
    if (!box) return undefined;
    if (box.type === 'moov') {
      const length = box.end - box.start;
      if (length > MAX_MOOV_BYTES) return undefined;
      const payload = read(offset + box.start, length);
      if (payload.length < length) return undefined;
      return soundCodecsOfMoov(payload);
    }
    offset += box.end;
  }
  return undefined;
}

/** The sound codecs of a `moov` box's payload (see `mp4SoundCodecs`). */
export function soundCodecsOfMoov(moov: Uint8Array): string[] {
  const budget = { left: MAX_BOXES };
  const codecs: string[] = [];
  for (const trak of children(moov, 0, moov.length, budget, 'trak')) {
    const mdia = children(moov, trak.start, trak.end, budget, 'mdia')[0];
    if (!mdia) continue;
    const hdlr = children(moov, mdia.start, mdia.end, budget, 'hdlr')[0];
    // hdlr payload: version and flags (4), pre_defined (4), handler_type (4).
    if (!hdlr || hdlr.end - hdlr.start < 12 || fourCc(moov, hdlr.start + 8) !== 'soun') continue;
    codecs.push(firstSampleEntry(moov, mdia, budget) ?? '');
  }
  return codecs;
}

/** `mdia > minf > stbl > stsd`'s first entry type: stsd payload is version and flags (4), entry_count (4), then entries as boxes. */
function firstSampleEntry(buf: Uint8Array, mdia: Box, budget: { left: number }): string | undefined {
  const minf = children(buf, mdia.start, mdia.end, budget, 'minf')[0];
  const stbl = minf && children(buf, minf.start, minf.end, budget, 'stbl')[0];
  const stsd = stbl && children(buf, stbl.start, stbl.end, budget, 'stsd')[0];
  if (!stsd || stsd.end - stsd.start < 8) return undefined;
  return boxAt(buf, stsd.start + 8, stsd.end - stsd.start - 8)?.type;
}

/** The child boxes of type `type` between `start` and `end`, while the budget lasts. */
function children(buf: Uint8Array, start: number, end: number, budget: { left: number }, type: string): Box[] {
  const found: Box[] = [];
  let offset = start;
  while (offset + 8 <= end && budget.left > 0) {
    budget.left--;
    const box = boxAt(buf, offset, end - offset);
    if (!box) break;
    if (box.type === type) found.push({ type, start: offset + box.start, end: offset + box.end });
    offset += box.end;
  }
  return found;
}

/**
 * The box whose header starts at `offset` of `buf`, with `start`/`end` relative to `offset`;
 * undefined when the header is cut off or the size is below the header or beyond `room`.
 */
function boxAt(buf: Uint8Array, offset: number, room: number): Box | undefined {
  if (offset < 0 || offset + 8 > buf.length || room < 8) return undefined;
  const size32 = readUint32(buf, offset);
  const type = fourCc(buf, offset + 4);
  let header = 8;
  let size = size32;
  if (size32 === 1) {
    // 64-bit size: anything that does not fit in a safe integer is beyond any room anyway.
    if (offset + 16 > buf.length) return undefined;
    const high = readUint32(buf, offset + 8);
    if (high > 0x1fffff) return undefined;
    size = high * 2 ** 32 + readUint32(buf, offset + 12);
    header = 16;
  } else if (size32 === 0) {
    size = room; // to the end of the enclosing space
  }
  if (size < header || size > room) return undefined;
  return { type, start: header, end: size };
}

function readUint32(buf: Uint8Array, at: number): number {
  return ((buf[at] << 24) >>> 0) + (buf[at + 1] << 16) + (buf[at + 2] << 8) + buf[at + 3];
}

function fourCc(buf: Uint8Array, at: number): string {
  let s = '';
  for (let i = at; i < at + 4; i++) s += String.fromCharCode(buf[i] ?? 0);
  return s;
}
