// trackedTask at exact instants: a link is expired from its estimated expiry on, a generation
// that started and finished in the same instant took 0 ms, and a `created` of 0 is no time.
import * as assert from 'node:assert/strict';
import { LINK_LIFETIME_MS, taskDurations, TrackedTask, videoAvailability } from '../../../src/store/trackedTask';

const at = Date.UTC(2025, 0, 1);

describe('trackedTask: instants', () => {
  it('a link is expired from the very instant of its estimated expiry, online a millisecond before', () => {
    const task = { id: 'a', addedAt: at, completedAt: at, result: { id: 'a', status: 'completed', video_url: 'https://v.example/a.mp4', error: null } } as TrackedTask;
    assert.equal(videoAvailability(task, at + LINK_LIFETIME_MS - 1), 'online');
    assert.equal(videoAvailability(task, at + LINK_LIFETIME_MS), 'expired');
  });

  it('a generation seen starting and finishing in the same instant took 0 ms', () => {
    assert.deepEqual(taskDurations({ id: 'a', addedAt: at, startedAt: at + 5, finishedAt: at + 5 }), { queuedMs: 5, generationMs: 0 });
  });

  it('a created time of 0 is no time: the wait counts from when the task was tracked', () => {
    const task = { id: 'a', addedAt: at, startedAt: at + 7, result: { id: 'a', status: 'processing', video_url: null, error: null, created: 0 } } as TrackedTask;
    assert.deepEqual(taskDurations(task), { queuedMs: 7 });
  });
});
