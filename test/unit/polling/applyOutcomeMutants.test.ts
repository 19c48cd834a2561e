// applyOutcome / reviveNotFound edges: when startedAt and finishedAt are (not) set, completedAt estimates, lone 404 marks.
import * as assert from 'node:assert/strict';
import type { TaskResult } from '../../../src/api/taskResult';
import { applyOutcome, reviveNotFound } from '../../../src/polling/applyOutcome';
import { LINK_LIFETIME_MS, type TrackedTask } from '../../../src/store/trackedTask';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const NEXT = NOW + 30_000;

function result(status: string, extra: Partial<TaskResult> = {}): TaskResult {
  return { id: 't', status, video_url: status === 'completed' ? 'https://x/v.mp4' : null, error: status === 'failed' ? 'boom' : null, ...extra };
}

function task(extra: Partial<TrackedTask> = {}): TrackedTask {
  return { id: 't', addedAt: NOW - 60_000, ...extra };
}

const ok = (t: TrackedTask, r: TaskResult) => applyOutcome(t, { kind: 'ok', result: r }, NOW, NEXT);

describe('applyOutcome: progress times', () => {
  it('still queued: no startedAt', () => {
    assert.equal(ok(task({ result: result('queued') }), result('queued'))?.startedAt, undefined);
  });

  it('keeps a startedAt already set', () => {
    const p = ok(task({ result: result('queued'), startedAt: 5 }), result('processing'));
    assert.ok(p && !('startedAt' in p), JSON.stringify(p));
  });

  it('still processing: no finishedAt', () => {
    const p = ok(task({ result: result('processing') }), result('processing'));
    assert.ok(p && !('finishedAt' in p), JSON.stringify(p));
  });

  it('keeps a finishedAt already set', () => {
    const p = ok(task({ result: result('processing'), finishedAt: 5 }), result('completed'));
    assert.ok(p && !('finishedAt' in p), JSON.stringify(p));
  });

  it('seen completed or failed before: no finishedAt on the next answer', () => {
    for (const [before, after] of [['completed', 'completed'], ['failed', 'failed'], ['failed', 'completed'], ['completed', 'failed']]) {
      const p = ok(task({ result: result(before) }), result(after));
      assert.ok(p && !('finishedAt' in p), `${before} -> ${after}: ${JSON.stringify(p)}`);
    }
  });
});

describe('applyOutcome: completedAt', () => {
  it('seen running before: now, whatever "created" says', () => {
    assert.equal(ok(task({ result: result('processing') }), result('completed', { created: 1 }))?.completedAt, NOW);
  });

  it('first seen completed with created 0: two link lifetimes before it was tracked', () => {
    assert.equal(ok(task({ addedAt: NOW }), result('completed', { created: 0 }))?.completedAt, NOW - 2 * LINK_LIFETIME_MS);
  });
});

describe('reviveNotFound: a single 404 mark', () => {
  it('a streak alone is revived', () => {
    assert.deepEqual(reviveNotFound(task({ notFoundStreak: { count: 1, since: NOW } })), { notFound: undefined, notFoundStreak: undefined });
  });

  it('a 404 problem alone is revived and cleared', () => {
    assert.deepEqual(reviveNotFound(task({ problem: { kind: 'notFound', message: 'not found (404)', retryAt: NEXT } })), {
      notFound: undefined,
      notFoundStreak: undefined,
      problem: undefined,
    });
  });
});
