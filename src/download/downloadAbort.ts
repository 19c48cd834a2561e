// One download's abort: the caller's signal or the overall deadline, whichever comes first,
// without leaving listeners on the caller's signal. Pure (Node timers and AbortController only).
import { formatWait } from '../util/formatDuration';
import { t } from '../util/l10n';
import { DownloadError } from './downloadError';

const MAX_TIMER_MS = 2 ** 31 - 1;

export class DownloadAbort {
  private readonly controller = new AbortController();
  private readonly timer: ReturnType<typeof setTimeout> | undefined;
  private cause: DownloadError | undefined;
  private readonly onParentAbort = (): void => this.abort(new DownloadError('cancelled', t('the download was cancelled')));

  constructor(
    private readonly parent: AbortSignal | undefined,
    deadlineMs: number,
  ) {
    if (parent?.aborted) this.onParentAbort();
    else parent?.addEventListener('abort', this.onParentAbort, { once: true });
    if (Number.isFinite(deadlineMs)) {
      const message = deadlineMs < 1000 ? t('the download did not finish within {0} ms', deadlineMs) : t('the download did not finish within {0}', formatWait(deadlineMs));
      this.timer = setTimeout(() => this.abort(new DownloadError('timeout', message)), Math.min(Math.max(0, deadlineMs), MAX_TIMER_MS));
    }
  }

  /** Aborted by the caller or the deadline; pass this to every request and pause. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Why it was aborted (cancelled or timeout), undefined while it runs. */
  get error(): DownloadError | undefined {
    return this.cause;
  }

  /** Stops the deadline and lets go of the caller's signal. */
  dispose(): void {
    clearTimeout(this.timer);
    this.parent?.removeEventListener('abort', this.onParentAbort);
  }

  private abort(cause: DownloadError): void {
    if (this.cause) return;
    this.cause = cause;
    this.controller.abort(cause);
  }
}

/** Waits `ms`, or rejects as soon as `signal` aborts; leaves no listener behind either way. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason as Error);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
