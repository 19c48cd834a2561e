// Exponential backoff with jitter, capped. Pure.

export const BACKOFF_CAP_MS = 10 * 60_000;

/**
 * Delay before retry number `attempt` (1 = first retry): `baseMs * 2^(attempt-1)`,
 * jittered to between 75% and 125%, never above `capMs`.
 */
export function backoffDelay(attempt: number, baseMs: number, random: () => number = Math.random, capMs = BACKOFF_CAP_MS): number {
  const exp = baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 30));
  const jittered = exp * (0.75 + random() * 0.5);
  return Math.round(Math.min(capMs, jittered));
}
