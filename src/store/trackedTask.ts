// What the extension remembers about one tracked task, and the state derived from it. Pure.
import type { NotFoundStreak } from '../api/queryOutcome';
import { isKnownStatus, KnownStatus, TaskResult } from '../api/taskResult';
import type { VideoRequest } from '../request/videoRequest';

export type { NotFoundStreak } from '../api/queryOutcome';

/** What kind of trouble a problem is, when it is not a plain error. */
export type ProblemKind = 'rateLimited' | 'notFound';

export interface TaskProblem {
  message: string;
  /** When the poller will try again (ms since the epoch); absent when it will not. */
  retryAt?: number;
  /** 'rateLimited': a 429; 'notFound': a 404 not (yet) taken as final. Absent: any other error. */
  kind?: ProblemKind;
}

/** Longest name a task can be given (longer stored ones are cut). */
export const MAX_LABEL_LENGTH = 120;

export interface TrackedTask {
  id: string;
  /** A name the user gave it ("VEO: Rename Task"). */
  label?: string;
  /** What was asked when this extension created it ("VEO: New Video..."). */
  request?: VideoRequest;
  /** When it was tracked, ms since the epoch. */
  addedAt: number;
  /** The last documented response. */
  result?: TaskResult;
  /** When this extension first saw it completed: the video link expires about 24 h later. */
  completedAt?: number;
  /** When this extension first saw it past `queued` (processing, or finished straight from queued). */
  startedAt?: number;
  /** When this extension first saw it completed or failed, having seen it running before. */
  finishedAt?: number;
  /** The server said 404 for this id, repeatedly (see `polling/notFound.ts`): no longer polled. */
  notFound?: boolean;
  /** 404s in a row not yet taken as final; kept so a reload does not start the count again. */
  notFoundStreak?: NotFoundStreak;
  /** The last request failed (cleared by the next success). */
  problem?: TaskProblem;
  /** The completion/failure notification was shown. */
  notified?: boolean;
  /** Absolute path of the downloaded copy of the video. */
  localFile?: string;
  /** The video host answered 403/404/410: the link is dead, whatever the estimate says. */
  linkExpired?: boolean;
  /** The "link expires soon" warning was shown. */
  expiryWarned?: boolean;
  /** Pinned to the top of the Tasks view ("Pin"). */
  pinned?: boolean;
}

export type TaskState = KnownStatus | 'pending' | 'unknown' | 'notFound';

export const LINK_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** What the user calls the task: the name they gave it, else its id. */
export function taskLabel(task: TrackedTask): string {
  return task.label ?? task.id;
}

export function taskState(task: TrackedTask): TaskState {
  if (task.notFound) return 'notFound';
  if (!task.result) return 'pending';
  return isKnownStatus(task.result.status) ? task.result.status : 'unknown';
}

/** Finished tasks are never polled again. */
export function isFinished(task: TrackedTask): boolean {
  const s = taskState(task);
  return s === 'completed' || s === 'failed' || s === 'notFound';
}

export type VideoAvailability = 'none' | 'downloaded' | 'online' | 'expired';

/** Where the video of a task can be had now: a local copy, its link, or nowhere. */
export function videoAvailability(task: TrackedTask, now: number): VideoAvailability {
  if (taskState(task) !== 'completed') return 'none';
  if (task.localFile) return 'downloaded';
  const expires = linkExpiresAt(task);
  return task.linkExpired || (expires !== undefined && expires <= now) ? 'expired' : 'online';
}

/**
 * Worth trying to download: completed, not downloaded, and the video host has not refused
 * the link. A link past its *estimated* expiry is still tried (the estimate can be early);
 * if the host refuses it, the task records that and is no longer offered.
 */
export function downloadable(task: TrackedTask, now: number): boolean {
  const video = videoAvailability(task, now);
  return video === 'online' || (video === 'expired' && !task.linkExpired && !!task.result?.video_url);
}

/** When the video link stops working (estimated: the API gives no expiry). */
export function linkExpiresAt(task: TrackedTask): number | undefined {
  return task.completedAt === undefined ? undefined : task.completedAt + LINK_LIFETIME_MS;
}

export interface TaskDurations {
  /** From creation (the API's `created`, else when it was tracked) until it was seen started. */
  queuedMs?: number;
  /** From seen started until seen finished. */
  generationMs?: number;
}

/**
 * How long the task waited and how long it generated, from what this extension saw (each to
 * within one poll interval); absent when it was not seen at that point, or the times disagree.
 */
export function taskDurations(task: TrackedTask): TaskDurations {
  const out: TaskDurations = {};
  const created = task.result?.created;
  const queuedFrom = typeof created === 'number' && Number.isFinite(created) && created > 0 ? created * 1000 : task.addedAt;
  const span = (from: number | undefined, to: number | undefined) =>
    typeof from === 'number' && typeof to === 'number' && Number.isFinite(from) && Number.isFinite(to) && to >= from ? to - from : undefined;
  const queued = span(queuedFrom, task.startedAt);
  const generation = span(task.startedAt, task.finishedAt);
  if (queued !== undefined) out.queuedMs = queued;
  if (generation !== undefined) out.generationMs = generation;
  return out;
}
