// Why a download failed, in words a user can act on. Pure.

export type DownloadFailure = 'expired' | 'notVideo' | 'http' | 'network' | 'truncated' | 'cancelled' | 'file';

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
