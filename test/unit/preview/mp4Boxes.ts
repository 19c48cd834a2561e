// MP4 boxes for the sound-track reader's tests (mp4SoundTracks*.test.ts): just enough of
// ISO BMFF to hold tracks with a handler and a sample format.

export const u32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};
/** A box: 32-bit size, type, payload. */
export const box = (type: string, ...payload: Buffer[]): Buffer => {
  const body = Buffer.concat(payload);
  return Buffer.concat([u32(8 + body.length), Buffer.from(type, 'latin1'), body]);
};
export const hdlr = (handler: string): Buffer => box('hdlr', u32(0), u32(0), Buffer.from(handler, 'latin1'), Buffer.alloc(12), Buffer.from('name\0'));
export const stsd = (...formats: string[]): Buffer => box('stsd', u32(0), u32(formats.length), ...formats.map((f) => box(f, Buffer.alloc(28))));
export const trak = (handler: string, format?: string): Buffer =>
  box('trak', box('tkhd', Buffer.alloc(84)), box('mdia', box('mdhd', Buffer.alloc(24)), hdlr(handler), box('minf', box('stbl', ...(format ? [stsd(format)] : [])))));
export const ftyp = box('ftyp', Buffer.from('isom'), u32(512), Buffer.from('isomiso2avc1mp41'));
export const moov = (...traks: Buffer[]): Buffer => box('moov', box('mvhd', Buffer.alloc(100)), ...traks);
