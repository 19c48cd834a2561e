// The tree row's context value, description and tooltip in the states the other presentation
// tests leave out: tasks this extension created, refused links, problems without a retry time.
import * as assert from 'node:assert/strict';
import type { TrackedTask } from '../../../src/store/trackedTask';
import { clockTime, taskContextValue, taskDescription, taskTooltip } from '../../../src/treeViews/taskPresentation';
import { formatDateTime } from '../../../src/util/l10n';
import { HOUR, NOW, resultBuilder, task } from '../helpers/taskFixtures';

const result = resultBuilder(90);
const request = (fields: Partial<NonNullable<TrackedTask['request']>> = {}) =>
  ({ prompt: 'a cat', model: 'veo_3_1_fast', resolution: '720p', aspectRatio: '16:9', mode: 'text', ...fields }) as TrackedTask['request'];
const lineOf = (tip: string, start: string) => tip.split('\n').find((l) => l.startsWith(start));

describe('taskContextValue for tasks this extension created', () => {
  it('adds hasRequest, and retryable when it failed', () => {
    assert.equal(taskContextValue(task({ request: request(), result: result({ status: 'queued' }) }), NOW), 'veoTask queued hasRequest');
    assert.equal(taskContextValue(task({ request: request(), result: result({ status: 'failed' }) }), NOW), 'veoTask failed hasRequest retryable');
    assert.equal(taskContextValue(task({ result: result({ status: 'failed' }) }), NOW), 'veoTask failed');
    assert.equal(
      taskContextValue(task({ request: request(), result: result({ status: 'completed', video_url: 'https://v/x.mp4' }), completedAt: NOW }), NOW),
      'veoTask completed previewable downloadable hasLink hasRequest',
    );
  });

  it('an expired link: previewable (to say why), downloadable only while the host has not refused it', () => {
    const base = { result: result({ status: 'completed', video_url: 'https://v/x.mp4' }), completedAt: NOW - 25 * HOUR };
    assert.equal(taskContextValue(task(base), NOW), 'veoTask completed expired previewable downloadable');
    assert.equal(taskContextValue(task({ ...base, linkExpired: true }), NOW), 'veoTask completed expired previewable');
  });
});

describe('taskDescription, more states', () => {
  it('a completed task without a known expiry, and one with a refused link', () => {
    assert.equal(taskDescription(task({ result: result({ status: 'completed', actualDuration: 8 }) }), NOW), 'completed · 8s video');
    assert.equal(taskDescription(task({ result: result({ status: 'completed' }), completedAt: NOW, linkExpired: true }), NOW), 'completed · link expired');
  });

  it('a failed task without an error, and an unknown status cut to 24 characters', () => {
    assert.equal(taskDescription(task({ result: result({ status: 'failed', error: null }) }), NOW), 'failed');
    assert.equal(taskDescription(task({ result: result({ status: 'x'.repeat(40) }) }), NOW), `unknown status "${'x'.repeat(23)}…"`);
  });

  it('problems without a retry time say only what happened', () => {
    assert.equal(taskDescription(task({ problem: { kind: 'rateLimited', message: 'rate limited' } }), NOW), 'checking... · ⚠ rate limited');
    assert.equal(taskDescription(task({ problem: { kind: 'notFound', message: 'not found' } }), NOW), 'checking... · ⚠ not found (404)');
    assert.equal(taskDescription(task({ problem: { message: 'HTTP 503' } }), NOW), 'checking... · ⚠ HTTP 503');
    assert.equal(taskDescription(task({ problem: { message: 'HTTP 503', retryAt: NOW - 1 } }), NOW), 'checking... · ⚠ HTTP 503', 'a retry time in the past is not shown');
  });
});

describe('taskTooltip, more states', () => {
  it('shows what was asked for a task this extension created, escaped and capped', () => {
    const tip = taskTooltip(task({ request: request({ prompt: `a *cat*\n${'y'.repeat(600)}`, mode: 'frames' }) }), NOW);
    const prompt = lineOf(tip, '- prompt: ');
    assert.ok(prompt !== undefined && prompt.startsWith('- prompt: a \\*cat\\* yyy'), prompt);
    assert.ok(prompt.endsWith('y…'), 'cut at 500 characters');
    assert.equal(prompt.length, '- prompt: '.length + 500 + 2, '500 characters, two of them escaped stars');
    assert.equal(lineOf(tip, '- asked: '), '- asked: veo\\_3\\_1\\_fast, 720p, 16&#58;9, first and last frame');
    assert.equal(lineOf(taskTooltip(task({ request: request({ mode: 'reference' }) }), NOW), '- asked: '), '- asked: veo\\_3\\_1\\_fast, 720p, 16&#58;9, reference images');
    assert.equal(lineOf(taskTooltip(task({ request: request() }), NOW), '- asked: '), '- asked: veo\\_3\\_1\\_fast, 720p, 16&#58;9, text only');
    assert.equal(lineOf(taskTooltip(task(), NOW), '- prompt: '), undefined);
  });

  it('leaves out fields the API did not send, and says when the host refused the link', () => {
    const tip = taskTooltip(task({ result: { ...result({ status: 'completed' }), actualDuration: undefined }, completedAt: NOW, linkExpired: true }), NOW);
    assert.equal(lineOf(tip, '- actualDuration'), undefined);
    assert.ok(tip.includes('\n- the video host refused the link: it has expired'), tip);
    assert.ok(tip.includes(`\n- link expires (estimated): ${formatDateTime(NOW + 24 * HOUR)}`), tip);
  });

  it('a task given up as not found: no "not polled yet", the 404 line instead', () => {
    const tip = taskTooltip(task({ notFound: true }), NOW);
    assert.equal(tip, '**vgen\\_1**\n\n- the API does not know this id (404, asked several times); it is no longer polled');
  });

  it('problem lines without a retry time, and a single 404', () => {
    assert.ok(taskTooltip(task({ problem: { kind: 'rateLimited', message: 'rate *limited*' } }), NOW).endsWith('\n- rate \\*limited\\*'));
    assert.ok(taskTooltip(task({ problem: { kind: 'notFound', message: 'x' }, notFoundStreak: { count: 1, since: NOW } }), NOW).endsWith('\n- not found (404)'));
    assert.ok(
      taskTooltip(task({ problem: { kind: 'notFound', message: 'x', retryAt: NOW + 60_000 }, notFoundStreak: { count: 3, since: NOW } }), NOW).endsWith(
        '\n- not found (404), 3 times in a row; asking again in 1 min',
      ),
    );
    assert.ok(taskTooltip(task({ problem: { message: 'HTTP 500' } }), NOW).endsWith('\n- last error: HTTP 500'));
    assert.ok(taskTooltip(task({ problem: { kind: 'rateLimited', message: 'r', retryAt: NOW + HOUR } }), NOW).endsWith(` (next try at ${clockTime(NOW + HOUR)})`));
  });
});
