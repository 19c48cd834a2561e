import * as assert from 'node:assert/strict';
import type { CreateResult } from '../../../src/create/creator';
import { FormStatus, parseFormMessage, resultStatus, savedFormValues } from '../../../src/create/formMessages';

const MAX_FIELD = 8192;
const FULL = {
  prompt: 'a red fox in the snow',
  model: 'veo_3_1_pro',
  resolution: '1080p',
  aspectRatio: '9:16',
  mode: 'reference',
  referenceImages: ['https://example.com/a.png', 'https://example.com/b.png'],
  firstFrame: 'https://example.com/first.png',
  lastFrame: 'https://example.com/last.png',
};

/** HH:MM of `ms` in this machine's time zone, as the form shows it. */
function hhmm(ms: number): string {
  // Rounded up to the minute, as the form does (never an earlier time than the server's).
  const d = new Date(Math.ceil(ms / 60_000) * 60_000);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

describe('parseFormMessage', () => {
  it('ignores anything that is not one of the page messages', () => {
    const garbage: unknown[] = [
      undefined,
      null,
      0,
      'generate',
      true,
      [],
      ['generate'],
      {},
      { type: 'submit', values: FULL },
      { type: 'GENERATE', values: FULL },
      { type: 'generate' },
      { type: 'generate', values: null },
      { type: 'generate', values: 'prompt=x' },
      { type: 'change', values: 42 },
      { type: 'action' },
      { type: 'action', action: 'deleteEverything' },
      { type: 'action', action: 'toString' },
      { type: 'action', action: '__proto__' },
      { type: 'action', action: ['setApiKey'] },
      { type: 'action', action: 'SETAPIKEY' },
      { type: ['generate'], values: FULL },
    ];
    for (const raw of garbage) assert.equal(parseFormMessage(raw), undefined, JSON.stringify(raw));
  });

  it('passes change and generate with the known fields as strings', () => {
    assert.deepEqual(parseFormMessage({ type: 'generate', values: FULL }), { type: 'generate', values: FULL });
    assert.deepEqual(parseFormMessage({ type: 'change', values: FULL }), { type: 'change', values: FULL });
    assert.deepEqual(parseFormMessage({ type: 'change', values: {} }), { type: 'change', values: {} });
  });

  it('drops unknown fields, the message\'s own extra keys, and values of the wrong type', () => {
    // As the page's message arrives (structured clone / JSON): `__proto__` is an own key.
    const raw: unknown = JSON.parse(
      JSON.stringify({
        type: 'generate',
        extra: 'ignored',
        values: {
          prompt: 'p',
          model: 42,
          resolution: { toString: 'x' },
          aspectRatio: null,
          mode: ['text'],
          referenceImages: { 0: 'https://example.com/a.png' },
          firstFrame: true,
          apiKey: 'sk-secret',
          baseUrl: 'http://evil.example',
          constructor: 'x',
        },
      }).replace('"constructor"', '"__proto__":{"polluted":true},"constructor"'),
    );
    const parsed = parseFormMessage(raw);
    assert.deepEqual(parsed, { type: 'generate', values: { prompt: 'p' } });
    assert.equal(Object.getPrototypeOf(parsed && parsed.type === 'generate' ? parsed.values : {}), Object.prototype);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('reference images: strings only, at most 10, each capped', () => {
    const long = 'https://example.com/' + 'x'.repeat(MAX_FIELD * 2);
    const images = [1, 'https://example.com/1.png', null, long, ...Array.from({ length: 20 }, (_, i) => `https://example.com/${i}.png`)];
    const parsed = parseFormMessage({ type: 'change', values: { referenceImages: images } });
    assert.ok(parsed && parsed.type === 'change');
    const got = parsed.values.referenceImages as string[];
    assert.equal(got.length, 10);
    assert.ok(got.every((x) => typeof x === 'string'));
    assert.equal(got[0], 'https://example.com/1.png');
    assert.equal(got[1], long.slice(0, MAX_FIELD));
  });

  it(`caps every string field at ${MAX_FIELD} characters`, () => {
    const huge = 'y'.repeat(MAX_FIELD * 10 + 3);
    const values = Object.fromEntries(Object.keys(FULL).filter((k) => k !== 'referenceImages').map((k) => [k, huge]));
    const parsed = parseFormMessage({ type: 'generate', values });
    assert.ok(parsed && parsed.type === 'generate');
    for (const [k, v] of Object.entries(parsed.values)) assert.equal((v as string).length, MAX_FIELD, k);
    assert.equal(Object.keys(parsed.values).length, 7);
    const exact = parseFormMessage({ type: 'change', values: { prompt: 'z'.repeat(MAX_FIELD) } });
    assert.ok(exact && exact.type === 'change');
    assert.equal((exact.values.prompt as string).length, MAX_FIELD);
  });

  it('passes only the known actions, without extra keys', () => {
    for (const action of ['setApiKey', 'openSettings', 'showTask'] as const) {
      assert.deepEqual(parseFormMessage({ type: 'action', action, taskId: 'vgen_other', command: 'workbench.action.closeWindow' }), { type: 'action', action });
    }
  });
});

describe('resultStatus', () => {
  // 2025-10-28 09:58:30 local time: a retry after 90 s crosses the minute and the hour.
  const NOW = new Date(2025, 9, 28, 9, 58, 30).getTime();

  it('created: "Now tracking <id>." with Show Task and the id', () => {
    assert.deepEqual(resultStatus({ kind: 'created', id: 'vgen_abc123' }, NOW), {
      kind: 'created',
      message: 'Now tracking vgen_abc123.',
      action: 'showTask',
      taskId: 'vgen_abc123',
    } satisfies FormStatus);
  });

  it('cancelled: nothing to say', () => {
    assert.equal(resultStatus({ kind: 'cancelled' }, NOW), undefined);
  });

  it('noKey and unauthorized: failed, with Set API Key', () => {
    const noKey = resultStatus({ kind: 'noKey' }, NOW);
    assert.equal(noKey?.kind, 'failed');
    assert.equal(noKey?.action, 'setApiKey');
    assert.match(noKey!.message, /No API key is set, so nothing was sent\./);
    for (const status of [401, 403]) {
      const s = resultStatus({ kind: 'unauthorized', status }, NOW);
      assert.equal(s?.kind, 'failed');
      assert.equal(s?.action, 'setApiKey');
      assert.equal(s?.message, `The VEO API refused the API key (HTTP ${status}). Nothing was created.`);
      assert.equal(s?.taskId, undefined);
    }
  });

  it('badBaseUrl: its message, "Nothing was sent.", with Open Settings', () => {
    const s = resultStatus({ kind: 'badBaseUrl', message: 'veo.baseUrl is not an http(s) URL.' }, NOW);
    assert.deepEqual(s, { kind: 'failed', message: 'veo.baseUrl is not an http(s) URL. Nothing was sent.', action: 'openSettings' });
  });

  it('rateLimited with Retry-After: the local HH:MM to try again after, no action', () => {
    const s = resultStatus({ kind: 'rateLimited', retryAfterMs: 90_000 }, NOW);
    assert.equal(s?.kind, 'failed');
    assert.equal(s?.action, undefined);
    assert.equal(hhmm(NOW + 90_000), '10:00');
    assert.equal(s?.message, 'The VEO API is rate limiting requests (HTTP 429). Try again after 10:00. Nothing was created.');
    assert.match(resultStatus({ kind: 'rateLimited', retryAfterMs: 0 }, NOW)!.message, new RegExp(`Try again after ${hhmm(NOW)}\\.`));
  });

  it('rateLimited with an absurd Retry-After: at most a day ahead', () => {
    const s = resultStatus({ kind: 'rateLimited', retryAfterMs: 1e15 }, NOW);
    assert.match(s!.message, new RegExp(`Try again after ${hhmm(NOW + 24 * 3_600_000)}\\.`));
    assert.ok(!/NaN|Invalid/.test(s!.message));
  });

  it('rateLimited without Retry-After: wait a minute', () => {
    const s = resultStatus({ kind: 'rateLimited' }, NOW);
    assert.deepEqual(s, { kind: 'failed', message: 'The VEO API is rate limiting requests (HTTP 429). Wait a minute before trying again. Nothing was created.' });
  });

  it('refused with and without the server\'s message', () => {
    const withMessage = resultStatus({ kind: 'refused', status: 400, message: 'veo_3_1_pro_stable does not support 4K.' }, NOW);
    assert.deepEqual(withMessage, {
      kind: 'failed',
      message: 'The VEO API refused the request (HTTP 400): veo_3_1_pro_stable does not support 4K. Nothing was created; adjust the request and try again.',
    });
    const without = resultStatus({ kind: 'refused', status: 422 }, NOW);
    assert.deepEqual(without, { kind: 'failed', message: 'The VEO API refused the request (HTTP 422). Nothing was created; adjust the request and try again.' });
    assert.equal(resultStatus({ kind: 'refused', status: 404, message: '' }, NOW)?.message, without!.message.replace('422', '404'));
  });

  it('error, sure nothing reached the server: capitalized, "Nothing was sent; try again."', () => {
    const s = resultStatus({ kind: 'error', message: 'connection refused (ECONNREFUSED)', unsure: false }, NOW);
    assert.deepEqual(s, { kind: 'failed', message: 'Connection refused (ECONNREFUSED). Nothing was sent; try again.' });
    assert.equal(resultStatus({ kind: 'error', message: 'x' }, NOW)?.message, 'X. Nothing was sent; try again.');
  });

  it('error, unsure: "may have been created anyway", never "Nothing was sent"', () => {
    const s = resultStatus({ kind: 'error', message: 'HTTP 503 from the VEO API', unsure: true }, NOW);
    assert.equal(s?.kind, 'failed');
    assert.equal(s?.action, undefined);
    assert.match(s!.message, /^HTTP 503 from the VEO API\. The task may have been created anyway: check the Tasks view/);
    assert.ok(!/Nothing was sent/.test(s!.message));
  });

  it('every failure is plain text without an id to show, and every result kind has its wording', () => {
    const all: CreateResult[] = [
      { kind: 'created', id: 'vgen_1' },
      { kind: 'cancelled' },
      { kind: 'noKey' },
      { kind: 'badBaseUrl', message: 'm.' },
      { kind: 'unauthorized', status: 401 },
      { kind: 'rateLimited', retryAfterMs: 1000 },
      { kind: 'refused', status: 400, message: '<b>bad</b>' },
      { kind: 'error', message: 'e', unsure: true },
    ];
    for (const r of all) {
      const s = resultStatus(r, NOW);
      if (r.kind === 'cancelled') continue;
      assert.ok(s && s.message.length > 0, r.kind);
      if (r.kind !== 'created') {
        assert.equal(s.kind, 'failed', r.kind);
        assert.equal(s.taskId, undefined, r.kind);
      }
    }
  });
});

describe('savedFormValues', () => {
  it('gives back the known fields a form page saved, checked like its messages', () => {
    const saved = JSON.parse('{"values":{"prompt":"a heron","model":"veo_3_1_pro","referenceImages":["https://a.example/1.png",7],"__proto__":{"polluted":1},"onload":"x"}}');
    assert.deepEqual(savedFormValues(saved), { prompt: 'a heron', model: 'veo_3_1_pro', referenceImages: ['https://a.example/1.png'] });
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('is empty for anything that is not a saved form', () => {
    for (const state of [undefined, null, 0, 'prompt', [], {}, { values: null }, { values: 'prompt' }, { values: ['prompt'] }, { prompt: 'not under values' }]) {
      assert.deepEqual(savedFormValues(state), {}, JSON.stringify(state));
    }
  });
});
