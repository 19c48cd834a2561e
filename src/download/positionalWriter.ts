// A Writable that writes at an offset through a file handle it does not own: destroying it
// never closes the handle (fs.WriteStream closes even with autoClose: false). No vscode.
import type { FileHandle } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { t } from '../util/l10n';

export class PositionalWriter extends Writable {
  private position: number;
  private io: Promise<void> = Promise.resolve();
  /** Bytes this writer put in the file. */
  bytesWritten = 0;
  /** The file system's error, when writing (not the source) failed. */
  diskError: Error | undefined;

  constructor(
    private readonly handle: FileHandle,
    start: number,
    highWaterMark: number,
  ) {
    super({ highWaterMark });
    this.position = start;
  }

  /** Resolves once no write is under way any more (after an error too). */
  settled(): Promise<void> {
    return this.io;
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.run([chunk], callback);
  }

  override _writev(chunks: Array<{ chunk: Buffer }>, callback: (error?: Error | null) => void): void {
    this.run(
      chunks.map((c) => c.chunk),
      callback,
    );
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    void this.io.then(() => callback(error));
  }

  private run(buffers: Buffer[], callback: (error?: Error | null) => void): void {
    const write = this.writeAll(buffers);
    this.io = write.catch(() => undefined);
    write.then(
      () => callback(),
      (e: Error) => {
        this.diskError ??= e;
        callback(e);
      },
    );
  }

  private async writeAll(buffers: Buffer[]): Promise<void> {
    let rest = buffers;
    while (rest.length > 0) {
      const { bytesWritten } = await this.handle.writev(rest, this.position);
      if (bytesWritten === 0 && rest.some((b) => b.length > 0)) throw new Error(t('the disk accepted no bytes'));
      this.position += bytesWritten;
      this.bytesWritten += bytesWritten;
      rest = remainder(rest, bytesWritten);
    }
  }
}

/** What is left of `buffers` after the first `n` bytes. */
function remainder(buffers: Buffer[], n: number): Buffer[] {
  let skip = n;
  let i = 0;
  while (i < buffers.length && skip >= buffers[i].length) skip -= buffers[i++].length;
  if (i === buffers.length) return [];
  return [buffers[i].subarray(skip), ...buffers.slice(i + 1)];
}
