// How long a 429 blocks every request. Pure.
import { backoffDelay } from './backoff';

/** Longest wait after a 429, whatever `Retry-After` says. */
export const MAX_RATE_LIMIT_WAIT_MS = 60 * 60_000;

/**
 * The wait after a 429: `Retry-After` when the server gave a usable one, else a backoff
 * growing with `attempt` (consecutive 429s). Never shorter than the normal interval (a
 * `Retry-After: 0` or a date in the past must not make the poller ask several times a
 * second) and never longer than MAX_RATE_LIMIT_WAIT_MS (a huge one must not stop polling
 * for years, nor overflow a timer).
 */
export function rateLimitWait(retryAfterMs: number | undefined, attempt: number, intervalMs: number, random: () => number): number {
  const wanted = retryAfterMs === undefined || Number.isNaN(retryAfterMs) ? backoffDelay(attempt, intervalMs, random) : retryAfterMs;
  return Math.min(MAX_RATE_LIMIT_WAIT_MS, Math.max(intervalMs, wanted));
}
