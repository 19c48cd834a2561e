// Row decorations at the edges the first mutation run of src/treeViews (issue #11) found
// untested: exactly at the start of the warning window, a completed task without a completion
// time, and a warning setting that is not a number.
import * as assert from 'node:assert/strict';
import type { TaskResult } from '../../../src/api/taskResult';
import { LINK_LIFETIME_MS, TrackedTask } from '../../../src/store/trackedTask';
import { nextDecorationChange, taskDecoration } from '../../../src/treeViews/taskDecoration';

const NOW = 1_800_000_000_000;
const HOUR = 3_600_000;
const completed = (completedAt: number | undefined, extra: Partial<TrackedTask> = {}): TrackedTask => ({
  id: 'vgen_d1',
  addedAt: NOW - 2 * LINK_LIFETIME_MS,
  result: { id: 'vgen_d1', status: 'completed', video_url: 'https://cdn.example/v.mp4', error: null } as TaskResult,
  ...(completedAt === undefined ? {} : { completedAt }),
  ...extra,
});

describe('taskDecoration: edges', () => {
  it('exactly warningHours left: the warning is on (the window includes its start)', () => {
    const t = completed(NOW - LINK_LIFETIME_MS + 3 * HOUR);
    assert.equal(taskDecoration(t, NOW, 3)?.badge, '⏳');
    assert.equal(taskDecoration(t, NOW - 1, 3), undefined, 'a millisecond earlier: not yet');
  });

  it('a completed task without a completion time has no known expiry: no decoration, no change to wait for', () => {
    const t = completed(undefined);
    assert.equal(taskDecoration(t, NOW, 3), undefined);
    assert.equal(nextDecorationChange(t, NOW, 3), undefined);
  });

  it('a warning setting that is not a number warns about nothing', () => {
    const t = completed(NOW - LINK_LIFETIME_MS + HOUR);
    assert.equal(taskDecoration(t, NOW, Number.NaN), undefined);
    assert.equal(nextDecorationChange(t, NOW, Number.NaN), undefined);
  });
});

describe('nextDecorationChange: edges', () => {
  it('entering the warning window exactly now: the next change is the expiry', () => {
    const completedAt = NOW - LINK_LIFETIME_MS + 3 * HOUR;
    assert.equal(nextDecorationChange(completed(completedAt), NOW, 3), completedAt + LINK_LIFETIME_MS);
    assert.equal(nextDecorationChange(completed(completedAt), NOW - 1, 3), NOW, 'a millisecond before: the window\'s start');
  });
});
