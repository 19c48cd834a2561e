import * as assert from 'node:assert/strict';
import type { TaskResult } from '../../../src/api/taskResult';
import type { TrackedTask } from '../../../src/store/trackedTask';
import { clockTime, taskContextValue, taskDescription, taskTooltip } from '../../../src/treeViews/taskPresentation';
import { taskLabel } from '../../../src/store/trackedTask';
import { formatDateTime } from '../../../src/util/l10n';

const CREATED = 1761635478; // 2025-10-28T07:11:18Z
const NOW = CREATED * 1000 + 65_000;
const ID = 'vgen_abc123def456';

function result(fields: Partial<TaskResult>): TaskResult {
  return { id: ID, object: 'video', created: CREATED, model: 'veo_3_1_fast', status: 'processing', video_url: null, error: null, ...fields };
}

function task(fields: Partial<TrackedTask> = {}): TrackedTask {
  return { id: ID, addedAt: NOW - 70_000, ...fields };
}

const completed = (fields: Partial<TrackedTask> = {}) =>
  task({ result: result({ status: 'completed', video_url: 'https://cdn.example.com/v.mp4', actualDuration: 8 }), completedAt: NOW - 60_000, ...fields });

describe('taskLabel', () => {
  it('is the label when renamed, else the id', () => {
    assert.equal(taskLabel(task()), ID);
    assert.equal(taskLabel(task({ label: 'Cat video' })), 'Cat video');
  });
});

describe('taskContextValue', () => {
  it('has one exact token per state', () => {
    assert.equal(taskContextValue(task(), NOW), 'veoTask pending');
    assert.equal(taskContextValue(task({ result: result({ status: 'queued' }) }), NOW), 'veoTask queued');
    assert.equal(taskContextValue(task({ result: result({ status: 'processing' }) }), NOW), 'veoTask processing');
    assert.equal(taskContextValue(completed(), NOW), 'veoTask completed previewable downloadable hasLink');
    assert.equal(taskContextValue(task({ result: result({ status: 'failed', error: 'x' }) }), NOW), 'veoTask failed');
    assert.equal(taskContextValue(task({ result: result({ status: 'upscaling' }) }), NOW), 'veoTask unknown');
    assert.equal(taskContextValue(task({ notFound: true }), NOW), 'veoTask notFound');
  });

  it('tells a downloaded and an expired completed task apart', () => {
    assert.equal(taskContextValue(completed({ localFile: '/tmp/a.mp4' }), NOW), 'veoTask completed downloaded previewable hasFile hasLink');
    assert.equal(taskContextValue(completed({ linkExpired: true }), NOW), 'veoTask completed expired previewable');
    assert.equal(taskContextValue(completed({ completedAt: NOW - 25 * 3600_000 }), NOW), 'veoTask completed expired previewable downloadable');
    assert.equal(taskContextValue(completed({ completedAt: NOW - 25 * 3600_000, localFile: '/v.mp4' }), NOW), 'veoTask completed downloaded previewable hasFile hasLink');
  });

  it('marks downloaded and expired videos in the description', () => {
    assert.match(taskDescription(completed({ localFile: '/tmp/a.mp4' }), NOW), /✓ downloaded$/);
    assert.match(taskDescription(completed({ linkExpired: true }), NOW), /link expired$/);
  });
});

describe('taskDescription', () => {
  it('pending reads "checking..."', () => {
    assert.equal(taskDescription(task(), NOW), 'checking...');
  });

  it('queued and processing show the time elapsed since created', () => {
    assert.equal(taskDescription(task({ result: result({ status: 'queued' }) }), NOW), 'queued · 1m 05s');
    assert.equal(taskDescription(task({ result: result({ status: 'processing' }) }), NOW), 'processing · 1m 05s');
    assert.equal(taskDescription(task({ result: result({ status: 'processing' }) }), CREATED * 1000 + 2 * 3_600_000 + 5 * 60_000), 'processing · 2h 05m');
  });

  it('processing without created shows only the state', () => {
    assert.equal(taskDescription(task({ result: result({ status: 'processing', created: undefined }) }), NOW), 'processing');
  });

  it('completed shows the video length and when the link expires', () => {
    assert.equal(taskDescription(completed(), NOW), 'completed · 8s video · link expires in 23h 59m');
  });

  it('completed after 24 h says the link expired', () => {
    assert.equal(taskDescription(completed({ completedAt: NOW - 25 * 3_600_000 }), NOW), 'completed · 8s video · link expired');
  });

  it('completed without duration or completedAt shows only the state', () => {
    const t = task({ result: result({ status: 'completed', video_url: 'https://x/v.mp4' }) });
    assert.equal(taskDescription(t, NOW), 'completed');
  });

  it('failed shows the error on one line, shortened to 60 characters', () => {
    assert.equal(taskDescription(task({ result: result({ status: 'failed', error: 'content\n  policy' }) }), NOW), 'failed · content policy');
    const long = 'E'.repeat(100);
    assert.equal(taskDescription(task({ result: result({ status: 'failed', error: long }) }), NOW), `failed · ${'E'.repeat(59)}…`);
  });

  it('failed without an error shows only the state', () => {
    assert.equal(taskDescription(task({ result: result({ status: 'failed', error: null }) }), NOW), 'failed');
  });

  it('unknown status is quoted and shortened to 24 characters', () => {
    assert.equal(taskDescription(task({ result: result({ status: 'upscaling' }) }), NOW), 'unknown status "upscaling"');
    assert.equal(taskDescription(task({ result: result({ status: 's'.repeat(30) }) }), NOW), `unknown status "${'s'.repeat(23)}…"`);
  });

  it('not found reads "not found"', () => {
    assert.equal(taskDescription(task({ notFound: true }), NOW), 'not found');
  });

  it('a problem with a future retry says when', () => {
    const t = task({ result: result({ status: 'processing' }), problem: { message: 'HTTP 503 Service Unavailable', retryAt: NOW + 120_000 } });
    assert.equal(taskDescription(t, NOW), 'processing · 1m 05s · ⚠ HTTP 503 Service Unavailable, retrying in 2 min');
  });

  it('a problem without a retry or with an overdue retry shows only the message', () => {
    assert.equal(taskDescription(task({ problem: { message: 'network down' } }), NOW), 'checking... · ⚠ network down');
    assert.equal(taskDescription(task({ problem: { message: 'network down', retryAt: NOW - 1 } }), NOW), 'checking... · ⚠ network down');
  });

  it('rate limited says at what time of day it tries again', () => {
    const retryAt = NOW + 42 * 60_000;
    const d = new Date(retryAt);
    const hhmm = `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
    assert.equal(clockTime(retryAt), hhmm);
    const t = task({ result: result({ status: 'queued' }), problem: { kind: 'rateLimited', message: 'rate limited by the VEO API', retryAt } });
    assert.equal(taskDescription(t, NOW), `queued · 1m 05s · ⚠ rate limited, next try ${hhmm}`);
    assert.equal(taskDescription(task({ problem: { kind: 'rateLimited', message: 'x', retryAt: NOW - 1 } }), NOW), 'checking... · ⚠ rate limited');
    assert.ok(taskTooltip(t, NOW).endsWith(`\n- rate limited by the VEO API (next try at ${hhmm})`), taskTooltip(t, NOW));
  });

  it('clockTime is the local HH:MM, zero-padded', () => {
    assert.equal(clockTime(new Date(2025, 0, 2, 3, 4, 59).getTime()), '03:04');
    assert.equal(clockTime(new Date(2025, 0, 2, 23, 59).getTime()), '23:59');
  });

  it('a 404 not yet final says it asks again, and the tooltip how many came', () => {
    const t = task({
      result: result({ status: 'processing' }),
      notFoundStreak: { count: 2, since: NOW - 60_000 },
      problem: { kind: 'notFound', message: 'not found (404)', retryAt: NOW + 9 * 60_000 },
    });
    assert.equal(taskDescription(t, NOW), 'processing · 1m 05s · ⚠ not found (404), asking again in 9 min');
    assert.ok(taskTooltip(t, NOW).endsWith('\n- not found (404), 2 times in a row; asking again in 9 min'), taskTooltip(t, NOW));
    assert.equal(taskContextValue(t, NOW), 'veoTask processing');
  });

  it('a long problem message is shortened', () => {
    const t = task({ problem: { message: 'm'.repeat(80), retryAt: NOW + 30_000 } });
    assert.equal(taskDescription(t, NOW), `checking... · ⚠ ${'m'.repeat(59)}…, retrying in 30 s`);
  });
});

describe('taskTooltip', () => {
  it('says how long it was queued and generated, when both were seen', () => {
    const t = task({ result: result({ status: 'completed', created: 1_000 }), startedAt: 1_000_000 + 80_000, finishedAt: 1_000_000 + 80_000 + 185_000 });
    const lines = taskTooltip(t, NOW).split('\n');
    assert.ok(lines.includes('- queued for: 1m 20s'), lines.join('\n'));
    assert.ok(lines.includes('- generated in: 3m 05s') || lines.some((l) => /^- generated in: 3m 0?5s$/.test(l)), lines.join('\n'));
    assert.ok(!taskTooltip(task(), NOW).includes('queued for'), 'nothing when not seen');
  });

  it('pending: the id in bold and "not polled yet"', () => {
    assert.equal(taskTooltip(task(), NOW), '**vgen\\_abc123def456**\n\n- not polled yet');
  });

  it('renamed: label in bold, then the id', () => {
    assert.equal(taskTooltip(task({ label: 'My *cat*' }), NOW), '**My \\*cat\\***\n\n- id: vgen\\_abc123def456\n- not polled yet');
  });

  it('completed: every returned field escaped, created as a date, and the link expiry', () => {
    const t = task({
      result: result({ status: 'completed', video_url: 'https://cdn.example.com/v.mp4', actualDuration: 8 }),
      completedAt: Date.UTC(2025, 9, 28, 8, 0, 0),
    });
    assert.equal(
      taskTooltip(t, NOW),
      [
        '**vgen\\_abc123def456**',
        '',
        '- id: vgen\\_abc123def456',
        '- object: video',
        '- created: 1761635478 \\(2025\\-10\\-28T07&#58;11&#58;18\\.000Z\\)',
        '- model: veo\\_3\\_1\\_fast',
        '- status: completed',
        '- video\\_url: https&#58;//cdn\\.example\\.com/v\\.mp4',
        '- error: null',
        '- actualDuration: 8',
        `- link expires (estimated): ${formatDateTime(Date.parse('2025-10-29T08:00:00.000Z'))}`,
      ].join('\n'),
    );
  });

  it('escapes markup from the network in the error', () => {
    const tip = taskTooltip(task({ result: result({ status: 'failed', error: '<img src=x onerror=alert(1)> **bold** [x](http://evil)' }) }), NOW);
    const line = tip.split('\n').find((l) => l.startsWith('- error: '));
    assert.ok(line, tip);
    assert.ok(!line.includes('<img'), line);
    assert.ok(!line.includes('**bold**'), line);
    assert.equal(line, '- error: &lt;img src=x onerror=alert\\(1\\)&gt; \\*\\*bold\\*\\* \\[x\\]\\(http&#58;//evil\\)');
  });

  it('escapes an unknown status and a problem message', () => {
    const tip = taskTooltip(task({ result: result({ status: '_weird_' }), problem: { message: 'HTTP 500 <b>', retryAt: NOW + 120_000 } }), NOW);
    assert.ok(tip.includes('\n- status: \\_weird\\_\n'), tip);
    assert.ok(tip.endsWith(' (next try in 2 min)'), tip);
    assert.ok(tip.includes('\n- last error: HTTP 500 &lt;b&gt; (next try in 2 min)'), tip);
  });

  it('not found: says the API does not know the id', () => {
    assert.equal(taskTooltip(task({ notFound: true }), NOW), '**vgen\\_abc123def456**\n\n- the API does not know this id (404, asked several times); it is no longer polled');
  });

  it('a problem without retryAt has no "next try"', () => {
    assert.equal(taskTooltip(task({ problem: { message: 'offline' } }), NOW), '**vgen\\_abc123def456**\n\n- not polled yet\n- last error: offline');
  });

  it('never throws, whatever numbers were stored', () => {
    for (const bad of [-1e13, NaN, Infinity, -Infinity, 1e300, -1]) {
      const t = task({
        addedAt: bad,
        completedAt: bad,
        result: result({ status: 'completed', video_url: 'https://x/v.mp4', created: bad, actualDuration: bad }),
        problem: { message: 'x', retryAt: bad },
        notFoundStreak: { count: bad, since: bad },
      });
      const tip = taskTooltip(t, NOW);
      assert.ok(tip.includes(`- created: ${String(bad).replace(/[-.+]/g, '\\$&')}`), tip);
      assert.ok(!/NaN|Invalid/.test(taskDescription(t, NOW)), taskDescription(t, NOW));
      taskDescription(task({ result: result({ status: 'processing', created: bad }), problem: { kind: 'rateLimited', message: 'x', retryAt: bad } }), NOW);
      taskDescription(task({ problem: { kind: 'notFound', message: 'x', retryAt: bad } }), NOW);
      taskContextValue(t, NOW);
    }
  });

  it('shows an out-of-range created without a date', () => {
    const tip = taskTooltip(task({ result: result({ created: -1e13 }) }), NOW);
    assert.ok(tip.includes('\n- created: \\-10000000000000\n'), tip);
  });

  it('never throws on values of the wrong type', () => {
    const weird = { id: ID, addedAt: 0, label: 5, result: { id: ID, status: 7, error: { a: 1 }, created: 'x' }, problem: { message: null }, localFile: 3 } as unknown as TrackedTask;
    assert.match(taskTooltip(weird, NOW), /^\*\*5\*\*/);
    taskDescription(weird, NOW);
  });
});
