import type { TaskResult } from './taskResult';

/** What one `GET /v1/result/{id}` came to, classified for the poller. */
export type QueryOutcome =
  | { kind: 'ok'; result: TaskResult }
  /** 401/403: the key is missing or wrong; polling stops until a new key is set. */
  | { kind: 'unauthorized'; status: number }
  | { kind: 'notFound' }
  /** 429; `retryAfterMs` when the server said how long. */
  | { kind: 'rateLimited'; retryAfterMs?: number }
  /** 5xx, network errors, timeouts and bodies that are not the documented JSON. */
  | { kind: 'error'; message: string };
