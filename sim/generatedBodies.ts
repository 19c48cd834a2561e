/**
 * Bodies computed on the fly (never whole in memory), for faults that send
 * large, endless or padded responses.
 */
import type { Body } from './http';
import { createSyntheticStream, generatedStream } from './synthetic';

const NONE = Buffer.alloc(0);
const FILLER = 0x78; // 'x'

/**
 * `size` bytes (Infinity: without end): `head` first, `tail` as the last
 * bytes, 'x' in between. When head and tail do not fit, the tail wins.
 */
export function paddedBody(size: number, head: Buffer, tail: Buffer = NONE): Body {
  const tailStart = size - tail.length;
  const fill = (buf: Buffer, offset: number): void => {
    buf.fill(FILLER);
    const end = offset + buf.length; // exclusive
    if (offset < head.length) head.copy(buf, 0, offset, Math.min(head.length, end));
    if (end > tailStart) {
      const from = Math.max(offset, tailStart);
      tail.copy(buf, from - offset, from - tailStart, end - tailStart);
    }
  };
  return { size, open: (start, endInclusive) => generatedStream(start, endInclusive, fill) };
}

/** A body of exactly `size` bytes that looks like a JSON object: {"padding":"xxxx...x"} (all 'x' when too small). */
export function hugeBody(size: number): Body {
  const head = Buffer.from('{"padding":"');
  const tail = Buffer.from('"}');
  return size >= head.length + tail.length ? paddedBody(size, head, tail) : paddedBody(size, NONE);
}

/** The start of a JSON object whose last string never closes: `size` bytes, or endless. */
export function endlessJsonBody(taskId: string | undefined, size = Infinity): Body {
  const head = Buffer.from(`{"id":${JSON.stringify(taskId ?? 'vgen_000000000000')},"object":"video","status":"processing","padding":"`);
  return paddedBody(size, head);
}

/** Synthetic video bytes (see synthetic.ts): `size` of them, or endless. */
export function endlessVideoBody(size = Infinity): Body {
  return { size, open: (start, endInclusive) => createSyntheticStream(start, endInclusive) };
}
