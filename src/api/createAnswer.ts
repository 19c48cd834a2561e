// What `POST {baseUrl}/v1/veo/videos` answered, classified: the new task's id, or why not,
// in words the form can show (plain text, capped). Pure.
import { validateTaskId } from '../input/parseTaskIds';
import { cleanText } from '../util/safeText';
import { parseRetryAfter } from './retryAfter';
import { t } from '../util/l10n';

export const CREATE_PATH = '/v1/veo/videos';
const MAX_MESSAGE = 300;

export type CreateOutcome =
  | { kind: 'created'; id: string }
  /** 401/403: the key is missing or wrong. */
  | { kind: 'unauthorized'; status: number }
  /** 429; `retryAfterMs` when the server said how long. */
  | { kind: 'rateLimited'; retryAfterMs?: number; message?: string }
  /** Another 4xx: the server refused the request; `message` is its reason when it gave one. */
  | { kind: 'refused'; status: number; message?: string }
  /** 5xx, an answer that is not JSON with an id, or no answer. `unsure`: the task may exist anyway. */
  | { kind: 'error'; message: string; unsure?: boolean };

/** Classifies one answer of the create endpoint. */
export function parseCreateAnswer(status: number, body: string, retryAfter: string | undefined, now: number): CreateOutcome {
  const json = parseJson(body);
  const reason = json === undefined ? undefined : serverMessage(json);
  if (status === 401 || status === 403) return { kind: 'unauthorized', status };
  if (status === 429) return { kind: 'rateLimited', retryAfterMs: parseRetryAfter(retryAfter, now), message: reason };
  if (status >= 400 && status < 500) return { kind: 'refused', status, message: reason };
  // 3xx and 5xx: the request reached the server, so the task may exist.
  if (status < 200 || status >= 300) return { kind: 'error', message: reason ? t('HTTP {0} from the VEO API: {1}', status, reason) : t('HTTP {0} from the VEO API', status), unsure: true };
  if (json === undefined) {
    return { kind: 'error', message: /^\s*</.test(body) ? t('the server answered with a web page, not JSON') : t('the answer is not JSON'), unsure: true };
  }
  const id = newTaskId(json);
  if (id === undefined) return { kind: 'error', message: reason ? t('the answer has no task id ({0})', reason) : t('the answer has no task id'), unsure: true };
  const problem = validateTaskId(id);
  return problem ? { kind: 'error', message: t("the answer's task id is not usable: {0}", problem), unsure: true } : { kind: 'created', id };
}

/** The new id: `id`, else `task_id`, else `data.projectId` (other model families on the host answer so). */
export function newTaskId(json: unknown): string | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const o = json as Record<string, unknown>;
  const data = typeof o.data === 'object' && o.data !== null ? (o.data as Record<string, unknown>) : {};
  for (const v of [o.id, o.task_id, data.projectId]) if (typeof v === 'string' && v !== '') return v;
  return undefined;
}

/** The reason a JSON error body gives (`message`, `error`, `error.message`, `msg`, `detail`), as plain capped text. */
export function serverMessage(json: unknown): string | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const o = json as Record<string, unknown>;
  const nested = typeof o.error === 'object' && o.error !== null ? (o.error as Record<string, unknown>).message : undefined;
  for (const v of [o.message, typeof o.error === 'string' ? o.error : undefined, nested, o.msg, o.detail]) {
    if (typeof v === 'string' && v.trim() !== '') return cleanText(v.trim(), MAX_MESSAGE);
  }
  return undefined;
}

function parseJson(body: string): unknown {
  try {
    return body.trim() === '' ? undefined : JSON.parse(body);
  } catch {
    return undefined;
  }
}
