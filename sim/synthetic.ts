/**
 * Deterministic synthetic "video" bodies of any size, generated on the fly so
 * that 200 MiB / 1 GiB downloads never sit in memory whole.
 *
 * Byte at offset o: the o-th byte of a pseudo-random block of PERIOD bytes
 * (a prime, so it does not line up with power-of-two chunk sizes), rotated by
 * a different amount in every period. Off-by-some-bytes and swapped-chunk bugs
 * in a downloader therefore show up as mismatches. The body is NOT a playable
 * MP4; use the fixture for playback.
 */
import { Readable } from 'node:stream';

export const SYNTHETIC_PERIOD = 65_521;
const ROTATION_STEP = 7_919;

const block: Buffer = (() => {
  const buf = Buffer.allocUnsafe(SYNTHETIC_PERIOD);
  // xorshift32 with a fixed seed: same bytes in every process.
  let x = 0x9e3779b9;
  for (let i = 0; i < SYNTHETIC_PERIOD; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    buf[i] = x & 0xff;
  }
  return buf;
})();

function rotation(period: number): number {
  return (period * ROTATION_STEP) % SYNTHETIC_PERIOD;
}

/** The byte at `offset` of every synthetic video. */
export function syntheticByte(offset: number): number {
  const period = Math.floor(offset / SYNTHETIC_PERIOD);
  const within = offset - period * SYNTHETIC_PERIOD;
  return block[(within + rotation(period)) % SYNTHETIC_PERIOD];
}

/** Fill all of `target` with the synthetic bytes starting at file offset `offset`. */
export function fillSynthetic(target: Uint8Array, offset: number): void {
  let written = 0;
  while (written < target.length) {
    const pos = offset + written;
    const period = Math.floor(pos / SYNTHETIC_PERIOD);
    const within = pos - period * SYNTHETIC_PERIOD;
    const start = (within + rotation(period)) % SYNTHETIC_PERIOD;
    // Bytes left in this period, bounded by what the target still needs.
    const n = Math.min(SYNTHETIC_PERIOD - within, target.length - written);
    const first = Math.min(n, SYNTHETIC_PERIOD - start);
    target.set(block.subarray(start, start + first), written);
    if (first < n) {
      target.set(block.subarray(0, n - first), written + first);
    }
    written += n;
  }
}

/** The synthetic bytes [start, endInclusive] as a new Buffer (for small ranges in tests). */
export function syntheticRange(start: number, endInclusive: number): Buffer {
  const buf = Buffer.allocUnsafe(Math.max(0, endInclusive - start + 1));
  fillSynthetic(buf, start);
  return buf;
}

/**
 * Compare `chunk` with the synthetic bytes at file offset `offset`.
 * Returns the index in `chunk` of the first mismatch, or -1 when all match.
 * Lets a test verify a 1 GiB download chunk by chunk without keeping it.
 */
export function verifySynthetic(chunk: Uint8Array, offset: number): number {
  const expected = Buffer.allocUnsafe(Math.min(chunk.length, 1 << 20));
  for (let done = 0; done < chunk.length; done += expected.length) {
    const n = Math.min(expected.length, chunk.length - done);
    const want = expected.subarray(0, n);
    fillSynthetic(want, offset + done);
    const got = Buffer.from(chunk.buffer, chunk.byteOffset + done, n);
    if (!got.equals(want)) {
      for (let i = 0; i < n; i++) {
        if (got[i] !== want[i]) return done + i;
      }
    }
  }
  return -1;
}

/** A readable stream of the synthetic bytes [start, endInclusive], produced on demand (respects backpressure). */
export function createSyntheticStream(start: number, endInclusive: number, chunkSize = 64 * 1024): Readable {
  return generatedStream(start, endInclusive, fillSynthetic, chunkSize);
}

/** Streams bytes [start, endInclusive] that `fill(buf, offset)` computes chunk by chunk, never all in memory. */
export function generatedStream(
  start: number,
  endInclusive: number,
  fill: (buf: Buffer, offset: number) => void,
  chunkSize = 64 * 1024,
): Readable {
  let pos = start;
  return new Readable({
    read() {
      if (pos > endInclusive) {
        this.push(null);
        return;
      }
      const n = Math.min(chunkSize, endInclusive - pos + 1);
      const buf = Buffer.allocUnsafe(n);
      fill(buf, pos);
      pos += n;
      this.push(buf);
    },
  });
}
