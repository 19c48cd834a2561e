import * as assert from 'node:assert/strict';
import type { FileHandle } from 'node:fs/promises';
import { PositionalWriter } from '../../../src/download/positionalWriter';

/** A handle whose writev accepts what `accept` says, call by call; records each call. */
function fakeHandle(accept: (call: number, total: number) => number): { handle: FileHandle; calls: number[] } {
  const calls: number[] = [];
  const handle = {
    writev: async (buffers: Buffer[]) => {
      const total = buffers.reduce((n, b) => n + b.length, 0);
      calls.push(total);
      return { bytesWritten: accept(calls.length, total), buffers };
    },
  } as unknown as FileHandle;
  return { handle, calls };
}

const writeAll = (writer: PositionalWriter, chunks: Buffer[]) =>
  new Promise<void>((resolve, reject) => {
    writer.on('error', reject);
    writer.on('finish', resolve);
    writer.cork();
    for (const c of chunks) writer.write(c);
    writer.uncork();
    writer.end();
  });

describe('PositionalWriter edges (mutation survivors)', () => {
  it('buffers up to the highWaterMark it is given', () => {
    const { handle } = fakeHandle((_call, total) => total);
    assert.equal(new PositionalWriter(handle, 0, 1234).writableHighWaterMark, 1234);
    assert.equal(new PositionalWriter(handle, 0, 2 * 1024 * 1024).writableHighWaterMark, 2 * 1024 * 1024);
  });

  it('settled() gives a promise that resolves once no write is under way', async () => {
    const { handle } = fakeHandle((_call, total) => total);
    const writer = new PositionalWriter(handle, 0, 1024);
    const settled = writer.settled();
    assert.ok(settled instanceof Promise);
    await settled;
  });

  it('fails with "the disk accepted no bytes" when the disk takes none of a batch that holds an empty buffer', async () => {
    // The first writev takes nothing; a second would take everything: the writer must not try again.
    const { handle, calls } = fakeHandle((call, total) => (call === 1 ? 0 : total));
    const writer = new PositionalWriter(handle, 0, 1024);
    await assert.rejects(writeAll(writer, [Buffer.alloc(0), Buffer.from('abc')]), /the disk accepted no bytes/);
    assert.equal(calls.length, 1);
    assert.equal(writer.bytesWritten, 0);
    assert.ok(writer.diskError);
  });
});
