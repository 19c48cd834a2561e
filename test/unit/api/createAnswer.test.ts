// What the create endpoint answered, classified (pure): the new id, or why not, as plain capped text.
import * as assert from 'node:assert/strict';
import { CREATE_PATH, newTaskId, parseCreateAnswer, serverMessage } from '../../../src/api/createAnswer';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const parse = (status: number, body: unknown, retryAfter?: string) =>
  parseCreateAnswer(status, typeof body === 'string' ? body : JSON.stringify(body), retryAfter, NOW);

describe('parseCreateAnswer', () => {
  it('the documented path', () => {
    assert.equal(CREATE_PATH, '/v1/veo/videos');
  });

  describe('200', () => {
    it('reads the id from id, else task_id, else data.projectId', () => {
      assert.deepEqual(parse(200, { id: 'vgen_0123456789ab', object: 'video', created: 1, model: 'veo_3_1_fast', status: 'queued' }), { kind: 'created', id: 'vgen_0123456789ab' });
      assert.deepEqual(parse(200, { task_id: 'task_42' }), { kind: 'created', id: 'task_42' });
      assert.deepEqual(parse(200, { code: '0', data: { projectId: 'proj_abc' } }), { kind: 'created', id: 'proj_abc' });
      assert.deepEqual(parse(200, { id: 'first', task_id: 'second', data: { projectId: 'third' } }), { kind: 'created', id: 'first' });
      assert.deepEqual(parse(200, { id: '', task_id: 'second' }), { kind: 'created', id: 'second' });
      assert.deepEqual(parse(200, { id: 12, data: { projectId: 'proj_1' } }), { kind: 'created', id: 'proj_1' });
      assert.deepEqual(parse(201, { id: 'vgen_x' }), { kind: 'created', id: 'vgen_x' });
    });

    it('no id: an error that says the task may exist, with the reason the answer gives', () => {
      for (const body of [{}, { id: null }, { data: null }, { data: { projectId: 5 } }, null, [], '"vgen_abc"', 42]) {
        const o = parse(200, body);
        assert.equal(o.kind, 'error', JSON.stringify(body));
        assert.ok(o.kind === 'error' && o.unsure === true);
        assert.match(o.kind === 'error' ? o.message : '', /no task id/);
      }
      assert.deepEqual(parse(200, { code: '1', msg: 'insufficient balance' }), { kind: 'error', message: 'the answer has no task id (insufficient balance)', unsure: true });
    });

    it('an id that cannot be used is not taken', () => {
      for (const id of ['..', '.', 'x'.repeat(300), 'a\u0000b', 'ab\u202ecd', ' ']) {
        const o = parse(200, { id });
        assert.equal(o.kind, 'error', JSON.stringify(id));
        if (o.kind !== 'error') continue;
        assert.equal(o.unsure, true);
        assert.ok(o.message.length <= 400, String(o.message.length));
        assert.ok(!o.message.includes('x'.repeat(100)), 'the long id is not repeated in full');
      }
      const dots = parse(200, { id: '..' });
      assert.match(dots.kind === 'error' ? dots.message : '', /not usable.*dots/);
      const long = parse(200, { id: 'x'.repeat(300) });
      assert.match(long.kind === 'error' ? long.message : '', /longer than 256/);
    });

    it('HTML or an empty body: an error, the task may exist', () => {
      assert.deepEqual(parse(200, '<!DOCTYPE html><html><body>Welcome</body></html>'), { kind: 'error', message: 'the server answered with a web page, not JSON', unsure: true });
      assert.deepEqual(parse(200, '  \n<html>'), { kind: 'error', message: 'the server answered with a web page, not JSON', unsure: true });
      assert.deepEqual(parse(200, ''), { kind: 'error', message: 'the answer is not JSON', unsure: true });
      assert.deepEqual(parse(200, '   '), { kind: 'error', message: 'the answer is not JSON', unsure: true });
      assert.deepEqual(parse(200, '{"id":"vgen_'), { kind: 'error', message: 'the answer is not JSON', unsure: true });
    });
  });

  describe('refusals', () => {
    it('400 with each message shape', () => {
      const shapes: unknown[] = [
        { message: 'prompt is required' },
        { error: 'prompt is required' },
        { error: { message: 'prompt is required', type: 'invalid_request_error' } },
        { msg: 'prompt is required' },
        { detail: 'prompt is required' },
        { code: 400, message: '  prompt is required  ' },
      ];
      for (const body of shapes) assert.deepEqual(parse(400, body), { kind: 'refused', status: 400, message: 'prompt is required' }, JSON.stringify(body));
      // the first usable one wins, in the order message, error, error.message, msg, detail
      assert.equal(serverMessage({ message: '', error: { message: 'nested' }, msg: 'msg' }), 'nested');
      assert.equal(serverMessage({ error: 'flat', msg: 'msg' }), 'flat');
      assert.equal(serverMessage({ msg: '  ', detail: 'detail' }), 'detail');
    });

    it('400 without a usable message: refused, no message', () => {
      for (const body of ['', '<html><body>Bad Request</body></html>', '{}', '{"error":{"code":1}}', '{"detail":[{"loc":["prompt"]}]}', '[]', '"text"']) {
        assert.deepEqual(parse(400, body), { kind: 'refused', status: 400, message: undefined }, body);
      }
      assert.deepEqual(parse(404, { error: { message: 'No route' } }), { kind: 'refused', status: 404, message: 'No route' });
      assert.deepEqual(parse(422, { detail: 'bad field' }), { kind: 'refused', status: 422, message: 'bad field' });
    });

    it('401 and 403: unauthorized, whatever the body', () => {
      assert.deepEqual(parse(401, { error: { message: 'Invalid API key' } }), { kind: 'unauthorized', status: 401 });
      assert.deepEqual(parse(401, ''), { kind: 'unauthorized', status: 401 });
      assert.deepEqual(parse(403, '<html>Forbidden</html>'), { kind: 'unauthorized', status: 403 });
    });

    it('429 with Retry-After in seconds or as a date, and without', () => {
      assert.deepEqual(parse(429, { error: { message: 'slow down' } }, '30'), { kind: 'rateLimited', retryAfterMs: 30_000, message: 'slow down' });
      assert.deepEqual(parse(429, '', 'Thu, 15 Jan 2026 12:02:00 GMT'), { kind: 'rateLimited', retryAfterMs: 120_000, message: undefined });
      assert.deepEqual(parse(429, { msg: 'too many' }), { kind: 'rateLimited', retryAfterMs: undefined, message: 'too many' });
      for (const junk of ['-5', 'abc', '']) assert.deepEqual(parse(429, '', junk), { kind: 'rateLimited', retryAfterMs: undefined, message: undefined }, junk);
    });

    it('5xx: an error that says the task may exist, with the reason when JSON gives one', () => {
      assert.deepEqual(parse(500, { error: { message: 'upstream failed' } }), { kind: 'error', message: 'HTTP 500 from the VEO API: upstream failed', unsure: true });
      for (const status of [502, 503, 504]) {
        assert.deepEqual(parse(status, '<html><body><h1>Bad Gateway</h1></body></html>'), { kind: 'error', message: `HTTP ${status} from the VEO API`, unsure: true });
      }
      assert.deepEqual(parse(503, ''), { kind: 'error', message: 'HTTP 503 from the VEO API', unsure: true });
    });

    it('a redirect is not followed and is not taken for a created task', () => {
      const o = parse(302, '<html>Found</html>');
      assert.equal(o.kind, 'error');
      assert.match(o.kind === 'error' ? o.message : '', /HTTP 302/);
    });
  });

  describe('messages are plain text, capped', () => {
    it('control, line-break and text-direction characters out; markup kept as text', () => {
      const o = parse(400, { error: { message: 'bad\u0007 prompt\r\nline two\u202e\u200b [Set key](command:x) <b>now</b>' } });
      assert.deepEqual(o, { kind: 'refused', status: 400, message: 'bad prompt  line two [Set key](command:x) <b>now</b>' });
    });

    it('at most 300 characters of the server\'s reason, in every outcome', () => {
      const long = 'é'.repeat(1000);
      const refused = parse(400, { message: long });
      assert.equal(refused.kind === 'refused' && refused.message?.length, 300);
      const limited = parse(429, { error: long }, '1');
      assert.equal(limited.kind === 'rateLimited' && limited.message?.length, 300);
      const server = parse(500, { detail: long });
      assert.equal(server.kind === 'error' && server.message, `HTTP 500 from the VEO API: ${'é'.repeat(300)}`);
      const noId = parse(200, { msg: long });
      assert.equal(noId.kind === 'error' && noId.message, `the answer has no task id (${'é'.repeat(300)})`);
      // a cut never splits a surrogate pair
      const fox = parse(400, { message: `a${'🦊'.repeat(200)}` });
      assert.equal(fox.kind === 'refused' && fox.message, `a${'🦊'.repeat(149)}`);
    });
  });
});

describe('newTaskId', () => {
  it('only non-empty strings', () => {
    assert.equal(newTaskId({ id: 'a' }), 'a');
    assert.equal(newTaskId({ task_id: 'b' }), 'b');
    assert.equal(newTaskId({ data: { projectId: 'c' } }), 'c');
    for (const v of [undefined, null, 'a', 1, {}, { id: 1 }, { task_id: '' }, { data: 'x' }, { data: { id: 'nested' } }]) assert.equal(newTaskId(v), undefined, JSON.stringify(v));
  });
});
