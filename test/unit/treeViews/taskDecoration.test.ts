import * as assert from 'node:assert/strict';
import type { TaskResult } from '../../../src/api/taskResult';
import { LINK_LIFETIME_MS, TrackedTask } from '../../../src/store/trackedTask';
import { nextDecorationChange, taskDecoration, taskIdOfUriPath, taskUriPath } from '../../../src/treeViews/taskDecoration';

const NOW = 1_800_000_000_000;
const HOUR = 3_600_000;
const completed = (completedAt: number, extra: Partial<TrackedTask> = {}): TrackedTask => ({
  id: 'vgen_d1',
  addedAt: completedAt - 60_000,
  result: { id: 'vgen_d1', status: 'completed', video_url: 'https://cdn.example/v.mp4', error: null } as TaskResult,
  completedAt,
  ...extra,
});

describe('taskDecoration', () => {
  it('a link with less than veo.expiryWarningHours left and no download: an hourglass and the warning colour', () => {
    const t = completed(NOW - LINK_LIFETIME_MS + 2 * HOUR);
    assert.deepEqual(taskDecoration(t, NOW, 3), { badge: '⏳', color: 'list.warningForeground', tooltip: 'The link expires in about 2h 00m and the video is not downloaded' });
  });

  it('a fresh link, a warning window of 0, a running or failed task, an expired link: none', () => {
    assert.equal(taskDecoration(completed(NOW - HOUR), NOW, 3), undefined);
    assert.equal(taskDecoration(completed(NOW - LINK_LIFETIME_MS + HOUR), NOW, 0), undefined);
    assert.equal(taskDecoration({ id: 'x', addedAt: NOW }, NOW, 3), undefined);
    assert.equal(taskDecoration(completed(NOW - LINK_LIFETIME_MS - HOUR), NOW, 3), undefined, 'expired: the row says so already');
    assert.equal(taskDecoration(completed(NOW - HOUR, { linkExpired: true }), NOW, 3), undefined);
  });

  it('downloaded: a check mark, whatever the link', () => {
    assert.deepEqual(taskDecoration(completed(NOW - LINK_LIFETIME_MS + HOUR, { localFile: '/v/a.mp4' }), NOW, 3), { badge: '✓', tooltip: 'Downloaded' });
  });

  it('knows when the clock alone changes it: entering the warning window, then expiring', () => {
    const t = completed(NOW - HOUR);
    assert.equal(nextDecorationChange(t, NOW, 3), NOW - HOUR + LINK_LIFETIME_MS - 3 * HOUR);
    const warned = completed(NOW - LINK_LIFETIME_MS + HOUR);
    assert.equal(nextDecorationChange(warned, NOW, 3), NOW + HOUR);
    assert.equal(nextDecorationChange(completed(NOW - HOUR, { localFile: '/a' }), NOW, 3), undefined);
    assert.equal(nextDecorationChange(t, NOW, 0), undefined);
  });

  it('row URIs carry the id encoded, and only that', () => {
    for (const id of ['vgen_abc', 'video_0b1e-..', 'a/b?c#d%']) assert.equal(taskIdOfUriPath(taskUriPath(id)), id);
    assert.equal(taskIdOfUriPath('no-slash'), undefined);
    assert.equal(taskIdOfUriPath('/%E0%A4%A'), undefined);
  });
});
