import type { TaskResult } from './taskResult';

/** Consecutive 404 answers for one task: how many, and when the first was asked (ms since the epoch). */
export interface NotFoundStreak {
  count: number;
  since: number;
}

/** What one `GET /v1/result/{id}` came to, classified for the poller. */
export type QueryOutcome =
  | { kind: 'ok'; result: TaskResult }
  /** 401/403: the key is missing or wrong; polling stops until a new key is set. */
  | { kind: 'unauthorized'; status: number }
  /**
   * 404. The client leaves `streak` and `final` out; the poller fills them in: one 404 (a
   * proxy's error page, a server hiccup) is not the end of a task, repeated ones are.
   */
  | { kind: 'notFound'; streak?: NotFoundStreak; final?: boolean }
  /** 429; `retryAfterMs` when the server said how long. */
  | { kind: 'rateLimited'; retryAfterMs?: number }
  /** 5xx, network errors, timeouts and bodies that are not the documented JSON. */
  | { kind: 'error'; message: string };

const KINDS: ReadonlySet<string> = new Set(['ok', 'unauthorized', 'notFound', 'rateLimited', 'error']);

/** True when `value` has the shape of a QueryOutcome (what a `query` callback resolved with may not). */
export function isQueryOutcome(value: unknown): value is QueryOutcome {
  if (typeof value !== 'object' || value === null) return false;
  const o = value as { kind?: unknown; result?: { status?: unknown } | null };
  if (typeof o.kind !== 'string' || !KINDS.has(o.kind)) return false;
  return o.kind !== 'ok' || (typeof o.result === 'object' && o.result !== null && typeof o.result.status === 'string');
}
