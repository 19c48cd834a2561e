/**
 * Pure pieces of the simulator: clocks, task timeline, range parsing,
 * fault parsing and the fault queue, synthetic bytes, create validation.
 */
import * as assert from 'node:assert/strict';
import { ManualClock, RealClock } from '../../../sim/clock';
import { FaultQueue, FaultSyntaxError, parseFaultSpec } from '../../../sim/faults';
import { parseRange } from '../../../sim/range';
import { createSyntheticStream, fillSynthetic, SYNTHETIC_PERIOD, syntheticByte, syntheticRange, verifySynthetic } from '../../../sim/synthetic';
import { SimTask } from '../../../sim/tasks';
import { validateCreateRequest } from '../../../sim/validation';

describe('sim clocks', () => {
  it('manual clock moves only on advance and rejects negative steps', () => {
    const clock = new ManualClock(1_000_000);
    assert.equal(clock.now(), 1_000_000);
    clock.advance(2_500);
    assert.equal(clock.now(), 1_002_500);
    assert.throws(() => clock.advance(-1), RangeError);
    assert.throws(() => clock.advance(Number.NaN), RangeError);
  });

  it('real clock follows the wall clock times speed, plus advances', () => {
    let wall = 5_000;
    const clock = new RealClock(10, 1_000_000, () => wall);
    assert.equal(clock.now(), 1_000_000);
    wall += 100;
    assert.equal(clock.now(), 1_001_000);
    clock.advance(60_000);
    assert.equal(clock.now(), 1_061_000);
    assert.throws(() => new RealClock(0), RangeError);
  });
});

describe('sim task timeline', () => {
  const t0 = 1_700_000_000_000;

  it('is queued, then processing, then its outcome, at exact boundaries', () => {
    const task = new SimTask({ queuedMs: 1000, processingMs: 2000 }, t0);
    assert.equal(task.created, 1_700_000_000);
    assert.equal(task.statusAt(t0), 'queued');
    assert.equal(task.statusAt(t0 + 999), 'queued');
    assert.equal(task.statusAt(t0 + 1000), 'processing');
    assert.equal(task.statusAt(t0 + 2999), 'processing');
    assert.equal(task.statusAt(t0 + 3000), 'completed');
    assert.equal(task.completedAtMs, t0 + 3000);
    const failed = new SimTask({ queuedMs: 0, processingMs: 10, outcome: 'failed' }, t0);
    assert.equal(failed.statusAt(t0), 'processing');
    assert.equal(failed.statusAt(t0 + 10), 'failed');
  });

  it('uses `created` seconds as the timeline base and defaults', () => {
    const task = new SimTask({ created: 1_600_000_000 }, t0);
    assert.equal(task.createdMs, 1_600_000_000_000);
    assert.equal(task.model, 'veo_3_1_fast');
    assert.match(task.id, /^vgen_[0-9a-f]{12}$/);
    assert.equal(task.completedAtMs, 1_600_000_000_000 + 20_000 + 60_000);
    assert.throws(() => new SimTask({ queuedMs: -5 }, t0), RangeError);
  });

  it('reports documented fields in order; actualDuration only when completed', () => {
    const task = new SimTask({ id: 'x', queuedMs: 0, processingMs: 5, actualDuration: 7.5 }, t0);
    assert.deepEqual(Object.keys(task.resultAt(t0, 'U')), ['id', 'object', 'created', 'model', 'status', 'video_url', 'error']);
    const done = task.resultAt(t0 + 5, 'U');
    assert.deepEqual(Object.keys(done), ['id', 'object', 'created', 'model', 'status', 'video_url', 'actualDuration', 'error']);
    assert.equal(done.video_url, 'U');
    assert.equal(done.actualDuration, 7.5);
  });

  it('a forced status holds forever', () => {
    const task = new SimTask({ status: 'paused' }, t0);
    assert.equal(task.statusAt(t0 + 10 * 86_400_000), 'paused');
    assert.equal(task.resultAt(t0, 'U').video_url, null);
  });
});

describe('sim range parsing', () => {
  it('parses a-b, a-, -n and clamps the end', () => {
    assert.deepEqual(parseRange('bytes=0-9', 100), { kind: 'partial', start: 0, end: 9 });
    assert.deepEqual(parseRange('bytes=90-', 100), { kind: 'partial', start: 90, end: 99 });
    assert.deepEqual(parseRange('bytes=-10', 100), { kind: 'partial', start: 90, end: 99 });
    assert.deepEqual(parseRange('bytes=-500', 100), { kind: 'partial', start: 0, end: 99 });
    assert.deepEqual(parseRange('bytes=50-1000', 100), { kind: 'partial', start: 50, end: 99 });
  });

  it('reports unsatisfiable ranges and ignores malformed or multiple ones', () => {
    assert.deepEqual(parseRange('bytes=100-', 100), { kind: 'unsatisfiable' });
    assert.deepEqual(parseRange('bytes=-0', 100), { kind: 'unsatisfiable' });
    assert.deepEqual(parseRange('bytes=5-1', 100), { kind: 'full' });
    assert.deepEqual(parseRange('items=0-1', 100), { kind: 'full' });
    assert.deepEqual(parseRange('bytes=0-1,5-6', 100), { kind: 'full' });
    assert.deepEqual(parseRange(undefined, 100), { kind: 'full' });
  });
});

describe('sim fault spec parsing', () => {
  it('parses shorthands', () => {
    assert.deepEqual(parseFaultSpec('429'), [{ kind: 'status', code: 429 }]);
    assert.deepEqual(parseFaultSpec('429:120'), [{ kind: 'status', code: 429, retryAfter: '120' }]);
    assert.deepEqual(parseFaultSpec('429:Wed, 21 Oct 2026 07:28:00 GMT'), [
      { kind: 'status', code: 429, retryAfter: 'Wed, 21 Oct 2026 07:28:00 GMT' },
    ]);
    assert.deepEqual(parseFaultSpec('delay:250'), [{ kind: 'delay', ms: 250 }]);
    assert.deepEqual(parseFaultSpec('reset'), [{ kind: 'reset' }]);
    assert.deepEqual(parseFaultSpec('reset:10'), [{ kind: 'reset', afterBytes: 10 }]);
    assert.deepEqual(parseFaultSpec('stopEarly:1000'), [{ kind: 'stopEarly', afterBytes: 1000 }]);
    assert.deepEqual(parseFaultSpec('huge:2048'), [{ kind: 'huge', bytes: 2048 }]);
    assert.deepEqual(parseFaultSpec('unknownStatus'), [{ kind: 'unknownStatus' }]);
    assert.deepEqual(parseFaultSpec('unknownStatus:exploded'), [{ kind: 'unknownStatus', status: 'exploded' }]);
    for (const k of ['html', 'empty', 'truncated', 'wrongShape'] as const) assert.deepEqual(parseFaultSpec(k), [{ kind: k }]);
  });

  it('parses JSON objects and arrays, and rejects nonsense', () => {
    assert.deepEqual(parseFaultSpec('[{"kind":"delay","ms":5},{"kind":"status","code":503}]'), [
      { kind: 'delay', ms: 5 },
      { kind: 'status', code: 503 },
    ]);
    assert.throws(() => parseFaultSpec('explode'), FaultSyntaxError);
    assert.throws(() => parseFaultSpec('delay'), FaultSyntaxError);
    assert.throws(() => parseFaultSpec('delay:-3'), FaultSyntaxError);
    assert.throws(() => parseFaultSpec('{"kind":"status","code":999}'), FaultSyntaxError);
    assert.throws(() => parseFaultSpec('{oops'), FaultSyntaxError);
  });
});

describe('sim fault queue', () => {
  it('hits the next N matching requests on the right server, then stops', () => {
    const q = new FaultQueue();
    q.add({ kind: 'status', code: 500 }, { times: 2 });
    q.add({ kind: 'stopEarly', afterBytes: 5 });
    assert.equal(q.take('video', undefined).response?.kind, 'stopEarly');
    assert.equal(q.take('video', undefined).response, undefined);
    assert.equal(q.take('api', 'a').response?.kind, 'status');
    assert.equal(q.take('api', 'b').response?.kind, 'status');
    assert.equal(q.take('api', 'c').response, undefined);
    assert.equal(q.pending().length, 0);
  });

  it('matches a task id only, and combines one delay with one response fault', () => {
    const q = new FaultQueue();
    q.add({ kind: 'html' }, { taskId: 't1', times: -1 });
    q.add({ kind: 'delay', ms: 5 });
    q.add({ kind: 'empty' });
    const first = q.take('api', 't1');
    assert.deepEqual(first, { response: { kind: 'html' }, delay: { kind: 'delay', ms: 5 } });
    assert.deepEqual(q.take('api', 't2'), { response: { kind: 'empty' } });
    assert.deepEqual(q.take('api', 't1'), { response: { kind: 'html' } });
    assert.equal(q.pending().length, 1);
    assert.throws(() => q.add({ kind: 'html' }, { times: 0 }), RangeError);
  });
});

describe('sim synthetic bytes', () => {
  it('fillSynthetic agrees with syntheticByte across period boundaries', () => {
    for (const offset of [0, 1, SYNTHETIC_PERIOD - 3, 5 * SYNTHETIC_PERIOD - 100, 1024 ** 3 - 50]) {
      const buf = syntheticRange(offset, offset + 300);
      for (let i = 0; i < buf.length; i++) assert.equal(buf[i], syntheticByte(offset + i), `offset ${offset + i}`);
    }
  });

  it('differs between periods and verifySynthetic locates a mismatch', () => {
    assert.notDeepEqual(syntheticRange(0, 63), syntheticRange(SYNTHETIC_PERIOD, SYNTHETIC_PERIOD + 63));
    const buf = Buffer.alloc(3 * SYNTHETIC_PERIOD);
    fillSynthetic(buf, 12_345);
    assert.equal(verifySynthetic(buf, 12_345), -1);
    assert.equal(verifySynthetic(buf, 12_346), 0);
    buf[100_000] ^= 0xff;
    assert.equal(verifySynthetic(buf, 12_345), 100_000);
  });

  it('streams exactly the requested range', async () => {
    const chunks: Buffer[] = [];
    for await (const c of createSyntheticStream(70_000, 270_000, 10_000)) chunks.push(c as Buffer);
    const all = Buffer.concat(chunks);
    assert.equal(all.length, 200_001);
    assert.equal(verifySynthetic(all, 70_000), -1);
  });
});

describe('sim create validation', () => {
  it('accepts valid bodies and normalizes resolution', () => {
    const ok = validateCreateRequest({ model: 'veo_3_1_pro', prompt: 'a cat', resolution: '4k', aspect_ratio: '9:16', image_urls: ['https://x/1.png'] });
    assert.deepEqual(ok, {
      ok: true,
      value: { model: 'veo_3_1_pro', prompt: 'a cat', resolution: '4K', aspect_ratio: '9:16', mode: 'reference', images: ['https://x/1.png'] },
    });
    const defaults = validateCreateRequest({ model: 'veo_3_1_fast_stable', prompt: 'x', first_image: 'https://x/a.png' });
    assert.equal(defaults.ok && defaults.value.resolution, '720p');
    assert.equal(defaults.ok && defaults.value.aspect_ratio, '16:9');
  });

  it('rejects each invalid field with a message naming it', () => {
    const cases: [unknown, RegExp][] = [
      [[], /JSON object/],
      [{ prompt: 'x' }, /model is required/],
      [{ model: 'veo_2', prompt: 'x' }, /model must be one of/],
      [{ model: 'veo_3_1_fast', prompt: '  ' }, /prompt/],
      [{ model: 'veo_3_1_fast', prompt: 'x', resolution: '8K' }, /resolution/],
      [{ model: 'veo_3_1_pro_stable', prompt: 'x', resolution: '4K' }, /4K is not available/],
      [{ model: 'veo_3_1_fast', prompt: 'x', aspect_ratio: '4:3' }, /aspect_ratio/],
      [{ model: 'veo_3_1_fast', prompt: 'x', input_reference: ['https://a', 'https://b', 'https://c', 'https://d'] }, /at most 3/],
      [{ model: 'veo_3_1_fast', prompt: 'x', image_urls: 'https://a' }, /array/],
      [{ model: 'veo_3_1_fast', prompt: 'x', image_urls: ['not a url'] }, /invalid URL/],
      [{ model: 'veo_3_1_fast_stable', prompt: 'x', image_urls: ['https://a'] }, /first\/last frame/],
    ];
    for (const [body, pattern] of cases) {
      const r = validateCreateRequest(body);
      assert.equal(r.ok, false, JSON.stringify(body));
      if (!r.ok) assert.match(r.message, pattern);
    }
  });
});
