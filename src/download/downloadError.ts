// Why a download failed, in words a user can act on. Pure.

export type DownloadFailure =
  | 'expired'
  | 'notVideo'
  | 'http'
  | 'network'
  | 'truncated'
  | 'cancelled'
  | 'file'
  /** The link (or a redirect) is not https / loopback http, carries credentials, or redirects too often. */
  | 'refused'
  /** Larger than the size cap (declared, or streamed past it). */
  | 'tooLarge'
  /** The overall deadline passed. */
  | 'timeout';

export class DownloadError extends Error {
  constructor(
    readonly reason: DownloadFailure,
    message: string,
  ) {
    super(message);
    this.name = 'DownloadError';
  }
}

export function isDownloadError(e: unknown): e is DownloadError {
  return e instanceof Error && e.name === 'DownloadError' && 'reason' in e;
}

/** An error's message with its code, e.g. `connect ECONNREFUSED 127.0.0.1:9 (ECONNREFUSED)`. */
export function describeError(e: unknown): string {
  const err = e as { code?: string; message?: string };
  return `${err.message ?? String(e)}${err.code ? ` (${err.code})` : ''}`;
}
