/**
 * The simulator's create validation, rule by rule as the API documentation states it
 * (../shared/api/veo-api.md, "Create a task"): first the pure function, then over real
 * sockets (400 + JSON error, no task added, the body kept in the request log).
 */
import * as assert from 'node:assert/strict';
import { FIELD } from '../../../src/request/createFields';
import { FIRST_FRAME_FIELD, LAST_FRAME_FIELD, MODELS, validateCreateRequest } from '../../../sim/validation';
import { auth, getResult, json, request, useSim } from './helpers';

type Body = Record<string, unknown>;
const IMG = (n: number): string => `https://img.example/${n}.png`;
const base = (extra: Body = {}): Body => ({ model: 'veo_3_1_fast', prompt: 'a red fox in the snow', ...extra });

function accepted(body: Body): void {
  const r = validateCreateRequest(body);
  assert.equal(r.ok, true, `should accept ${JSON.stringify(body)}: ${r.ok ? '' : r.message}`);
}

function refused(body: unknown, pattern: RegExp): void {
  const r = validateCreateRequest(body);
  assert.equal(r.ok, false, `should refuse ${JSON.stringify(body)}`);
  if (!r.ok) assert.match(r.message, pattern, JSON.stringify(body));
}

describe('sim create validation: the documented rules', () => {
  it('takes the first/last-frame names from the extension\'s one definition', () => {
    assert.equal(FIRST_FRAME_FIELD, FIELD.firstFrame);
    assert.equal(LAST_FRAME_FIELD, FIELD.lastFrame);
    assert.deepEqual([FIRST_FRAME_FIELD, LAST_FRAME_FIELD], ['first_image', 'last_image']);
  });

  it('knows exactly the four documented models; model is required', () => {
    assert.deepEqual([...MODELS], ['veo_3_1_fast', 'veo_3_1_pro', 'veo_3_1_pro_stable', 'veo_3_1_fast_stable']);
    for (const model of ['veo_3_1_fast', 'veo_3_1_pro', 'veo_3_1_pro_stable']) accepted(base({ model }));
    accepted(base({ model: 'veo_3_1_fast_stable', first_image: IMG(1) }));
    refused({ prompt: 'x' }, /model is required/);
    refused(base({ model: null }), /model is required/);
    for (const model of ['veo_3', 'VEO_3_1_FAST', '', 42, ['veo_3_1_fast']]) refused(base({ model }), /model must be one of/);
  });

  it('needs a non-empty string prompt (no length limit is documented)', () => {
    for (const prompt of [undefined, null, '', '   \n\t', 42, ['a']]) refused(base({ prompt }), /prompt is required/);
    accepted(base({ prompt: 'x' }));
    accepted(base({ prompt: 'line one\nline two' }));
    accepted(base({ prompt: 'p'.repeat(20_000) }));
  });

  it('resolution: 720p default, 1080p, 4K, case-insensitive; 4K only with veo_3_1_fast and veo_3_1_pro', () => {
    const d = validateCreateRequest(base());
    assert.equal(d.ok && d.value.resolution, '720p');
    const cases: [string, string, boolean][] = [];
    for (const model of MODELS) {
      for (const resolution of ['720p', '720P', '1080p', '1080P', '4K', '4k']) {
        const fourK = resolution.toLowerCase() === '4k';
        cases.push([model, resolution, !fourK || model === 'veo_3_1_fast' || model === 'veo_3_1_pro']);
      }
    }
    for (const [model, resolution, ok] of cases) {
      const body = base({ model, resolution, ...(model === 'veo_3_1_fast_stable' ? { first_image: IMG(1) } : {}) });
      if (ok) {
        const r = validateCreateRequest(body);
        assert.ok(r.ok, JSON.stringify(body));
        assert.equal(r.value.resolution, resolution.toLowerCase() === '4k' ? '4K' : resolution.toLowerCase());
      } else refused(body, new RegExp(`4K is not available for ${model}`));
    }
    for (const resolution of ['480p', '8K', '1080', '4K ', '', 1080, true]) refused(base({ resolution }), /resolution must be 720p, 1080p or 4K/);
  });

  it('aspect_ratio: 16:9 default or 9:16, nothing else', () => {
    const d = validateCreateRequest(base());
    assert.equal(d.ok && d.value.aspect_ratio, '16:9');
    accepted(base({ aspect_ratio: '16:9' }));
    accepted(base({ aspect_ratio: '9:16' }));
    for (const aspect_ratio of ['1:1', '4:3', '16:9-1080p', '9:16-1080p', '16/9', ' 16:9', '', 1.77]) {
      refused(base({ aspect_ratio }), /aspect_ratio must be 16:9 or 9:16/);
    }
  });

  it('reference images: input_reference or image_urls, 1-3 http(s) URLs, not both fields', () => {
    for (const field of ['input_reference', 'image_urls']) {
      for (const n of [1, 2, 3]) {
        const urls = Array.from({ length: n }, (_, i) => IMG(i));
        const r = validateCreateRequest(base({ [field]: urls }));
        assert.ok(r.ok, `${field} x${n}`);
        assert.deepEqual([r.value.mode, r.value.images], ['reference', urls]);
      }
      accepted(base({ [field]: ['http://img.example/plain-http.png'] }));
      refused(base({ [field]: [IMG(1), IMG(2), IMG(3), IMG(4)] }), /at most 3 images, got 4/);
      refused(base({ [field]: [] }), /1 to 3 image URLs/);
      refused(base({ [field]: IMG(1) }), /must be an array/);
      refused(base({ [field]: ['not a url'] }), /invalid URL/);
      refused(base({ [field]: [42] }), /URL string/);
      for (const url of ['ftp://img.example/a.png', 'data:image/png;base64,AAAA', 'file:///etc/passwd', 'javascript:alert(1)']) {
        refused(base({ [field]: [url] }), /http or https/);
      }
    }
    refused(base({ input_reference: [IMG(1)], image_urls: [IMG(2)] }), /not both/);
    // null counts as absent
    accepted(base({ input_reference: null, image_urls: [IMG(2)] }));
  });

  it('first/last frame: first_image required, last_image optional, http(s) URLs', () => {
    const first = validateCreateRequest(base({ first_image: IMG(1) }));
    assert.ok(first.ok);
    assert.deepEqual([first.value.mode, first.value.firstImage, first.value.lastImage], ['frames', IMG(1), undefined]);
    const both = validateCreateRequest(base({ first_image: IMG(1), last_image: IMG(2) }));
    assert.ok(both.ok);
    assert.deepEqual([both.value.mode, both.value.firstImage, both.value.lastImage], ['frames', IMG(1), IMG(2)]);
    refused(base({ last_image: IMG(2) }), /last_image requires first_image/);
    refused(base({ first_image: null, last_image: IMG(2) }), /last_image requires first_image/);
    refused(base({ first_image: 'nope' }), /first_image contains an invalid URL/);
    refused(base({ first_image: '' }), /first_image contains an invalid URL/);
    refused(base({ first_image: [IMG(1)] }), /first_image must be an image URL string/);
    refused(base({ first_image: IMG(1), last_image: 'ftp://x/y.png' }), /last_image URLs must be http or https/);
  });

  it('reference images and frames cannot be combined', () => {
    refused(base({ image_urls: [IMG(1)], first_image: IMG(2) }), /cannot be combined/);
    refused(base({ input_reference: [IMG(1)], first_image: IMG(2), last_image: IMG(3) }), /cannot be combined/);
  });

  it('veo_3_1_fast_stable only with frames: text only and reference images refused', () => {
    const fs = (extra: Body): Body => base({ model: 'veo_3_1_fast_stable', ...extra });
    refused(fs({}), /veo_3_1_fast_stable supports first\/last frame mode only.*not text only/);
    refused(fs({ image_urls: [IMG(1)] }), /veo_3_1_fast_stable supports first\/last frame mode only.*not reference images/);
    refused(fs({ input_reference: [IMG(1)] }), /not reference images/);
    accepted(fs({ first_image: IMG(1) }));
    accepted(fs({ first_image: IMG(1), last_image: IMG(2), resolution: '1080p', aspect_ratio: '9:16' }));
    for (const model of ['veo_3_1_fast', 'veo_3_1_pro', 'veo_3_1_pro_stable']) {
      accepted(base({ model }));
      accepted(base({ model, image_urls: [IMG(1)] }));
      accepted(base({ model, first_image: IMG(1), last_image: IMG(2) }));
    }
  });

  it('refuses bodies that are not a JSON object', () => {
    for (const body of [null, [], 'text', 42, true]) refused(body, /JSON object/);
  });
});

describe('sim API: create refusals over HTTP', () => {
  const ctx = useSim();
  const post = (body: string): ReturnType<typeof request> =>
    request(`${ctx.sim.apiBaseUrl}/v1/veo/videos`, {
      method: 'POST',
      headers: { ...auth(ctx.sim), 'content-type': 'application/json' },
      body,
    });

  it('answers 400 {"error":{"message","type"}} naming the rule, and adds no task', async () => {
    const { sim } = ctx;
    const cases: [Body, RegExp][] = [
      [base({ model: 'veo_3_1_fast_stable' }), /first\/last frame mode only/],
      [base({ model: 'veo_3_1_fast_stable', image_urls: [IMG(1)] }), /first\/last frame mode only/],
      [base({ last_image: IMG(1) }), /last_image requires first_image/],
      [base({ image_urls: [IMG(1)], first_image: IMG(2) }), /cannot be combined/],
      [base({ input_reference: [IMG(1)], image_urls: [IMG(2)] }), /not both/],
      [base({ model: 'veo_3_1_pro_stable', resolution: '4k' }), /4K is not available/],
      [base({ aspect_ratio: '16:9-1080p' }), /aspect_ratio/],
    ];
    for (const [body, pattern] of cases) {
      const reply = await post(JSON.stringify(body));
      assert.equal(reply.status, 400, JSON.stringify(body));
      assert.match(String(reply.headers['content-type']), /^application\/json/);
      const err = (json(reply) as { error: { message: string; type: string } }).error;
      assert.equal(err.type, 'invalid_request_error');
      assert.match(err.message, pattern);
    }
    assert.equal(sim.allTasks().length, 0);
    assert.deepEqual(sim.requests.map((r) => r.status), cases.map(() => 400));
  });

  it('creates a first/last-frame task, keeps the request with it and the body in the request log', async () => {
    const { sim } = ctx;
    const body = { model: 'veo_3_1_fast_stable', prompt: 'from dawn\nto dusk', resolution: '1080p', aspect_ratio: '9:16', first_image: IMG(1), last_image: IMG(2) };
    const raw = JSON.stringify(body);
    const reply = await post(raw);
    assert.equal(reply.status, 200, reply.text);
    const created = json(reply) as { id: string; model: string; status: string };
    assert.deepEqual([created.model, created.status], ['veo_3_1_fast_stable', 'queued']);
    assert.deepEqual(sim.task(created.id)?.request, body);
    const logged = sim.requests[0];
    assert.deepEqual([logged.method, logged.path, logged.status, logged.body], ['POST', '/kyyReactApiServer/v1/veo/videos', 200, raw]);
    assert.deepEqual(JSON.parse(logged.body ?? ''), body);
    assert.equal((await getResult(sim, created.id)).status, 200);
  });
});
