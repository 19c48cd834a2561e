// How a tracked task reads in the tree: label, description, tooltip, context value. Pure:
// the tree provider only turns these into a TreeItem.
import { formatDuration, formatWait } from '../util/formatDuration';
import { formatDateTime, formatNumber, t } from '../util/l10n';
import { escapeMarkdown } from '../util/markdown';
import { oneLine } from '../util/safeText';
import { stateText } from '../store/taskStateText';
import { downloadable, linkExpiresAt, taskDurations, taskLabel, taskState, TrackedTask, videoAvailability } from '../store/trackedTask';

const SHORT_ERROR = 60;

/**
 * `contextValue`: capability tokens after `veoTask`, matched by menus with
 * `viewItem =~ /\bdownloadable\b/`. The first token after `veoTask` is the state
 * (`queued`, `completed`, ...); a completed task also says where its video is
 * (`downloaded`, `expired`) and what can be done with it:
 * - `previewable`: the preview has something to show (a copy, a link, or why not);
 * - `downloadable`: no local copy, and the video host has not refused the link (a link
 *   past its estimated expiry is still tried);
 * - `hasFile`: a downloaded copy exists (open it, reveal it);
 * - `hasLink`: the video link may still work (copy it);
 * - `hasRequest`: this extension created it and knows what was asked (duplicate it);
 * - `retryable`: it failed and what was asked is known (open the form to try again);
 * - `pinned`: pinned to the top (Unpin instead of Pin).
 */
export function taskContextValue(task: TrackedTask, now: number): string {
  const tokens = ['veoTask', taskState(task)];
  const video = videoAvailability(task, now);
  if (video === 'downloaded' || video === 'expired') tokens.push(video);
  if (video !== 'none') tokens.push('previewable');
  if (downloadable(task, now)) tokens.push('downloadable');
  if (video === 'downloaded') tokens.push('hasFile');
  if (video === 'online' || video === 'downloaded') tokens.push('hasLink');
  if (task.request) tokens.push(taskState(task) === 'failed' ? 'hasRequest retryable' : 'hasRequest');
  if (task.pinned) tokens.push('pinned');
  return tokens.join(' ');
}

export function taskDescription(task: TrackedTask, now: number): string {
  const state = taskState(task);
  const parts: string[] = [stateText(task, state)];
  const r = task.result;
  if ((state === 'queued' || state === 'processing') && isFiniteNumber(r?.created)) {
    parts.push(formatDuration(now - r.created * 1000));
  } else if (state === 'completed') {
    if (isFiniteNumber(r?.actualDuration)) parts.push(t('{0}s video', formatNumber(r.actualDuration, Number.isInteger(r.actualDuration) ? 0 : 1)));
    const video = videoAvailability(task, now);
    const expires = linkExpiresAt(task);
    if (video === 'downloaded') parts.push(t('✓ downloaded'));
    else if (video === 'expired') parts.push(t('link expired'));
    else if (isFiniteNumber(expires)) parts.push(t('link expires in {0}', formatDuration(expires - now)));
  } else if (state === 'failed' && r?.error) {
    parts.push(oneLine(String(r.error), SHORT_ERROR));
  }
  if (task.problem) parts.push(`⚠ ${problemText(task, now)}`);
  return parts.join(' · ');
}

/** The problem for the row: "rate limited, next try 14:05", "not found (404), asking again in 9 min", "HTTP 503, retrying in 2 min". */
function problemText(task: TrackedTask, now: number): string {
  const problem = task.problem;
  if (!problem) return '';
  const retryAt = isFiniteNumber(problem.retryAt) && problem.retryAt > now ? problem.retryAt : undefined;
  switch (problem.kind) {
    case 'rateLimited':
      return retryAt === undefined ? t('rate limited') : t('rate limited, next try {0}', clockTime(retryAt));
    case 'notFound':
      return retryAt === undefined ? t('not found (404)') : t('not found (404), asking again in {0}', formatWait(retryAt - now));
    default:
      return retryAt === undefined ? oneLine(String(problem.message), SHORT_ERROR) : t('{0}, retrying in {1}', oneLine(String(problem.message), SHORT_ERROR), formatWait(retryAt - now));
  }
}

/** Local time of day, "HH:MM". */
export function clockTime(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** Markdown listing every field the API returned, each value escaped. Never throws, whatever was stored. */
const MAX_TOOLTIP_PROMPT = 500;

export function taskTooltip(task: TrackedTask, now: number): string {
  const md = (value: unknown) => escapeMarkdown(String(value));
  const lines = [`**${md(taskLabel(task))}**`, ''];
  if (task.label) lines.push(t('- id: {0}', md(task.id)));
  if (task.request) {
    const r = task.request;
    lines.push(t('- prompt: {0}', md(oneLine(r.prompt, MAX_TOOLTIP_PROMPT))));
    lines.push(t('- asked: {0}', md(`${r.model}, ${r.resolution}, ${r.aspectRatio}, ${modeText(r.mode)}`)));
  }
  if (typeof task.result === 'object' && task.result !== null) {
    for (const [key, value] of Object.entries(task.result)) {
      if (value === undefined) continue;
      const date = key === 'created' && typeof value === 'number' ? isoTime(value * 1000) : undefined;
      lines.push(`- ${md(key)}: ${md(date === undefined ? value : `${value} (${date})`)}`);
    }
  } else if (!task.notFound) {
    lines.push(t('- not polled yet'));
  }
  const { queuedMs, generationMs } = taskDurations(task);
  if (queuedMs !== undefined) lines.push(t('- queued for: {0}', formatDuration(queuedMs)));
  if (generationMs !== undefined) lines.push(t('- generated in: {0}', formatDuration(generationMs)));
  const expires = localTime(linkExpiresAt(task));
  if (expires !== undefined) lines.push(t('- link expires (estimated): {0}', expires));
  if (task.linkExpired) lines.push(t('- the video host refused the link: it has expired'));
  if (task.localFile) lines.push(t('- downloaded to: {0}', md(task.localFile)));
  if (task.notFound) lines.push(t('- the API does not know this id (404, asked several times); it is no longer polled'));
  if (task.problem) lines.push(problemLine(task, now, md));
  return lines.join('\n');
}

function problemLine(task: TrackedTask, now: number, md: (value: unknown) => string): string {
  const problem = task.problem;
  const retryAt = isFiniteNumber(problem?.retryAt) && problem.retryAt > now ? problem.retryAt : undefined;
  if (problem?.kind === 'rateLimited') {
    const message = md(problemMessage(problem.message));
    return retryAt === undefined ? `- ${message}` : t('- {0} (next try at {1})', message, clockTime(retryAt));
  }
  if (problem?.kind === 'notFound') {
    const count = task.notFoundStreak?.count;
    const again = retryAt === undefined ? undefined : formatWait(retryAt - now);
    if (isFiniteNumber(count) && count > 1) {
      return again === undefined ? t('- not found (404), {0} times in a row', count) : t('- not found (404), {0} times in a row; asking again in {1}', count, again);
    }
    return again === undefined ? t('- not found (404)') : t('- not found (404); asking again in {0}', again);
  }
  const message = md(problemMessage(problem?.message));
  return retryAt === undefined ? t('- last error: {0}', message) : t('- last error: {0} (next try in {1})', message, formatWait(retryAt - now));
}

/** The stored rate-limit message (English in stored state: polling's RATE_LIMITED_MESSAGE) in the display language. */
function problemMessage(message: unknown): string {
  return message === 'rate limited by the VEO API' ? t('rate limited by the VEO API') : String(message);
}

function modeText(mode: string): string {
  return mode === 'text' ? t('text only') : mode === 'reference' ? t('reference images') : mode === 'frames' ? t('first and last frame') : mode;
}

/** A time in ms in the display language's date and time, or undefined when it is no valid date. */
function localTime(ms: number | undefined): string | undefined {
  return isoTime(ms) === undefined ? undefined : formatDateTime(ms as number);
}

/** ISO 8601 for a time in ms, or undefined when it is no valid date (NaN, ±Infinity, out of range). */
function isoTime(ms: number | undefined): string | undefined {
  if (!isFiniteNumber(ms)) return undefined;
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

