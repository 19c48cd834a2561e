// The partial file of a download: created exclusively (never through a link, never over an
// existing file), written through one handle, published without replacing anything, and
// removed only while it is still the file this download created. No vscode.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import * as path from 'node:path';
import { t } from '../util/l10n';
import { describeError, DownloadError } from './downloadError';
import { numberedName } from './fileName';

/** `wx` plus O_NOFOLLOW where the platform has it: fails on anything already at the path, links included. */
const EXCLUSIVE_CREATE = fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_WRONLY | (fs.constants.O_NOFOLLOW ?? 0);
const RANDOM_NAMES = 8;
const NUMBERED_NAMES = 1000;
/** `link` failures that mean "this file system has no hard links here": copy instead. */
const NO_HARD_LINKS: ReadonlySet<string> = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'ENOSYS', 'EMLINK', 'EINVAL']);

export interface PartialFile {
  readonly path: string;
  readonly handle: FileHandle;
  /** Device and inode of the file created, to recognise it by path later. */
  readonly identity: { dev: bigint; ino: bigint };
}

export type LinkFn = (existing: string, created: string) => Promise<void>;

/** `<destination>.part`, or `<destination>.<random>.part` when that name is taken (by anything). */
export async function createPartialFile(destination: string): Promise<PartialFile> {
  for (let i = 0; i <= RANDOM_NAMES; i++) {
    const file = i === 0 ? `${destination}.part` : `${destination}.${randomBytes(6).toString('hex')}.part`;
    let handle: FileHandle;
    try {
      handle = await fs.promises.open(file, EXCLUSIVE_CREATE, 0o666);
    } catch (e) {
      if (errorCode(e) === 'EEXIST') continue;
      throw new DownloadError('file', t('could not create {0}: {1}', file, describeError(e)));
    }
    const { dev, ino } = await handle.stat({ bigint: true });
    return { path: file, handle, identity: { dev, ino } };
  }
  throw new DownloadError('file', t('could not find a free name for the partial file next to {0}', destination));
}

/**
 * Puts the finished file at `destination`, or at `name (1).mp4`, `name (2).mp4`... when
 * something (a file, a link) is there already; never replaces. Hard link then unlink, or an
 * exclusive copy where hard links are unsupported. Returns the path written; the partial file
 * is closed and gone then. When it throws, the partial file is still open: discard it.
 */
export async function publishPartialFile(partial: PartialFile, destination: string, link: LinkFn = fs.promises.link): Promise<string> {
  const dir = path.dirname(destination);
  const base = path.basename(destination);
  for (let n = 0; n < NUMBERED_NAMES; n++) {
    const target = path.join(dir, numberedName(base, n));
    if (await place(partial, target, link)) {
      await closeQuietly(partial.handle);
      await removeIfOurs(partial.path, partial.identity);
      return target;
    }
  }
  throw new DownloadError('file', t('could not find a free name for {0}', destination));
}

/** After a failure: empties the file through the handle, closes it, and removes it if still ours. */
export async function discardPartialFile(partial: PartialFile): Promise<void> {
  await partial.handle.truncate(0).catch(() => undefined);
  await closeQuietly(partial.handle);
  await removeIfOurs(partial.path, partial.identity);
}

/** True when `target` now holds the video; false when the name was taken. */
async function place(partial: PartialFile, target: string, link: LinkFn): Promise<boolean> {
  if (!(await isOurs(partial.path, partial.identity))) {
    throw new DownloadError('file', t('the partial file {0} was replaced while downloading; nothing was saved', partial.path));
  }
  try {
    await link(partial.path, target);
  } catch (e) {
    const code = errorCode(e);
    if (code === 'EEXIST') return false;
    if (!NO_HARD_LINKS.has(code ?? '')) throw new DownloadError('file', t('could not save the video as {0}: {1}', target, describeError(e)));
    return copyExclusive(partial.path, target);
  }
  if (!(await isOurs(target, partial.identity))) {
    await fs.promises.unlink(target).catch(() => undefined);
    throw new DownloadError('file', t('the partial file {0} was replaced while downloading; nothing was saved', partial.path));
  }
  return true;
}

async function copyExclusive(from: string, target: string): Promise<boolean> {
  try {
    await fs.promises.copyFile(from, target, fs.constants.COPYFILE_EXCL);
    return true;
  } catch (e) {
    if (errorCode(e) === 'EEXIST') return false;
    throw new DownloadError('file', t('could not save the video as {0}: {1}', target, describeError(e)));
  }
}

async function isOurs(file: string, identity: PartialFile['identity']): Promise<boolean> {
  try {
    const st = await fs.promises.lstat(file, { bigint: true });
    return st.isFile() && st.dev === identity.dev && st.ino === identity.ino;
  } catch {
    return false;
  }
}

async function removeIfOurs(file: string, identity: PartialFile['identity']): Promise<void> {
  if (await isOurs(file, identity)) await fs.promises.unlink(file).catch(() => undefined);
}

async function closeQuietly(handle: FileHandle): Promise<void> {
  await handle.close().catch(() => undefined);
}

function errorCode(e: unknown): string | undefined {
  return (e as { code?: string } | undefined)?.code;
}
