// How a task row is decorated (a colour and a short badge, through a FileDecorationProvider on
// the extension's own URI scheme, so git and other decorations never mix in): a link that
// expires soon and is not downloaded stands out; a downloaded video is marked. Pure.
import { linkExpiresAt, TrackedTask, videoAvailability } from '../store/trackedTask';
import { formatDuration } from '../util/formatDuration';
import { t } from '../util/l10n';

/** The scheme of the rows' `resourceUri`: `veo-task:/<encoded id>`. */
export const TASK_URI_SCHEME = 'veo-task';

export interface TaskDecoration {
  /** One or two characters. */
  badge: string;
  /** A theme colour id, for the label. */
  color?: string;
  /** Plain text. */
  tooltip: string;
}

export function taskUriPath(id: string): string {
  return `/${encodeURIComponent(id)}`;
}

/** The task id of a row URI's path; undefined when it is not one. */
export function taskIdOfUriPath(path: string): string | undefined {
  if (!path.startsWith('/')) return undefined;
  try {
    return decodeURIComponent(path.slice(1));
  } catch {
    return undefined;
  }
}

/** The decoration of a task, or undefined for none; `warningHours` is `veo.expiryWarningHours` (0: never). */
export function taskDecoration(task: TrackedTask, now: number, warningHours: number): TaskDecoration | undefined {
  const video = videoAvailability(task, now);
  if (video === 'downloaded') return { badge: '✓', tooltip: t('Downloaded') };
  if (video !== 'online' || !(warningHours > 0)) return undefined;
  const expires = linkExpiresAt(task);
  if (expires === undefined) return undefined;
  const left = expires - now;
  if (left > warningHours * 3_600_000) return undefined;
  return { badge: '⏳', color: 'list.warningForeground', tooltip: t('The link expires in about {0} and the video is not downloaded', formatDuration(left)) };
}

/** When the decoration of `task` changes next by the clock alone (it enters the warning window), or undefined. */
export function nextDecorationChange(task: TrackedTask, now: number, warningHours: number): number | undefined {
  if (videoAvailability(task, now) !== 'online' || !(warningHours > 0)) return undefined;
  const expires = linkExpiresAt(task);
  if (expires === undefined) return undefined;
  const warnAt = expires - warningHours * 3_600_000;
  if (warnAt > now) return warnAt;
  return expires > now ? expires : undefined;
}
