import * as assert from 'node:assert/strict';
import type { TaskResult } from '../../../src/api/taskResult';
import { applyOutcome, justFinished, reviveNotFound } from '../../../src/polling/applyOutcome';
import type { TrackedTask } from '../../../src/store/trackedTask';

const NOW = 1_000_000;
const NEXT = NOW + 30_000;

function result(status: string, extra: Partial<TaskResult> = {}): TaskResult {
  return { id: 't', status, video_url: status === 'completed' ? 'https://x/v.mp4' : null, error: status === 'failed' ? 'boom' : null, ...extra };
}

function task(extra: Partial<TrackedTask> = {}): TrackedTask {
  return { id: 't', addedAt: 1, ...extra };
}

describe('applyOutcome', () => {
  it('ok: stores the result and clears problem and notFound', () => {
    const r = result('processing');
    const patch = applyOutcome(task({ problem: { message: 'old', retryAt: 5 } }), { kind: 'ok', result: r }, NOW, NEXT);
    assert.deepEqual(patch, { result: r, problem: undefined, notFound: undefined, notFoundStreak: undefined, completedAt: undefined });
  });

  it('ok completed: records completedAt = now the first time (and, seen running, finishedAt)', () => {
    const r = result('completed');
    assert.deepEqual(applyOutcome(task({ result: result('processing') }), { kind: 'ok', result: r }, NOW, NEXT), {
      result: r,
      problem: undefined,
      notFound: undefined,
      notFoundStreak: undefined,
      completedAt: NOW,
      finishedAt: NOW,
    });
  });

  it('ok completed when first seen: assumes the earliest completion, at creation', () => {
    const r = result('completed', { created: 900 });
    assert.equal(applyOutcome(task(), { kind: 'ok', result: r }, NOW, NEXT)?.completedAt, 900_000);
    assert.equal(applyOutcome(task(), { kind: 'ok', result: result('completed') }, NOW, NEXT)?.completedAt, NOW);
  });

  it('ok completed again: keeps the first completedAt', () => {
    const r = result('completed');
    const patch = applyOutcome(task({ result: r, completedAt: 123 }), { kind: 'ok', result: r }, NOW, NEXT);
    assert.equal(patch?.completedAt, 123);
  });

  it('ok failed: no completedAt', () => {
    const patch = applyOutcome(task(), { kind: 'ok', result: result('failed') }, NOW, NEXT);
    assert.equal(patch?.completedAt, undefined);
    assert.equal(patch?.result?.error, 'boom');
  });

  it('notFound, final: marks the task and clears the problem and the streak', () => {
    const streak = { count: 3, since: NOW - 600_000 };
    assert.deepEqual(applyOutcome(task({ problem: { message: 'x' }, notFoundStreak: { count: 2, since: NOW - 600_000 } }), { kind: 'notFound', streak, final: true }, NOW, undefined), {
      notFound: true,
      notFoundStreak: undefined,
      problem: undefined,
    });
  });

  it('notFound, not final: a problem asking again, the streak kept, the task not marked', () => {
    const streak = { count: 1, since: NOW };
    const patch = applyOutcome(task({ result: result('processing') }), { kind: 'notFound', streak, final: false }, NOW, NEXT);
    assert.deepEqual(patch, { notFoundStreak: streak, problem: { kind: 'notFound', message: 'not found (404)', retryAt: NEXT } });
  });

  it('notFound without the poller\'s verdict is not final', () => {
    assert.equal(applyOutcome(task(), { kind: 'notFound' }, NOW, NEXT)?.notFound, undefined);
  });

  it('ok: clears a 404 streak', () => {
    const patch = applyOutcome(task({ notFoundStreak: { count: 2, since: 1 } }), { kind: 'ok', result: result('queued') }, NOW, NEXT);
    assert.ok(patch && 'notFoundStreak' in patch && patch.notFoundStreak === undefined);
  });

  it('rateLimited: a rate-limit problem retrying at the next poll', () => {
    assert.deepEqual(applyOutcome(task(), { kind: 'rateLimited', retryAfterMs: 60_000 }, NOW, NEXT), {
      problem: { kind: 'rateLimited', message: 'rate limited by the VEO API', retryAt: NEXT },
    });
  });

  it('error: the message as a problem, retryAt possibly undefined', () => {
    assert.deepEqual(applyOutcome(task(), { kind: 'error', message: 'HTTP 502' }, NOW, NEXT), { problem: { message: 'HTTP 502', retryAt: NEXT } });
    assert.deepEqual(applyOutcome(task(), { kind: 'error', message: 'timeout' }, NOW, undefined), { problem: { message: 'timeout', retryAt: undefined } });
  });

  it('error: keeps the last good result (the patch does not touch it)', () => {
    const patch = applyOutcome(task({ result: result('processing') }), { kind: 'error', message: 'x' }, NOW, NEXT);
    assert.equal(patch && 'result' in patch, false);
  });

  it('unauthorized: no change', () => {
    assert.equal(applyOutcome(task({ result: result('processing') }), { kind: 'unauthorized', status: 401 }, NOW, NEXT), undefined);
  });
});

describe('reviveNotFound', () => {
  it('makes a task given up as not found unfinished again', () => {
    assert.deepEqual(reviveNotFound(task({ notFound: true })), { notFound: undefined, notFoundStreak: undefined, problem: undefined });
  });

  it('forgets a streak and its problem', () => {
    const t = task({ notFoundStreak: { count: 2, since: 1 }, problem: { kind: 'notFound', message: 'not found (404)', retryAt: 5 } });
    assert.deepEqual(reviveNotFound(t), { notFound: undefined, notFoundStreak: undefined, problem: undefined });
  });

  it('keeps another problem, and leaves a task without 404s alone', () => {
    assert.deepEqual(reviveNotFound(task({ notFoundStreak: { count: 1, since: 1 }, problem: { message: 'HTTP 503' } })), { notFound: undefined, notFoundStreak: undefined });
    assert.equal(reviveNotFound(task({ result: result('completed') })), undefined);
    assert.equal(reviveNotFound(task({ problem: { kind: 'rateLimited', message: 'x' } })), undefined);
  });
});

describe('justFinished', () => {
  it('is true when a task seen running reaches completed or failed', () => {
    assert.equal(justFinished(task({ result: result('processing') }), task({ result: result('failed') })), true);
    assert.equal(justFinished(task({ result: result('upscaling') }), task({ result: result('completed') })), true);
  });

  it('is false when it was already finished, or finished when first seen', () => {
    assert.equal(justFinished(task(), task({ result: result('completed') })), false);
    assert.equal(justFinished(task({ result: result('completed') }), task({ result: result('completed') })), false);
    assert.equal(justFinished(task({ result: result('failed') }), task({ result: result('completed') })), false);
  });

  it('is false when it is not finished, or only not found', () => {
    assert.equal(justFinished(task(), task({ result: result('queued') })), false);
    assert.equal(justFinished(task({ result: result('queued') }), task({ result: result('processing') })), false);
    assert.equal(justFinished(task({ result: result('processing') }), task({ notFound: true })), false);
    assert.equal(justFinished(task(), task({ result: result('unknown-new') })), false);
  });
});

describe('applyOutcome: when a task was seen starting and finishing (durations)', () => {
  const ok = (status: string) => ({ kind: 'ok' as const, result: result(status) });

  it('queued -> processing -> completed: started and finished at the polls that saw it', () => {
    let t = task();
    const step = (status: string, at: number) => {
      const patch = applyOutcome(t, ok(status), at, undefined)!;
      t = { ...t, ...patch } as TrackedTask;
      for (const k of Object.keys(t) as (keyof TrackedTask)[]) if (t[k] === undefined) delete t[k];
    };
    step('queued', 100);
    assert.equal(t.startedAt, undefined);
    step('queued', 200);
    step('processing', 300);
    assert.equal(t.startedAt, 300);
    step('processing', 400);
    assert.equal(t.startedAt, 300, 'kept');
    step('completed', 500);
    assert.deepEqual([t.startedAt, t.finishedAt], [300, 500]);
    step('completed', 600);
    assert.equal(t.finishedAt, 500, 'kept');
  });

  it('queued straight to failed: started and finished at that poll', () => {
    const patch = applyOutcome(task({ result: result('queued') }), ok('failed'), 700, undefined)!;
    assert.deepEqual([patch.startedAt, patch.finishedAt], [700, 700]);
  });

  it('first seen processing, or already finished: no guess at when it started (or finished)', () => {
    assert.equal(applyOutcome(task(), ok('processing'), 700, undefined)!.startedAt, undefined);
    const done = applyOutcome(task(), ok('completed'), 700, undefined)!;
    assert.deepEqual([done.startedAt, done.finishedAt], [undefined, undefined]);
    const after = applyOutcome(task({ result: result('processing') }), ok('completed'), 800, undefined)!;
    assert.deepEqual([after.startedAt, after.finishedAt], [undefined, 800]);
  });
});
