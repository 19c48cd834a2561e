// How a tracked task reads in the tree: label, description, tooltip, context value. Pure:
// the tree provider only turns these into a TreeItem.
import { formatDuration, formatWait } from '../util/formatDuration';
import { escapeMarkdown } from '../util/markdown';
import { linkExpiresAt, taskLabel, taskState, TaskState, TrackedTask, videoAvailability } from '../store/trackedTask';

const SHORT_ERROR = 60;

/**
 * `contextValue`: capability tokens after `veoTask`, matched by menus with
 * `viewItem =~ /\bdownloadable\b/`. The first token after `veoTask` is the state
 * (`queued`, `completed`, ...); a completed task also says where its video is
 * (`downloaded`, `expired`) and what can be done with it:
 * - `previewable`: the preview has something to show (a copy, a link, or why not);
 * - `downloadable`: the link should still work and there is no local copy;
 * - `hasFile`: a downloaded copy exists (open it, reveal it);
 * - `hasLink`: the video link may still work (copy it).
 */
export function taskContextValue(task: TrackedTask, now: number): string {
  const tokens = ['veoTask', taskState(task)];
  const video = videoAvailability(task, now);
  if (video === 'downloaded' || video === 'expired') tokens.push(video);
  if (video !== 'none') tokens.push('previewable');
  if (video === 'online') tokens.push('downloadable');
  if (video === 'downloaded') tokens.push('hasFile');
  if (video === 'online' || video === 'downloaded') tokens.push('hasLink');
  return tokens.join(' ');
}

export function taskDescription(task: TrackedTask, now: number): string {
  const state = taskState(task);
  const parts: string[] = [stateText(task, state)];
  const r = task.result;
  if ((state === 'queued' || state === 'processing') && r?.created !== undefined) {
    parts.push(formatDuration(now - r.created * 1000));
  } else if (state === 'completed') {
    if (r?.actualDuration !== undefined) parts.push(`${r.actualDuration}s video`);
    const video = videoAvailability(task, now);
    const expires = linkExpiresAt(task);
    if (video === 'downloaded') parts.push('✓ downloaded');
    else if (video === 'expired') parts.push('link expired');
    else if (expires !== undefined) parts.push(`link expires in ${formatDuration(expires - now)}`);
  } else if (state === 'failed' && r?.error) {
    parts.push(shorten(r.error, SHORT_ERROR));
  }
  if (task.problem) {
    const retry = task.problem.retryAt !== undefined && task.problem.retryAt > now ? `, retrying in ${formatWait(task.problem.retryAt - now)}` : '';
    parts.push(`⚠ ${shorten(task.problem.message, SHORT_ERROR)}${retry}`);
  }
  return parts.join(' · ');
}

function stateText(task: TrackedTask, state: TaskState): string {
  switch (state) {
    case 'pending':
      return 'checking...';
    case 'unknown':
      return `unknown status "${shorten(task.result?.status ?? '', 24)}"`;
    case 'notFound':
      return 'not found';
    default:
      return state;
  }
}

/** Markdown listing every field the API returned, each value escaped. */
export function taskTooltip(task: TrackedTask, now: number): string {
  const lines = [`**${escapeMarkdown(taskLabel(task))}**`, ''];
  if (task.label) lines.push(`- id: ${escapeMarkdown(task.id)}`);
  if (task.result) {
    for (const [key, value] of Object.entries(task.result)) {
      if (value === undefined) continue;
      const shown = key === 'created' && typeof value === 'number' ? `${value} (${new Date(value * 1000).toISOString()})` : String(value);
      lines.push(`- ${escapeMarkdown(key)}: ${escapeMarkdown(shown)}`);
    }
  } else if (!task.notFound) {
    lines.push('- not polled yet');
  }
  const expires = linkExpiresAt(task);
  if (expires !== undefined) lines.push(`- link expires (estimated): ${new Date(expires).toISOString()}`);
  if (task.linkExpired) lines.push('- the video host refused the link: it has expired');
  if (task.localFile) lines.push(`- downloaded to: ${escapeMarkdown(task.localFile)}`);
  if (task.notFound) lines.push('- the API does not know this id (404); it is no longer polled');
  if (task.problem) {
    const retry = task.problem.retryAt !== undefined && task.problem.retryAt > now ? ` (next try in ${formatWait(task.problem.retryAt - now)})` : '';
    lines.push(`- last error: ${escapeMarkdown(task.problem.message)}${retry}`);
  }
  return lines.join('\n');
}

function shorten(s: string, max: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
