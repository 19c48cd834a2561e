// The sound codecs of a downloaded MP4 on disk (`mp4SoundCodecs` over the file), remembered
// per file, size and modification time so a preview re-rendering does not read it again.
import * as fs from 'node:fs';
import { mp4SoundCodecs } from './mp4SoundTracks';

const MAX_REMEMBERED = 64;
const remembered = new Map<string, string[] | undefined>();

/** The codecs of the file's sound tracks; undefined when it cannot be read or is not an MP4 this understands. */
export function soundTracksOfFile(file: string): string[] | undefined {
  let fd: number | undefined;
  try {
    // Not through a link, and without waiting on a FIFO or a device put in the video's place.
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0));
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return undefined;
    const key = JSON.stringify([file, stat.size, stat.mtimeMs]);
    if (remembered.has(key)) return remembered.get(key);
    const handle = fd;
    const codecs = mp4SoundCodecs((offset, length) => {
      const buf = Buffer.alloc(Math.max(0, Math.min(length, stat.size - offset)));
      const got = buf.length > 0 ? fs.readSync(handle, buf, 0, buf.length, offset) : 0;
      return buf.subarray(0, got);
    }, stat.size);
    if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value as string);
    remembered.set(key, codecs);
    return codecs;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
