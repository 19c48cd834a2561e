// parseTaskResult edges: an id of exactly the maximum length, text that only contains '<' further on.
import * as assert from 'node:assert/strict';
import { MAX_ID_LENGTH } from '../../../src/input/parseTaskIds';
import { parseTaskResult } from '../../../src/api/taskResult';

describe('parseTaskResult: edges', () => {
  it('accepts an id of exactly MAX_ID_LENGTH characters', () => {
    const id = 'a'.repeat(MAX_ID_LENGTH);
    const r = parseTaskResult(JSON.stringify({ id, status: 'queued' }), id);
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.ok && r.result.id, id);
  });

  it('refuses an id one character longer', () => {
    const id = 'a'.repeat(MAX_ID_LENGTH + 1);
    const r = parseTaskResult(JSON.stringify({ id, status: 'queued' }), id);
    assert.equal(r.ok, false);
  });

  it('calls text with a "<" further on invalid JSON, not an HTML page', () => {
    assert.deepEqual(parseTaskResult('oops <b>', 'x'), { ok: false, message: 'the response is not valid JSON' });
  });

  it('refuses a "video_url" that is an array holding a good link', () => {
    const r = parseTaskResult(JSON.stringify({ id: 'x', status: 'completed', video_url: ['https://cdn.example.com/v.mp4'] }), 'x');
    assert.deepEqual(r, { ok: false, message: '"video_url" is not an http(s) URL' });
  });
});
