// How one query outcome changes a tracked task. Pure.
import type { QueryOutcome } from '../api/queryOutcome';
import type { TrackedTask } from '../store/trackedTask';

export type TaskPatch = Partial<Omit<TrackedTask, 'id'>>;

export function applyOutcome(task: TrackedTask, outcome: QueryOutcome, now: number, nextPollAt: number | undefined): TaskPatch | undefined {
  switch (outcome.kind) {
    case 'ok': {
      const completedAt = outcome.result.status === 'completed' ? (task.completedAt ?? now) : task.completedAt;
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

/** True when this patch takes the task into completed or failed for the first time. */
export function justFinished(before: TrackedTask, after: TrackedTask): boolean {
  const finished = (t: TrackedTask) => t.result?.status === 'completed' || t.result?.status === 'failed';
  return !finished(before) && finished(after);
}
