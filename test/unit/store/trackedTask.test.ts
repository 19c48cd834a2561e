import * as assert from 'node:assert/strict';
import type { TaskResult } from '../../../src/api/taskResult';
import { isFinished, LINK_LIFETIME_MS, linkExpiresAt, taskDurations, taskState, TrackedTask } from '../../../src/store/trackedTask';

function withStatus(status: string, extra: Partial<TrackedTask> = {}): TrackedTask {
  const result: TaskResult = { id: 't', status, video_url: status === 'completed' ? 'https://x/v.mp4' : null, error: null };
  return { id: 't', addedAt: 1, result, ...extra };
}

describe('taskState', () => {
  it('is pending before any result', () => {
    assert.equal(taskState({ id: 't', addedAt: 1 }), 'pending');
  });

  it('is the known status of the last result', () => {
    assert.equal(taskState(withStatus('queued')), 'queued');
    assert.equal(taskState(withStatus('processing')), 'processing');
    assert.equal(taskState(withStatus('completed')), 'completed');
    assert.equal(taskState(withStatus('failed')), 'failed');
  });

  it('is unknown for a status this version does not know', () => {
    assert.equal(taskState(withStatus('upscaling')), 'unknown');
  });

  it('notFound wins over a previous result', () => {
    assert.equal(taskState({ id: 't', addedAt: 1, notFound: true }), 'notFound');
    assert.equal(taskState(withStatus('processing', { notFound: true })), 'notFound');
  });
});

describe('isFinished', () => {
  it('is true for completed, failed and not found only', () => {
    assert.equal(isFinished(withStatus('completed')), true);
    assert.equal(isFinished(withStatus('failed')), true);
    assert.equal(isFinished({ id: 't', addedAt: 1, notFound: true }), true);
    assert.equal(isFinished({ id: 't', addedAt: 1 }), false);
    assert.equal(isFinished(withStatus('queued')), false);
    assert.equal(isFinished(withStatus('processing')), false);
    assert.equal(isFinished(withStatus('upscaling')), false);
  });
});

describe('linkExpiresAt', () => {
  it('is 24 h after completedAt, or undefined', () => {
    assert.equal(LINK_LIFETIME_MS, 86_400_000);
    assert.equal(linkExpiresAt(withStatus('completed', { completedAt: 1_000 })), 86_401_000);
    assert.equal(linkExpiresAt(withStatus('completed', { completedAt: 0 })), 86_400_000);
    assert.equal(linkExpiresAt(withStatus('completed')), undefined);
  });
});

describe('taskDurations', () => {
  const base: TrackedTask = { id: 't', addedAt: 10_000 };
  it('queued from the API\'s created (else from tracking) until started; generation until finished', () => {
    assert.deepEqual(taskDurations({ ...base, result: { id: 't', status: 'completed', created: 5 } as TaskResult, startedAt: 65_000, finishedAt: 245_000 }), { queuedMs: 60_000, generationMs: 180_000 });
    assert.deepEqual(taskDurations({ ...base, startedAt: 70_000 }), { queuedMs: 60_000 });
    assert.deepEqual(taskDurations(base), {});
  });
  it('nothing from times that disagree or are not numbers', () => {
    assert.deepEqual(taskDurations({ ...base, startedAt: 5_000, finishedAt: 1_000 }), {});
    assert.deepEqual(taskDurations({ ...base, startedAt: Number.NaN, finishedAt: Infinity } as TrackedTask), {});
    assert.deepEqual(taskDurations({ ...base, result: { id: 't', status: 'queued', created: -3 } as TaskResult, startedAt: 20_000 }), { queuedMs: 10_000 });
  });
});
