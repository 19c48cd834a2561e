import * as assert from 'node:assert/strict';
import {
  MAX_ACTUAL_DURATION_SECONDS,
  MAX_CREATED_SECONDS,
  MAX_ERROR_LENGTH,
  MAX_MODEL_LENGTH,
  MAX_STATUS_LENGTH,
  MAX_VIDEO_URL_LENGTH,
} from '../../../src/api/resultFields';
import { isKnownStatus, KNOWN_STATUSES, parseTaskResult, TaskResult } from '../../../src/api/taskResult';

const ID = 'vgen_abc123def456';

function body(fields: Record<string, unknown>): string {
  return JSON.stringify({ id: ID, object: 'video', created: 1761635478, model: 'veo_3_1_fast', video_url: null, error: null, ...fields });
}

function ok(text: string, id = ID, allowLocal = false): TaskResult {
  const r = parseTaskResult(text, id, allowLocal);
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

  it('accepts an http video_url to this machine only, and only when the API is on this machine too', () => {
    for (const url of ['http://127.0.0.1:8787/v.mp4', 'http://localhost/v.mp4', 'http://[::1]:9/v.mp4', 'http://127.8.9.10/v']) {
      assert.equal(ok(body({ status: 'completed', video_url: url }), ID, true).video_url, url);
      assert.match(fail(body({ status: 'completed', video_url: url })), /this machine or a private network/);
    }
    assert.match(fail(body({ status: 'completed', video_url: 'http://cdn.example.com/v.mp4' })), /plain http to another machine/);
    assert.match(fail(body({ status: 'completed', video_url: 'http://127.0.0.1.evil.com/v.mp4' })), /plain http/);
  });

  it('refuses links into this machine or a private network from a remote API (no SSRF)', () => {
    for (const url of ['https://127.0.0.1/v.mp4', 'https://localhost/x', 'https://10.1.2.3/v', 'https://192.168.1.1/v', 'https://172.20.0.1/v', 'https://169.254.169.254/latest/meta-data', 'https://[fd00::1]/v', 'https://[::ffff:7f00:1]/v', 'https://0.0.0.0/v', 'https://a.localhost/v']) {
      assert.match(fail(body({ status: 'completed', video_url: url })), /this machine or a private network/, url);
    }
    assert.equal(ok(body({ status: 'completed', video_url: 'https://172.32.0.1/v.mp4' })).video_url, 'https://172.32.0.1/v.mp4');
    assert.equal(ok(body({ status: 'completed', video_url: 'https://cdn.example.com/v.mp4' })).video_url, 'https://cdn.example.com/v.mp4');
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

  it('caps status, model and object at 128 characters and error at 2 KiB', () => {
    const r = ok(body({ status: 's'.repeat(500), model: 'm'.repeat(500), object: 'o'.repeat(500), error: 'e'.repeat(10_000) }));
    assert.equal(MAX_STATUS_LENGTH, 128);
    assert.equal(MAX_MODEL_LENGTH, 128);
    assert.equal(MAX_ERROR_LENGTH, 2048);
    assert.equal(r.status, 's'.repeat(128));
    assert.equal(r.model, 'm'.repeat(128));
    assert.equal(r.object, 'o'.repeat(128));
    assert.equal(r.error, 'e'.repeat(2048));
    assert.equal(ok(body({ status: 'failed', error: { big: 'x'.repeat(5_000) } })).error?.length, 2048);
  });

  it('never cuts a character pair in half', () => {
    const r = ok(body({ status: 'queued', error: `${'e'.repeat(2047)}😀tail` }));
    assert.equal(r.error, 'e'.repeat(2047));
  });

  it('strips control and bidi characters from status, model and error; line breaks become spaces', () => {
    const r = ok(body({ status: 'proc\u0000ess\u202eing', model: 'veo\u001b[31m\u200f', error: 'line 1\r\nline\u00852\u2066' }));
    assert.equal(r.status, 'processing');
    assert.equal(r.model, 'veo[31m');
    assert.equal(r.error, 'line 1  line 2');
    assert.equal(fail(body({ status: '\u0007\u202e' })), 'the response has no "status"');
  });

  it('refuses an id over 256 characters, and echoes another task\'s id cleaned', () => {
    assert.equal(fail(body({ status: 'queued', id: 'x'.repeat(257) })), 'the response has an "id" longer than 256 characters');
    assert.equal(fail(body({ status: 'queued', id: 'other\n[error] forged' })), 'the response is for another task (other [error] forged)');
  });

  it('refuses a video_url over 8 KiB instead of cutting it', () => {
    const base = 'https://cdn.example.com/v.mp4?sig=';
    const exact = base + 'a'.repeat(MAX_VIDEO_URL_LENGTH - base.length);
    assert.equal(ok(body({ status: 'completed', video_url: exact })).video_url, exact);
    assert.equal(fail(body({ status: 'completed', video_url: `${exact}a` })), '"video_url" is longer than 8 KiB');
  });

  it('refuses a video_url with control characters or spaces the URL parser would drop', () => {
    for (const url of ['https://x/v.mp4\n', 'https://x/\tv.mp4', 'https://x/v\u202e.mp4', 'https://x/a b.mp4']) {
      assert.equal(fail(body({ status: 'completed', video_url: url })), '"video_url" contains control characters or spaces', JSON.stringify(url));
    }
  });

  it('drops a created that is not a time in 0 .. 2^32 seconds, and keeps the task', () => {
    assert.equal(MAX_CREATED_SECONDS, 2 ** 32);
    for (const created of [-1, -1e13, 2 ** 32 + 1, 1e300]) assert.equal(ok(body({ status: 'queued', created })).created, undefined, String(created));
    assert.equal(ok(`{"id":"${ID}","status":"queued","created":1e400}`).created, undefined, 'JSON.parse makes Infinity of 1e400');
    assert.equal(ok(body({ status: 'queued', created: 0 })).created, 0);
    assert.equal(ok(body({ status: 'queued', created: 2 ** 32 })).created, 2 ** 32);
  });

  it('drops an actualDuration outside 0 .. 3600 seconds', () => {
    assert.equal(MAX_ACTUAL_DURATION_SECONDS, 3600);
    const duration = (d: number | string) => ok(`{"id":"${ID}","status":"completed","video_url":"https://x/v.mp4","actualDuration":${d}}`).actualDuration;
    for (const d of [-1, 3601, '1e400', '-1e400']) assert.equal(duration(d), undefined, String(d));
    assert.equal(duration(0), 0);
    assert.equal(duration(3600), 3600);
    assert.equal(duration(8.5), 8.5);
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
