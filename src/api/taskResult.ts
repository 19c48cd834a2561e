// The documented shape of `GET /v1/result/{id}` and a strict parser for it. Pure: no
// `vscode`, no network. A body that is not the documented JSON is an error, never a
// guessed status.

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

/** Parses a response body for task `expectedId`. */
export function parseTaskResult(body: string, expectedId: string): ParseResult {
  if (body.trim() === '') return { ok: false, message: 'empty response body' };
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    const looksHtml = /^\s*</.test(body);
    return { ok: false, message: looksHtml ? 'the server answered with an HTML page, not JSON' : 'the response is not valid JSON' };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, message: 'the response is not a JSON object' };
  }
  const o = data as Record<string, unknown>;
  if (typeof o.status !== 'string' || o.status === '') return { ok: false, message: 'the response has no "status"' };
  if (typeof o.id !== 'string') return { ok: false, message: 'the response has no "id"' };
  if (o.id !== expectedId) return { ok: false, message: `the response is for another task (${o.id})` };
  for (const [key, type] of Object.entries(optionalTypes)) {
    if (o[key] != null && typeof o[key] !== type) return { ok: false, message: `"${key}" is not a ${type}` };
  }
  const videoUrl = o.video_url == null ? null : o.video_url;
  if (videoUrl !== null && (typeof videoUrl !== 'string' || !isHttpUrl(videoUrl))) {
    return { ok: false, message: '"video_url" is not an http(s) URL' };
  }
  if (o.status === 'completed' && videoUrl === null) return { ok: false, message: 'completed without a "video_url"' };
  const error = o.error == null ? null : typeof o.error === 'string' ? o.error : JSON.stringify(o.error);
  return {
    ok: true,
    result: {
      id: o.id,
      object: (o.object ?? undefined) as string | undefined,
      created: (o.created ?? undefined) as number | undefined,
      model: (o.model ?? undefined) as string | undefined,
      status: o.status,
      video_url: videoUrl,
      actualDuration: (o.actualDuration ?? undefined) as number | undefined,
      error,
    },
  };
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}
