// How a tracked task reads in the tree: label, description, tooltip, context value. Pure:
// the tree provider only turns these into a TreeItem.
import { formatDuration, formatWait } from '../util/formatDuration';
import { escapeMarkdown } from '../util/markdown';
import { downloadable, linkExpiresAt, taskDurations, taskLabel, taskState, TaskState, TrackedTask, videoAvailability } from '../store/trackedTask';

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
    if (isFiniteNumber(r?.actualDuration)) parts.push(`${r.actualDuration}s video`);
    const video = videoAvailability(task, now);
    const expires = linkExpiresAt(task);
    if (video === 'downloaded') parts.push('✓ downloaded');
    else if (video === 'expired') parts.push('link expired');
    else if (isFiniteNumber(expires)) parts.push(`link expires in ${formatDuration(expires - now)}`);
  } else if (state === 'failed' && r?.error) {
    parts.push(shorten(String(r.error), SHORT_ERROR));
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
      return `rate limited${retryAt === undefined ? '' : `, next try ${clockTime(retryAt)}`}`;
    case 'notFound':
      return `not found (404)${retryAt === undefined ? '' : `, asking again in ${formatWait(retryAt - now)}`}`;
    default:
      return `${shorten(String(problem.message), SHORT_ERROR)}${retryAt === undefined ? '' : `, retrying in ${formatWait(retryAt - now)}`}`;
  }
}

/** Local time of day, "HH:MM". */
export function clockTime(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

function stateText(task: TrackedTask, state: TaskState): string {
  switch (state) {
    case 'pending':
      return 'checking...';
    case 'unknown':
      return `unknown status "${shorten(String(task.result?.status ?? ''), 24)}"`;
    case 'notFound':
      return 'not found';
    default:
      return state;
  }
}

/** Markdown listing every field the API returned, each value escaped. Never throws, whatever was stored. */
const MAX_TOOLTIP_PROMPT = 500;
const MODE_TEXT = { text: 'text only', reference: 'reference images', frames: 'first and last frame' } as const;

export function taskTooltip(task: TrackedTask, now: number): string {
  const md = (value: unknown) => escapeMarkdown(String(value));
  const lines = [`**${md(taskLabel(task))}**`, ''];
  if (task.label) lines.push(`- id: ${md(task.id)}`);
  if (task.request) {
    const r = task.request;
    lines.push(`- prompt: ${md(shorten(r.prompt, MAX_TOOLTIP_PROMPT))}`);
    lines.push(`- asked: ${md(`${r.model}, ${r.resolution}, ${r.aspectRatio}, ${MODE_TEXT[r.mode]}`)}`);
  }
  if (typeof task.result === 'object' && task.result !== null) {
    for (const [key, value] of Object.entries(task.result)) {
      if (value === undefined) continue;
      const date = key === 'created' && typeof value === 'number' ? isoTime(value * 1000) : undefined;
      lines.push(`- ${md(key)}: ${md(date === undefined ? value : `${value} (${date})`)}`);
    }
  } else if (!task.notFound) {
    lines.push('- not polled yet');
  }
  const { queuedMs, generationMs } = taskDurations(task);
  if (queuedMs !== undefined) lines.push(`- queued for: ${formatDuration(queuedMs)}`);
  if (generationMs !== undefined) lines.push(`- generated in: ${formatDuration(generationMs)}`);
  const expires = isoTime(linkExpiresAt(task));
  if (expires !== undefined) lines.push(`- link expires (estimated): ${expires}`);
  if (task.linkExpired) lines.push('- the video host refused the link: it has expired');
  if (task.localFile) lines.push(`- downloaded to: ${md(task.localFile)}`);
  if (task.notFound) lines.push('- the API does not know this id (404, asked several times); it is no longer polled');
  if (task.problem) lines.push(problemLine(task, now, md));
  return lines.join('\n');
}

function problemLine(task: TrackedTask, now: number, md: (value: unknown) => string): string {
  const problem = task.problem;
  const retryAt = isFiniteNumber(problem?.retryAt) && problem.retryAt > now ? problem.retryAt : undefined;
  if (problem?.kind === 'rateLimited') return `- ${md(problem.message)}${retryAt === undefined ? '' : ` (next try at ${clockTime(retryAt)})`}`;
  if (problem?.kind === 'notFound') {
    const count = task.notFoundStreak?.count;
    const times = isFiniteNumber(count) && count > 1 ? `, ${count} times in a row` : '';
    return `- not found (404)${times}${retryAt === undefined ? '' : `; asking again in ${formatWait(retryAt - now)}`}`;
  }
  return `- last error: ${md(problem?.message)}${retryAt === undefined ? '' : ` (next try in ${formatWait(retryAt - now)})`}`;
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

function shorten(s: string, max: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
