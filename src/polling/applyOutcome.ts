// How one query outcome changes a tracked task. Pure.
import type { QueryOutcome } from '../api/queryOutcome';
import { LINK_LIFETIME_MS, type TrackedTask } from '../store/trackedTask';

export type TaskPatch = Partial<Omit<TrackedTask, 'id'>>;

export const RATE_LIMITED_MESSAGE = 'rate limited by the VEO API';
export const NOT_FOUND_MESSAGE = 'not found (404)';

export function applyOutcome(task: TrackedTask, outcome: QueryOutcome, now: number, nextPollAt: number | undefined): TaskPatch | undefined {
  switch (outcome.kind) {
    case 'ok': {
      const status = outcome.result.status;
      const completedAt = status === 'completed' ? (task.completedAt ?? completionEstimate(task, outcome.result.created, now)) : task.completedAt;
      return { result: outcome.result, problem: undefined, notFound: undefined, notFoundStreak: undefined, completedAt, ...progressTimes(task, status, now) };
    }
    case 'notFound':
      if (outcome.final) return { notFound: true, notFoundStreak: undefined, problem: undefined };
      return { notFoundStreak: outcome.streak, problem: { kind: 'notFound', message: NOT_FOUND_MESSAGE, retryAt: nextPollAt } };
    case 'rateLimited':
      return { problem: { kind: 'rateLimited', message: RATE_LIMITED_MESSAGE, retryAt: nextPollAt } };
    case 'error':
      return { problem: { message: outcome.message, retryAt: nextPollAt } };
    case 'unauthorized':
      return undefined;
  }
}

/**
 * When it was first seen started and finished (for the queued and generation times). Only
 * transitions this extension saw count: a task tracked when already finished gets neither.
 */
function progressTimes(task: TrackedTask, status: string, now: number): Pick<TaskPatch, 'startedAt' | 'finishedAt'> {
  const finished = status === 'completed' || status === 'failed';
  const seenWaiting = task.result !== undefined && task.result.status === 'queued';
  const seenRunning = task.result !== undefined && !['completed', 'failed'].includes(task.result.status);
  const out: Pick<TaskPatch, 'startedAt' | 'finishedAt'> = {};
  if (task.startedAt === undefined && status !== 'queued' && seenWaiting) out.startedAt = now;
  if (task.finishedAt === undefined && finished && seenRunning) out.finishedAt = now;
  return out;
}

/**
 * The patch that makes a task given up as not found (404), or on its way there, an
 * unfinished task with no 404 behind it (Refresh, another base URL); undefined when it had
 * no 404. The caller then calls the poller's `forgetNotFound` and `track` for it.
 */
export function reviveNotFound(task: TrackedTask): TaskPatch | undefined {
  if (!task.notFound && !task.notFoundStreak && task.problem?.kind !== 'notFound') return undefined;
  return { notFound: undefined, notFoundStreak: undefined, ...(task.problem?.kind === 'notFound' || task.notFound ? { problem: undefined } : {}) };
}

/**
 * When the task completed. Seen running before: about now. Already completed when first
 * seen: sometime since `created`; the earliest time is assumed, so the link's expiry is
 * never shown later than it can be.
 */
function completionEstimate(task: TrackedTask, createdSeconds: number | undefined, now: number): number {
  if (task.result !== undefined || createdSeconds === undefined) return now;
  // A server's `created` of 0 (or far in the past) must not make a fresh link look long dead:
  // more than two link lifetimes before it was tracked reads the same as "expired" anyway.
  return Math.min(now, Math.max(createdSeconds * 1000, task.addedAt - 2 * LINK_LIFETIME_MS));
}

/**
 * True when the task was seen running and now completed or failed. A task that was
 * already finished when tracked gets no notification: the user knows it already.
 */
export function justFinished(before: TrackedTask, after: TrackedTask): boolean {
  const finished = (t: TrackedTask) => t.result?.status === 'completed' || t.result?.status === 'failed';
  return before.result !== undefined && !finished(before) && finished(after);
}
