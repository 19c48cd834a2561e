// Messages between the creation form (media/create.js) and the extension, and what the form
// says after a request. Pure: what the page posts is checked here before anything acts on it.
import type { CreateResult } from './creator';
import { t } from '../util/l10n';

/** The fields as the page holds them (anything; checked by `checkRequest`). */
export type FormValues = Record<string, unknown>;

export type FormPageMessage =
  | { type: 'change'; values: FormValues }
  | { type: 'generate'; values: FormValues }
  | { type: 'action'; action: FormAction };

/** Ways out the form offers after a failure. */
export type FormAction = 'setApiKey' | 'openSettings' | 'showTask';

export interface FormStatus {
  kind: 'busy' | 'created' | 'failed';
  /** Plain text (the page sets it with textContent). */
  message: string;
  action?: FormAction;
  /** The task the form created (for "Show task"). */
  taskId?: string;
}

const ACTIONS: readonly string[] = ['setApiKey', 'openSettings', 'showTask'];
const FIELDS = ['prompt', 'model', 'resolution', 'aspectRatio', 'mode', 'referenceImages', 'firstFrame', 'lastFrame'];
const MAX_FIELD = 8192;

/** The message the page posted, or undefined when it is not one of ours. */
export function parseFormMessage(raw: unknown): FormPageMessage | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const m = raw as Record<string, unknown>;
  if ((m.type === 'change' || m.type === 'generate') && typeof m.values === 'object' && m.values !== null) {
    return { type: m.type, values: pickValues(m.values as Record<string, unknown>) };
  }
  if (m.type === 'action' && typeof m.action === 'string' && ACTIONS.includes(m.action)) return { type: 'action', action: m.action as FormAction };
  return undefined;
}

/**
 * The values a form page saved (`vscode.setState({ values })`), as a reload hands them back to
 * the serializer; `{}` for anything else (the saved state is the page's, so not trusted either).
 */
export function savedFormValues(state: unknown): FormValues {
  if (typeof state !== 'object' || state === null) return {};
  const values = (state as Record<string, unknown>).values;
  return typeof values === 'object' && values !== null ? pickValues(values as Record<string, unknown>) : {};
}

/** Only the known fields, strings (or up to 3 strings for images) of sane length. */
function pickValues(v: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const key of FIELDS) {
    const value = v[key];
    if (typeof value === 'string') out[key] = value.slice(0, MAX_FIELD);
    else if (key === 'referenceImages' && Array.isArray(value)) out[key] = value.filter((x) => typeof x === 'string').slice(0, 10).map((x: string) => x.slice(0, MAX_FIELD));
  }
  return out;
}

/** What the form says after a request, with the action that fixes it. */
export function resultStatus(result: CreateResult, now: number): FormStatus | undefined {
  switch (result.kind) {
    case 'created':
      return { kind: 'created', message: t('Now tracking {0}.', result.id), action: 'showTask', taskId: result.id };
    case 'cancelled':
      return undefined;
    case 'noKey':
      return { kind: 'failed', message: t('No API key is set, so nothing was sent.'), action: 'setApiKey' };
    case 'badBaseUrl':
      return { kind: 'failed', message: t('{0} Nothing was sent.', result.message), action: 'openSettings' };
    case 'unauthorized':
      return { kind: 'failed', message: t('The VEO API refused the API key (HTTP {0}). Nothing was created.', result.status), action: 'setApiKey' };
    case 'rateLimited': {
      // Rounded up to the next minute, so "after 10:02" is never too early.
      const at = result.retryAfterMs !== undefined ? clock(Math.ceil((now + Math.min(result.retryAfterMs, 24 * 3_600_000)) / 60_000) * 60_000) : undefined;
      const said = result.message ? sentence(result.message) : undefined;
      let message: string;
      if (said !== undefined && at !== undefined) message = t('The VEO API is rate limiting requests (HTTP 429). The server says: {0} Try again after {1}. Nothing was created.', said, at);
      else if (said !== undefined) message = t('The VEO API is rate limiting requests (HTTP 429). The server says: {0} Wait a minute before trying again. Nothing was created.', said);
      else if (at !== undefined) message = t('The VEO API is rate limiting requests (HTTP 429). Try again after {0}. Nothing was created.', at);
      else message = t('The VEO API is rate limiting requests (HTTP 429). Wait a minute before trying again. Nothing was created.');
      return { kind: 'failed', message };
    }
    case 'refused':
      return {
        kind: 'failed',
        message: result.message
          ? t('The VEO API refused the request (HTTP {0}): {1} Nothing was created; adjust the request and try again.', result.status, sentence(result.message))
          : t('The VEO API refused the request (HTTP {0}). Nothing was created; adjust the request and try again.', result.status),
      };
    case 'error':
      return {
        kind: 'failed',
        message: result.unsure
          ? t("{0}. The task may have been created anyway: check the Tasks view (or your provider's console) before generating again.", capitalize(result.message))
          : t('{0}. Nothing was sent; try again.', capitalize(result.message)),
      };
  }
}

function clock(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** Ends with a full stop (or its own punctuation), so the next sentence does not run into it. */
function sentence(s: string): string {
  return /[.!?。！？]$/.test(s) ? s : `${s}.`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
