// How one query outcome changes a tracked task. Pure.
import type { QueryOutcome } from '../api/queryOutcome';
import type { TrackedTask } from '../store/trackedTask';

export type TaskPatch = Partial<Omit<TrackedTask, 'id'>>;

export function applyOutcome(task: TrackedTask, outcome: QueryOutcome, now: number, nextPollAt: number | undefined): TaskPatch | undefined {
  switch (outcome.kind) {
    case 'ok': {
      const completedAt = outcome.result.status === 'completed' ? (task.completedAt ?? completionEstimate(task, outcome.result.created, now)) : task.completedAt;
      return { result: outcome.result, problem: undefined, notFound: undefined, completedAt };
    }
    case 'notFound':
      return { notFound: true, problem: undefined };
    case 'rateLimited':
      return { problem: { message: 'rate limited by the VEO API', retryAt: nextPollAt } };
    case 'error':
      return { problem: { message: outcome.message, retryAt: nextPollAt } };
    case 'unauthorized':
      return undefined;
  }
}

/**
 * When the task completed. Seen running before: about now. Already completed when first
 * seen: sometime since `created`; the earliest time is assumed, so the link's expiry is
 * never shown later than it can be.
 */
function completionEstimate(task: TrackedTask, createdSeconds: number | undefined, now: number): number {
  if (task.result !== undefined || createdSeconds === undefined) return now;
  return Math.min(now, createdSeconds * 1000);
}

/**
 * True when the task was seen running and now completed or failed. A task that was
 * already finished when tracked gets no notification: the user knows it already.
 */
export function justFinished(before: TrackedTask, after: TrackedTask): boolean {
  const finished = (t: TrackedTask) => t.result?.status === 'completed' || t.result?.status === 'failed';
  return before.result !== undefined && !finished(before) && finished(after);
}
