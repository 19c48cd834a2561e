// Streams a video to disk: an exclusively created partial file first, published under the
// destination (or a free variant of it) only when every byte is there. Resumes a dropped
// connection with `Range`, verifies the length, refuses HTML, caps size and time, fetches only
// links the link policy allows, never sends credentials. Network bundle only.
import { pipeline } from 'node:stream/promises';
import type { Dispatcher } from 'undici';
import { firstHeader as header } from '../api/httpHeaders';
import { formatBytes } from '../util/formatBytes';
import { t } from '../util/l10n';
import { DownloadAbort, sleep } from './downloadAbort';
import { describeError, DownloadError } from './downloadError';
import { createPartialFile, discardPartialFile, PartialFile, publishPartialFile } from './exclusiveFile';
import { isExpiredLinkStatus } from './expiredLink';
import { linkRefusal } from './linkPolicy';
import { PositionalWriter } from './positionalWriter';
import { requestVideo, VideoResponse } from './videoRequest';

export interface DownloadProgress {
  received: number;
  /** Undefined when the server sent no length. */
  total?: number;
}

export interface DownloadOptions {
  url: string;
  /** Wished-for final path. Never replaced: when taken, `name (1).mp4`... (see DownloadResult.path). */
  destination: string;
  signal?: AbortSignal;
  onProgress?: (p: DownloadProgress) => void;
  /** Tries in all, the first included (default 4: up to 3 resumes). */
  maxAttempts?: number;
  /** No bytes for this long fails the attempt (default 30 s). */
  idleTimeoutMs?: number;
  /** Pause before a resume (default 500 ms, doubled each time). */
  retryDelayMs?: number;
  /** Waits out that pause, rejecting with the signal's reason when it aborts (default a real timer: `sleep`). Tests pass their own to see the pauses asked for. */
  pause?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Larger videos are refused, declared or streamed (default 2 GiB). */
  maxBytes?: number;
  /** Links to this machine or a private network are allowed (default true; false unless the API is itself local: see `linkRefusal`). */
  allowLocalLinks?: boolean;
  /** The whole download, every attempt and pause included, fails after this long (default 60 min). */
  deadlineMs?: number;
  dispatcher?: Dispatcher;
}

export interface DownloadResult {
  /** Where the video really is: `destination`, or `name (n).ext` when something took that name meanwhile. */
  path: string;
  bytes: number;
  /** How many times the transfer was resumed after a drop. */
  resumes: number;
}

export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024 * 1024;
export const DEFAULT_DEADLINE_MS = 60 * 60 * 1000;
const NOT_VIDEO = /^(text\/|application\/(json|xml|xhtml))/i;
// Larger writes cost fewer system calls: 2 MiB measured ~5% faster per GiB than 1 MiB; 4 MiB
// was faster still but pushed peak memory growth past 64 MiB (see README, Performance).
const WRITE_BUFFER = 2 * 1024 * 1024;

export async function downloadVideo(options: DownloadOptions): Promise<DownloadResult> {
  const refusal = linkRefusal(options.url, options.allowLocalLinks);
  if (refusal) throw new DownloadError('refused', refusal);
  const abort = new DownloadAbort(options.signal, options.deadlineMs ?? DEFAULT_DEADLINE_MS);
  try {
    if (abort.error) throw abort.error;
    const partial = await createPartialFile(options.destination);
    try {
      const done = await transfer(options, partial, abort);
      return { path: await publishPartialFile(partial, options.destination), ...done };
    } catch (e) {
      await discardPartialFile(partial);
      throw e;
    }
  } finally {
    abort.dispose();
  }
}

/** Fills `partial` with the whole video, resuming after drops. */
async function transfer(options: DownloadOptions, partial: PartialFile, abort: DownloadAbort): Promise<{ bytes: number; resumes: number }> {
  const maxAttempts = options.maxAttempts ?? 4;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const pause = options.pause ?? sleep;
  let written = 0;
  let total: number | undefined;
  let validator: string | undefined;
  for (let attempt = 1; ; attempt++) {
    try {
      if (attempt > 1) await pause((options.retryDelayMs ?? 500) * 2 ** (attempt - 2), abort.signal);
      const res = await open(options, written, validator, abort.signal);
      const resumed = res.statusCode === 206 && rangeStart(res.headers['content-range']) === written;
      total = res.statusCode === 206 ? rangeTotal(res.headers['content-range']) : contentLength(res.headers);
      if (res.statusCode === 206 && total === undefined) {
        // Part of the video without its full size: it could never be checked for completeness.
        await res.body.dump().catch(() => undefined);
        throw new DownloadError('http', t('the video host sent part of the video without saying its full size; nothing was kept'));
      }
      if (total !== undefined && total > maxBytes) {
        res.body.destroy();
        throw tooLarge(maxBytes, total);
      }
      if (written > 0 && !resumed) {
        // The server sent the whole file again: start over in the same file.
        await partial.handle.truncate(0);
        written = 0;
      }
      validator ??= header(res.headers.etag) ?? header(res.headers['last-modified']);
      written = await writeBody(res.body, partial, written, total, maxBytes, options.onProgress);
      if (total !== undefined && written !== total) {
        throw new DownloadError('truncated', t('the download stopped at {0} of {1} bytes', written, total));
      }
      return { bytes: written, resumes: attempt - 1 };
    } catch (e) {
      if (abort.error) throw abort.error;
      if (!(e instanceof DownloadError) || (e.reason !== 'truncated' && e.reason !== 'network')) throw e;
      written = (await partial.handle.stat()).size;
      // The last try: there is always a first one, and a maxAttempts that is no number allows no more.
      if (!(attempt < maxAttempts)) throw keptDropping(e, attempt, written, total);
    }
  }
}

/** The last of the tries ended as `last` (truncated or network) with `written` bytes kept. */
function keptDropping(last: DownloadError, tries: number, written: number, total: number | undefined): DownloadError {
  return new DownloadError(
    last.reason,
    total
      ? t('the connection kept dropping ({0} tries, {1} of {2} bytes): {3}', tries, written, total, last.message)
      : t('the connection kept dropping ({0} tries, {1} bytes): {2}', tries, written, last.message),
  );
}

async function open(options: DownloadOptions, from: number, validator: string | undefined, signal: AbortSignal): Promise<VideoResponse> {
  const headers: Record<string, string> = { accept: 'video/*, application/octet-stream;q=0.9' };
  if (from > 0) {
    headers.range = `bytes=${from}-`;
    if (validator) headers['if-range'] = validator;
  }
  const res = await requestVideo(options.url, {
    headers,
    signal,
    timeoutMs: options.idleTimeoutMs ?? 30_000,
    dispatcher: options.dispatcher,
    allowLocal: options.allowLocalLinks,
  });
  const type = header(res.headers['content-type']) ?? '';
  if (isExpiredLinkStatus(res.statusCode)) {
    await res.body.dump();
    throw new DownloadError('expired', t('the video link expired (HTTP {0} from the video host)', res.statusCode));
  }
  if (res.statusCode !== 200 && res.statusCode !== 206) {
    await res.body.dump();
    throw new DownloadError(res.statusCode >= 500 ? 'network' : 'http', t('the video host answered HTTP {0}', res.statusCode));
  }
  if (NOT_VIDEO.test(type)) {
    await res.body.dump();
    throw new DownloadError('notVideo', t('the link returned a {0} page instead of a video', type.split(';')[0]));
  }
  return res;
}

/** Writes the body at `offset` through the partial file's handle; returns the bytes on disk afterwards. */
async function writeBody(
  body: VideoResponse['body'],
  partial: PartialFile,
  offset: number,
  total: number | undefined,
  maxBytes: number,
  onProgress: DownloadOptions['onProgress'],
): Promise<number> {
  const out = new PositionalWriter(partial.handle, offset, WRITE_BUFFER);
  let received = offset;
  let sniffed = offset > 0;
  body.on('data', (chunk: Buffer) => {
    if (!sniffed) {
      sniffed = true;
      if (/^\s*</.test(chunk.subarray(0, 64).toString('latin1'))) {
        body.destroy(new DownloadError('notVideo', t('the link returned an HTML page instead of a video')));
        return;
      }
    }
    received += chunk.length;
    if (received > maxBytes) {
      body.destroy(tooLarge(maxBytes));
      return;
    }
    onProgress?.({ received, total });
  });
  try {
    await pipeline(body, out);
    return offset + out.bytesWritten;
  } catch (e) {
    await out.settled();
    if (e instanceof DownloadError) throw e;
    if (out.diskError) throw new DownloadError('file', t('could not write {0}: {1}', partial.path, describeError(out.diskError)));
    throw new DownloadError('network', describeError(e));
  }
}

function tooLarge(maxBytes: number, declared?: number): DownloadError {
  return new DownloadError(
    'tooLarge',
    declared === undefined
      ? t('the video is too large: larger than the {0} limit', formatBytes(maxBytes))
      : t('the video is too large: {0}, more than the {1} limit', formatBytes(declared), formatBytes(maxBytes)),
  );
}

function contentLength(headers: VideoResponse['headers']): number | undefined {
  const v = Number(header(headers['content-length']));
  return Number.isFinite(v) && v >= 0 ? v : undefined;
}

function rangeStart(value: string | string[] | undefined): number | undefined {
  const m = /^bytes (\d+)-\d+\/(\d+|\*)$/.exec(header(value) ?? '');
  return m ? Number(m[1]) : undefined;
}

function rangeTotal(value: string | string[] | undefined): number | undefined {
  const m = /^bytes \d+-\d+\/(\d+)$/.exec(header(value) ?? '');
  return m ? Number(m[1]) : undefined;
}
