// Edges of the chat tool answers that the main tests leave open (#11): which fields a row
// carries for odd `created` values and for tasks that are not completed, the exact wording of
// singular and plural counts, and what each creation outcome carries as data.
import * as assert from 'node:assert/strict';
import { clampLimit, createAnswer, getAnswer, listAnswer, MAX_FIELD, taskDetails, taskRow, trackAnswer } from '../../../src/chat/toolResults';
import type { TrackedTask } from '../../../src/store/trackedTask';

const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);
const HOUR = 3_600_000;

function task(id: string, patch: Partial<TrackedTask> = {}): TrackedTask {
  return { id, addedAt: NOW - HOUR, ...patch };
}

function withCreated(created: unknown): TrackedTask {
  return task('c', { result: { id: 'c', status: 'queued', video_url: null, error: null, created: created as number } });
}

describe('chat tool answers: edges', () => {
  it('gives createdAt only for a finite positive `created`', () => {
    assert.equal(taskRow(withCreated(1_700_000_000), NOW).createdAt, new Date(1_700_000_000_000).toISOString());
    for (const odd of [undefined, 0, -5, Infinity, NaN, '1700000000']) {
      assert.ok(!('createdAt' in taskRow(withCreated(odd), NOW)), `no createdAt for ${String(odd)}`);
    }
    assert.ok(!('createdAt' in taskRow(task('p'), NOW)), 'none without a result');
  });

  it('gives link expiry only for a completed task that has a completion time', () => {
    const failed = task('f', { completedAt: NOW - HOUR, result: { id: 'f', status: 'failed', video_url: null, error: 'no' } });
    const row = taskRow(failed, NOW);
    assert.ok(!('linkExpiresAt' in row) && !('linkHoursLeft' in row), JSON.stringify(row));
    const noTime = task('d', { result: { id: 'd', status: 'completed', video_url: 'https://cdn.example/v.mp4', error: null } });
    const done = taskRow(noTime, NOW);
    assert.equal(done.status, 'completed');
    assert.ok(!('linkExpiresAt' in done) && !('linkHoursLeft' in done), JSON.stringify(done));
  });

  it('details a task the API has not answered yet, with no error, duration or note', () => {
    const details = taskDetails(task('p'), NOW);
    assert.deepEqual(details, { id: 'p', status: 'pending', trackedAt: new Date(NOW - HOUR).toISOString() });
    const queued = taskDetails(task('q', { result: { id: 'q', status: 'queued', video_url: null, error: null } }), NOW);
    assert.ok(!('videoSeconds' in queued) && !('error' in queued) && !('note' in queued), JSON.stringify(queued));
  });

  it('notes that a task the API no longer knows is not polled', () => {
    const details = taskDetails(task('gone', { notFound: true }), NOW);
    assert.equal(details.note, 'The VEO API answered 404 for this id several times: it is no longer polled.');
  });

  it('writes a tracked time it cannot read as "unknown"', () => {
    assert.equal(taskRow(task('n', { addedAt: NaN }), NOW).trackedAt, 'unknown');
  });

  it('adds an ellipsis only to text cut at the field cap, not to text that lost a control character', () => {
    const exact = `${'x'.repeat(MAX_FIELD - 1)}\u0007`;
    assert.equal(taskRow(task('l', { label: exact }), NOW).label, 'x'.repeat(MAX_FIELD - 1));
    assert.equal(taskRow(task('l', { label: 'y'.repeat(MAX_FIELD + 1) }), NOW).label, `${'y'.repeat(MAX_FIELD)}…`);
  });

  it('names every asked status when none matches, and counts one task in the singular', () => {
    const tasks = [task('p')];
    assert.deepEqual(listAnswer(tasks, NOW, { states: ['failed', 'queued'] }), { summary: 'None of the 1 tracked VEO tasks has status failed or queued.' });
    const one = listAnswer(tasks, NOW);
    assert.equal(one.summary, '1 tracked VEO task.');
    assert.ok(!('notShown' in (one.data as object)), 'nothing left out, no notShown');
  });

  it('says which task the get answer is about', () => {
    assert.equal(getAnswer('vgen_9', task('vgen_9'), NOW).summary, 'VEO task "vgen_9".');
  });

  it('shows the first refusal reasons and counts the rest', () => {
    const refused = Array.from({ length: 12 }, (_, i) => `reason ${i}`);
    const answer = trackAnswer({ added: [], alreadyTracked: [], refused });
    const data = answer.data as { refused: string[]; refusedNotShown: number };
    assert.deepEqual(data.refused, refused.slice(0, 10));
    assert.equal(data.refusedNotShown, 2);
    assert.match(answer.summary, /12 refused as not valid task ids \(the reasons for the first 10 are listed\)\./);
  });

  it('words one new, left-out or unread id in the singular and several in the plural', () => {
    const one = trackAnswer({ added: ['a'], alreadyTracked: [], refused: [], leftOut: 1, notRead: 1 });
    assert.equal(
      one.summary,
      'Now tracking 1 new task; they are polled and shown in the VEO Tasks view. ' +
        'At most 100 ids are tracked per call; 1 more valid id was left out (track them in another call). ' +
        '1 entry of "ids" was not read in full: one call reads at most 1000 entries and 51400 characters; send the rest in another call.',
    );
    assert.deepEqual(one.data, { added: ['a'], alreadyTracked: [], refused: [], leftOut: 1, notRead: 1 });
    const many = trackAnswer({ added: [], alreadyTracked: [], refused: [], leftOut: 2, notRead: 3 });
    assert.equal(
      many.summary,
      'No new task was tracked. At most 100 ids are tracked per call; 2 more valid ids were left out (track them in another call). ' +
        '3 entries of "ids" were not read in full: one call reads at most 1000 entries and 51400 characters; send the rest in another call.',
    );
    assert.deepEqual(many.data, { added: [], alreadyTracked: [], refused: [], leftOut: 2, notRead: 3 });
  });

  it('words each creation outcome exactly, with the data it carries', () => {
    assert.equal(createAnswer({ kind: 'created', id: 'v' }).summary, 'The video task was created and is tracked; it usually takes a few minutes. Ask for its status with the get tool.');
    assert.deepEqual(createAnswer({ kind: 'cancelled' }), { summary: 'The user did not agree to spend credits; nothing was sent.' });
    assert.deepEqual(createAnswer({ kind: 'badBaseUrl', message: 'not https' }).data, { problem: 'not https' });
    assert.deepEqual(createAnswer({ kind: 'rateLimited' }), { summary: 'The VEO API is rate limiting (429); nothing was created.', data: undefined });
    assert.deepEqual(createAnswer({ kind: 'rateLimited', retryAfterMs: 1000, message: 'slow down' }), {
      summary: 'The VEO API is rate limiting (429); nothing was created. Try again in about 1 min.',
      data: { message: 'slow down' },
    });
    assert.deepEqual(createAnswer({ kind: 'refused', status: 400 }), { summary: 'The VEO API refused the request (HTTP 400); nothing was created.', data: undefined });
    assert.deepEqual(createAnswer({ kind: 'error', message: 'HTTP 502' }).data, { message: 'HTTP 502' });
  });

  it('takes a finite number as the limit and anything else as the default', () => {
    assert.equal(clampLimit(7), 7);
    assert.equal(clampLimit(Infinity), 25);
  });
});
