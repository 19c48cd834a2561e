// When a task the API answers 404 for is given up. Pure.
//
// One 404 may be a proxy's error page or a server that has not caught up yet; losing a
// task over it is worse than asking twice more. A task is final only after
// NOT_FOUND_FINAL_COUNT consecutive 404s spread over at least NOT_FOUND_MIN_SPAN_MS.
import type { NotFoundStreak } from '../api/queryOutcome';

export const NOT_FOUND_FINAL_COUNT = 3;
export const NOT_FOUND_MIN_SPAN_MS = 10 * 60_000;
/** Wait after the 1st, 2nd (and any later, not yet final) 404, from the request's start. */
export const NOT_FOUND_RETRY_DELAYS_MS: readonly number[] = [60_000, 9 * 60_000];

export type NotFoundVerdict = { streak: NotFoundStreak; final: true } | { streak: NotFoundStreak; final: false; retryAt: number };

/** After a 404 to the request started at `askedAt`, with `before` the streak so far. */
export function afterNotFound(before: NotFoundStreak | undefined, askedAt: number): NotFoundVerdict {
  const streak = { count: (before?.count ?? 0) + 1, since: Math.min(before?.since ?? askedAt, askedAt) };
  if (streak.count >= NOT_FOUND_FINAL_COUNT && askedAt - streak.since >= NOT_FOUND_MIN_SPAN_MS) return { streak, final: true };
  const delay = NOT_FOUND_RETRY_DELAYS_MS[Math.min(streak.count, NOT_FOUND_RETRY_DELAYS_MS.length) - 1];
  const spanEnd = streak.count + 1 >= NOT_FOUND_FINAL_COUNT ? streak.since + NOT_FOUND_MIN_SPAN_MS : -Infinity;
  return { streak, final: false, retryAt: Math.max(askedAt + delay, spanEnd) };
}
