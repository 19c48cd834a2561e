// Tracked tasks and API results at a fixed instant, for the pure tests of what a task shows
// (tree rows, tooltips, the preview).
import type { TaskResult } from '../../../src/api/taskResult';
import type { TrackedTask } from '../../../src/store/trackedTask';

export const NOW = Date.UTC(2026, 0, 2, 12, 0, 0);
export const HOUR = 3_600_000;

/** Task vgen_1, tracked an hour before NOW. */
export const task = (fields: Partial<TrackedTask> = {}): TrackedTask => ({ id: 'vgen_1', addedAt: NOW - HOUR, ...fields });

/** API results for vgen_1 created `agoSeconds` before NOW: processing, no video, no error, unless `fields` say otherwise. */
export const resultBuilder =
  (agoSeconds: number) =>
  (fields: Partial<TaskResult>): TaskResult =>
    ({ id: 'vgen_1', object: 'video', created: NOW / 1000 - agoSeconds, model: 'veo_3_1_fast', status: 'processing', video_url: null, error: null, ...fields }) as TaskResult;
