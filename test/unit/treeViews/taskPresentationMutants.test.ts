// The row's context value, description and tooltip at the edges the first mutation run of
// src/treeViews (issue #11) found untested: pinned rows, a retry due exactly now, errors of
// tasks that are not failed, stored values of the wrong type, 404 lines with and without a
// count or a retry, an unknown request mode, and the rate-limit message in another language.
import * as assert from 'node:assert/strict';
import type { TaskResult } from '../../../src/api/taskResult';
import type { TrackedTask } from '../../../src/store/trackedTask';
import { clockTime, taskContextValue, taskDescription, taskTooltip } from '../../../src/treeViews/taskPresentation';
import { currentTranslation, formatMessage, setTranslator } from '../../../src/util/l10n';
import { HOUR, NOW, resultBuilder, task } from '../helpers/taskFixtures';

const result = resultBuilder(90);
const request = (fields: Partial<NonNullable<TrackedTask['request']>> = {}) =>
  ({ prompt: 'a cat', model: 'veo_3_1_fast', resolution: '720p', aspectRatio: '16:9', mode: 'text', ...fields }) as TrackedTask['request'];
const lastLine = (tip: string) => tip.split('\n').pop();
const lineOf = (tip: string, start: string) => tip.split('\n').find((l) => l.startsWith(start));

describe('taskContextValue: pinned', () => {
  it('a pinned task says so last (menus offer Unpin)', () => {
    assert.equal(taskContextValue(task({ pinned: true }), NOW), 'veoTask pending pinned');
    assert.equal(taskContextValue(task({ pinned: false }), NOW), 'veoTask pending');
  });
});

describe('taskDescription: edges', () => {
  it('a retry due exactly now is no longer shown as to come', () => {
    assert.equal(taskDescription(task({ problem: { message: 'HTTP 503', retryAt: NOW } }), NOW), 'checking... · ⚠ HTTP 503');
    assert.equal(taskDescription(task({ problem: { message: 'HTTP 503', retryAt: NOW + 1000 } }), NOW), 'checking... · ⚠ HTTP 503, retrying in 1 s');
  });

  it('an error is shown for a failed task only', () => {
    assert.equal(taskDescription(task({ result: result({ status: 'processing', created: undefined, error: 'boom' }) }), NOW), 'processing');
    assert.equal(taskDescription(task({ result: result({ status: 'upscaling', error: 'boom' }) }), NOW), 'unknown status "upscaling"');
    assert.equal(taskDescription(task({ result: result({ status: 'failed', error: 'boom' }) }), NOW), 'failed · boom');
  });
});

describe('taskTooltip: edges', () => {
  it('a result stored as null reads as not polled yet', () => {
    const odd = task({ result: null as unknown as TaskResult });
    assert.equal(taskTooltip(odd, NOW), '**vgen\\_1**\n\n- not polled yet');
  });

  it('a created time that is not a number gets no date', () => {
    const tip = taskTooltip(task({ result: result({ created: '1761635478' as unknown as number }) }), NOW);
    assert.equal(lineOf(tip, '- created: '), '- created: 1761635478');
    const real = taskTooltip(task({ result: result({ created: 1761635478 }) }), NOW);
    assert.equal(lineOf(real, '- created: '), '- created: 1761635478 \\(2025\\-10\\-28T07&#58;11&#58;18\\.000Z\\)');
  });

  it('the last error has a "next try" only for a retry time that is a number still to come', () => {
    assert.equal(lastLine(taskTooltip(task({ problem: { message: 'HTTP 500', retryAt: NOW - 1 } }), NOW)), '- last error: HTTP 500');
    assert.equal(lastLine(taskTooltip(task({ problem: { message: 'HTTP 500', retryAt: NOW } }), NOW)), '- last error: HTTP 500');
    assert.equal(lastLine(taskTooltip(task({ problem: { message: 'HTTP 500', retryAt: NOW + 1000 } }), NOW)), '- last error: HTTP 500 (next try in 1 s)');
    const text = { message: 'HTTP 500', retryAt: String(NOW + HOUR) as unknown as number };
    assert.equal(lastLine(taskTooltip(task({ problem: text }), NOW)), '- last error: HTTP 500', 'a stored string is no retry time');
  });

  it('404 lines: with no count stored, a single one, several, each with and without a retry', () => {
    const notFound = (retryAt: number | undefined, count?: number) =>
      lastLine(taskTooltip(task({ problem: { kind: 'notFound', message: 'x', retryAt }, ...(count === undefined ? {} : { notFoundStreak: { count, since: NOW } }) }), NOW));
    assert.equal(notFound(undefined), '- not found (404)');
    assert.equal(notFound(NOW + 60_000), '- not found (404); asking again in 1 min');
    assert.equal(notFound(NOW + 60_000, 1), '- not found (404); asking again in 1 min');
    assert.equal(notFound(undefined, 3), '- not found (404), 3 times in a row');
    assert.equal(notFound(NOW + 60_000, 3), '- not found (404), 3 times in a row; asking again in 1 min');
  });

  it('a completion time of the wrong type, even text that reads as a date, gives no expiry line and does not throw', () => {
    const odd = task({ result: result({ status: 'completed', video_url: 'https://v/x.mp4' }), completedAt: 'Jan 1 2025 ' as unknown as number });
    const tip = taskTooltip(odd, NOW);
    assert.equal(lineOf(tip, '- link expires'), undefined, tip);
  });

  it('a request mode it does not know is shown as stored', () => {
    const tip = taskTooltip(task({ request: request({ mode: 'video' as 'text' }) }), NOW);
    assert.equal(lineOf(tip, '- asked: '), '- asked: veo\\_3\\_1\\_fast, 720p, 16&#58;9, video');
  });

  it('the stored rate-limit message (English) is shown in the display language; another message as stored', () => {
    const [before, language] = currentTranslation();
    setTranslator((message, ...args) => `«${formatMessage(message, args)}»`, 'en');
    try {
      const limited = (message: string) => lastLine(taskTooltip(task({ problem: { kind: 'rateLimited', message, retryAt: NOW + HOUR } }), NOW));
      assert.equal(limited('rate limited by the VEO API'), `«- «rate limited by the VEO API» (next try at ${clockTime(NOW + HOUR)})»`);
      assert.equal(limited('slow down'), `«- slow down (next try at ${clockTime(NOW + HOUR)})»`);
    } finally {
      setTranslator(before, language);
    }
  });
});
