// The documented shape of `GET /v1/result/{id}` and a strict parser for it. Pure: no
// `vscode`, no network. A body that is not the documented JSON is an error, never a
// guessed status.
import { MAX_ID_LENGTH } from '../input/parseTaskIds';
import { cleanText } from '../util/safeText';
import { cleanError, cleanModel, cleanObject, cleanStatus, saneCreated, saneDuration, videoUrlProblem } from './resultFields';
import { t } from '../util/l10n';

export const KNOWN_STATUSES = ['queued', 'processing', 'completed', 'failed'] as const;
export type KnownStatus = (typeof KNOWN_STATUSES)[number];

export interface TaskResult {
  id: string;
  object?: string;
  /** Creation time, seconds since the epoch. */
  created?: number;
  model?: string;
  /** As sent by the server; may be a value this version does not know. */
  status: string;
  video_url: string | null;
  /** Seconds of video, when completed. */
  actualDuration?: number;
  error: string | null;
}

export type ParseResult = { ok: true; result: TaskResult } | { ok: false; message: string };

export function isKnownStatus(status: string): status is KnownStatus {
  return (KNOWN_STATUSES as readonly string[]).includes(status);
}

const optionalTypes: Record<string, 'string' | 'number'> = {
  object: 'string',
  created: 'number',
  model: 'string',
  actualDuration: 'number',
};

/**
 * Parses a response body for task `expectedId`. Text fields are capped and stripped of
 * control characters here, before anything is stored or logged; `created` and
 * `actualDuration` out of range are dropped; a `video_url` that breaks the rules refuses
 * the whole answer (see `resultFields.ts`; `allowLocalLinks` when the API is on this machine).
 */
export function parseTaskResult(body: string, expectedId: string, allowLocalLinks = false): ParseResult {
  if (body.trim() === '') return { ok: false, message: t('empty response body') };
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    const looksHtml = /^\s*</.test(body);
    return { ok: false, message: looksHtml ? t('the server answered with an HTML page, not JSON') : t('the response is not valid JSON') };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, message: t('the response is not a JSON object') };
  }
  const o = data as Record<string, unknown>;
  const status = typeof o.status === 'string' ? cleanStatus(o.status) : '';
  if (status === '') return { ok: false, message: t('the response has no "status"') };
  if (typeof o.id !== 'string') return { ok: false, message: t('the response has no "id"') };
  if (o.id.length > MAX_ID_LENGTH) return { ok: false, message: t('the response has an "id" longer than {0} characters', MAX_ID_LENGTH) };
  if (o.id !== expectedId) return { ok: false, message: t('the response is for another task ({0})', cleanText(o.id, MAX_ID_LENGTH)) };
  for (const [key, type] of Object.entries(optionalTypes)) {
    if (o[key] != null && typeof o[key] !== type) return { ok: false, message: type === 'string' ? t('"{0}" is not a string', key) : t('"{0}" is not a number', key) };
  }
  const videoUrl = o.video_url == null ? null : o.video_url;
  if (videoUrl !== null) {
    const problem = typeof videoUrl === 'string' ? videoUrlProblem(videoUrl, allowLocalLinks) : t('"video_url" is not an http(s) URL');
    if (problem) return { ok: false, message: problem };
  }
  if (status === 'completed' && videoUrl === null) return { ok: false, message: t('completed without a "video_url"') };
  const error = o.error == null ? null : cleanError(typeof o.error === 'string' ? o.error : JSON.stringify(o.error));
  return {
    ok: true,
    result: {
      id: o.id,
      object: typeof o.object === 'string' ? cleanObject(o.object) : undefined,
      created: saneCreated(o.created),
      model: typeof o.model === 'string' ? cleanModel(o.model) : undefined,
      status,
      video_url: videoUrl as string | null,
      actualDuration: saneDuration(o.actualDuration),
      error,
    },
  };
}
