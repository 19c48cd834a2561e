import * as assert from 'node:assert/strict';
import { isKnownStatus, KNOWN_STATUSES, parseTaskResult, TaskResult } from '../../../src/api/taskResult';

const ID = 'vgen_abc123def456';

function body(fields: Record<string, unknown>): string {
  return JSON.stringify({ id: ID, object: 'video', created: 1761635478, model: 'veo_3_1_fast', video_url: null, error: null, ...fields });
}

function ok(text: string, id = ID): TaskResult {
  const r = parseTaskResult(text, id);
  if (!r.ok) assert.fail(`expected ok, got: ${r.message}`);
  return r.result;
}

function fail(text: string, id = ID): string {
  const r = parseTaskResult(text, id);
  if (r.ok) assert.fail(`expected an error, got ${JSON.stringify(r.result)}`);
  return r.message;
}

describe('parseTaskResult', () => {
  it('parses the documented processing example', () => {
    const text = '{"id":"vgen_abc123def456","object":"video","created":1761635478,"model":"veo_3_1_fast","status":"processing","video_url":null,"error":null}';
    assert.deepEqual(ok(text), {
      id: ID,
      object: 'video',
      created: 1761635478,
      model: 'veo_3_1_fast',
      status: 'processing',
      video_url: null,
      actualDuration: undefined,
      error: null,
    });
  });

  it('parses queued', () => {
    const r = ok(body({ status: 'queued' }));
    assert.equal(r.status, 'queued');
    assert.equal(r.video_url, null);
    assert.equal(r.error, null);
    assert.equal(r.created, 1761635478);
  });

  it('parses completed with video_url and actualDuration', () => {
    const r = ok(body({ status: 'completed', video_url: 'https://cdn.example.com/v/abc.mp4?sig=1', actualDuration: 8 }));
    assert.equal(r.status, 'completed');
    assert.equal(r.video_url, 'https://cdn.example.com/v/abc.mp4?sig=1');
    assert.equal(r.actualDuration, 8);
    assert.equal(r.error, null);
  });

  it('parses failed with an error string', () => {
    const r = ok(body({ status: 'failed', error: 'content policy violation' }));
    assert.equal(r.status, 'failed');
    assert.equal(r.error, 'content policy violation');
    assert.equal(r.video_url, null);
  });

  it('accepts a minimal body with only id and status', () => {
    assert.deepEqual(ok(`{"id":"${ID}","status":"queued"}`), {
      id: ID,
      object: undefined,
      created: undefined,
      model: undefined,
      status: 'queued',
      video_url: null,
      actualDuration: undefined,
      error: null,
    });
  });

  it('keeps an unknown status as-is', () => {
    const r = ok(body({ status: 'upscaling' }));
    assert.equal(r.status, 'upscaling');
    assert.equal(isKnownStatus(r.status), false);
  });

  it('accepts an http video_url too', () => {
    assert.equal(ok(body({ status: 'completed', video_url: 'http://127.0.0.1:8787/v.mp4' })).video_url, 'http://127.0.0.1:8787/v.mp4');
  });

  it('turns an error given as an object into its JSON text', () => {
    assert.equal(ok(body({ status: 'failed', error: { code: 'E42', message: 'boom' } })).error, '{"code":"E42","message":"boom"}');
    assert.equal(ok(body({ status: 'failed', error: 7 })).error, '7');
  });

  it('refuses an empty body', () => {
    assert.equal(fail(''), 'empty response body');
    assert.equal(fail(' \n '), 'empty response body');
  });

  it('refuses HTML', () => {
    assert.equal(fail('<!DOCTYPE html><html><body>502 Bad Gateway</body></html>'), 'the server answered with an HTML page, not JSON');
    assert.equal(fail('\n  <html>'), 'the server answered with an HTML page, not JSON');
  });

  it('refuses truncated JSON', () => {
    assert.equal(fail(body({ status: 'processing' }).slice(0, 40)), 'the response is not valid JSON');
    assert.equal(fail('OK'), 'the response is not valid JSON');
  });

  it('refuses JSON that is not an object', () => {
    assert.equal(fail(`[${body({ status: 'queued' })}]`), 'the response is not a JSON object');
    assert.equal(fail('null'), 'the response is not a JSON object');
    assert.equal(fail('"completed"'), 'the response is not a JSON object');
    assert.equal(fail('42'), 'the response is not a JSON object');
  });

  it('refuses a missing, empty or non-string status', () => {
    assert.equal(fail(`{"id":"${ID}"}`), 'the response has no "status"');
    assert.equal(fail(body({ status: '' })), 'the response has no "status"');
    assert.equal(fail(body({ status: 3 })), 'the response has no "status"');
  });

  it('refuses a missing id', () => {
    assert.equal(fail('{"status":"queued"}'), 'the response has no "id"');
    assert.equal(fail(body({ status: 'queued', id: 12 })), 'the response has no "id"');
  });

  it('refuses a response for another task', () => {
    assert.equal(fail(body({ status: 'queued' }), 'vgen_other'), `the response is for another task (${ID})`);
  });

  it('refuses wrong types for optional fields', () => {
    assert.equal(fail(body({ status: 'queued', created: '1761635478' })), '"created" is not a number');
    assert.equal(fail(body({ status: 'queued', object: 1 })), '"object" is not a string');
    assert.equal(fail(body({ status: 'queued', model: ['veo'] })), '"model" is not a string');
    assert.equal(fail(body({ status: 'completed', video_url: 'https://x/v.mp4', actualDuration: '8' })), '"actualDuration" is not a number');
  });

  it('refuses completed without a video_url', () => {
    assert.equal(fail(body({ status: 'completed' })), 'completed without a "video_url"');
    assert.equal(fail(`{"id":"${ID}","status":"completed"}`), 'completed without a "video_url"');
  });

  it('refuses a video_url that is not http(s)', () => {
    assert.equal(fail(body({ status: 'completed', video_url: 'ftp://x/v.mp4' })), '"video_url" is not an http(s) URL');
    assert.equal(fail(body({ status: 'completed', video_url: 'javascript:alert(1)' })), '"video_url" is not an http(s) URL');
    assert.equal(fail(body({ status: 'completed', video_url: 'not a url' })), '"video_url" is not an http(s) URL');
    assert.equal(fail(body({ status: 'completed', video_url: 5 })), '"video_url" is not an http(s) URL');
  });

  it('normalises null optional fields to undefined', () => {
    const r = ok(body({ status: 'completed', video_url: 'https://x/v.mp4', created: null, actualDuration: null, model: null, object: null }));
    assert.equal(r.created, undefined);
    assert.equal(r.actualDuration, undefined);
    assert.equal(r.model, undefined);
    assert.equal(r.object, undefined);
  });
});

describe('isKnownStatus', () => {
  it('knows exactly the four documented statuses', () => {
    assert.deepEqual([...KNOWN_STATUSES], ['queued', 'processing', 'completed', 'failed']);
    for (const s of KNOWN_STATUSES) assert.equal(isKnownStatus(s), true);
    assert.equal(isKnownStatus('Completed'), false);
    assert.equal(isKnownStatus(''), false);
    assert.equal(isKnownStatus('cancelled'), false);
  });
});
