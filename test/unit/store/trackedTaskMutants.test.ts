// taskDurations with infinite times: no duration comes from an instant that is not finite, and
// a created time of Infinity falls back to when the task was tracked.
import * as assert from 'node:assert/strict';
import type { TaskResult } from '../../../src/api/taskResult';
import { taskDurations } from '../../../src/store/trackedTask';

describe('taskDurations: infinite times', () => {
  it('counts the wait from when it was tracked when created is Infinity', () => {
    const result = { id: 'a', status: 'completed', video_url: null, error: null, created: Infinity } as TaskResult;
    assert.deepEqual(taskDurations({ id: 'a', addedAt: 1_000, result, startedAt: 3_000 }), { queuedMs: 2_000 });
  });

  it('gives no generation time when it finished at +Infinity', () => {
    assert.deepEqual(taskDurations({ id: 'a', addedAt: 0, startedAt: 10, finishedAt: Infinity }), { queuedMs: 10 });
  });

  it('gives no time at all when it started at -Infinity', () => {
    assert.deepEqual(taskDurations({ id: 'a', addedAt: 0, startedAt: -Infinity, finishedAt: 10 }), {});
  });
});
