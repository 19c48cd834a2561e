// Request building and validation (src/request): every documented rule both ways through
// checkRequest, the exact body requestBody builds, requestFromBody and storedRequest; then
// the same combinations against the simulator over real sockets, so the extension's rules and
// the simulator's (written from the API documentation) stay in step.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import { FIELD, MAX_PROMPT_LENGTH, MAX_REFERENCE_IMAGES, MODEL_INFO, MODELS } from '../../../src/request/createFields';
import { checkRequest, DEFAULT_REQUEST, requestBody, requestFromBody, storedRequest, VideoRequest } from '../../../src/request/videoRequest';
import { VeoSimulator } from '../../../sim/simulator';
import { request as httpRequest } from '../sim/helpers';

type Raw = Record<string, unknown>;
const IMG = (n: number): string => `https://img.example/frames/${n}.png`;
const form = (extra: Raw = {}): Raw => ({ prompt: 'a red fox in the snow', model: 'veo_3_1_fast', resolution: '720p', aspectRatio: '16:9', mode: 'text', ...extra });

function ok(raw: unknown): VideoRequest {
  const c = checkRequest(raw);
  assert.ok(c.ok, `should accept ${JSON.stringify(raw)}: ${c.ok ? '' : JSON.stringify(c.errors)}`);
  return c.request;
}

/** Refused, with a message on exactly the fields named (and matching `pattern` on the first). */
function refused(raw: unknown, fields: string[], pattern?: RegExp): void {
  const c = checkRequest(raw);
  assert.equal(c.ok, false, `should refuse ${JSON.stringify(raw)}`);
  if (c.ok) return;
  assert.deepEqual(Object.keys(c.errors).sort(), [...fields].sort(), JSON.stringify(c.errors));
  if (pattern) assert.match(String(c.errors[fields[0] as keyof typeof c.errors]), pattern);
}

/** Extra fields that put `model` in a mode it allows (frames for veo_3_1_fast_stable). */
const modeFor = (model: string): Raw => (model === 'veo_3_1_fast_stable' ? { mode: 'frames', firstFrame: IMG(1) } : {});

describe('checkRequest: the documented rules, both ways', () => {
  it('each model x each resolution: 4K only with veo_3_1_fast and veo_3_1_pro; case-insensitive; 720p default', () => {
    for (const model of MODELS) {
      for (const resolution of ['720p', '1080p', '4K', '720P', '1080P', '4k']) {
        const canonical = resolution.toLowerCase() === '4k' ? '4K' : resolution.toLowerCase();
        const raw = form({ model, resolution, ...modeFor(model) });
        if (canonical === '4K' && model.endsWith('_stable')) refused(raw, ['resolution'], /at most 1080p/);
        else assert.equal(ok(raw).resolution, canonical);
      }
      for (const resolution of ['480p', '8K', '1080', '', null, 1080]) refused(form({ model, resolution, ...modeFor(model) }), ['resolution']);
      assert.equal(ok({ prompt: 'x', model, ...modeFor(model) }).resolution, '720p');
    }
    assert.deepEqual(MODEL_INFO.veo_3_1_fast.resolutions, ['720p', '1080p', '4K']);
    assert.deepEqual(MODEL_INFO.veo_3_1_pro.resolutions, ['720p', '1080p', '4K']);
    assert.deepEqual(MODEL_INFO.veo_3_1_pro_stable.resolutions, ['720p', '1080p']);
    assert.deepEqual(MODEL_INFO.veo_3_1_fast_stable.resolutions, ['720p', '1080p']);
  });

  it('knows the four models and nothing else', () => {
    assert.deepEqual([...MODELS], ['veo_3_1_fast', 'veo_3_1_pro', 'veo_3_1_pro_stable', 'veo_3_1_fast_stable']);
    for (const model of ['veo_3', 'VEO_3_1_FAST', '', undefined, 42]) refused(form({ model }), ['model'], /Choose a model/);
  });

  it('aspect ratio: 16:9 (default) or 9:16 only', () => {
    assert.equal(ok(form({ aspectRatio: '16:9' })).aspectRatio, '16:9');
    assert.equal(ok(form({ aspectRatio: '9:16' })).aspectRatio, '9:16');
    assert.equal(ok(form({ aspectRatio: undefined })).aspectRatio, '16:9');
    for (const aspectRatio of ['1:1', '4:3', '16:9-1080p', '9:16 ', '', null, 1.77]) refused(form({ aspectRatio }), ['aspectRatio'], /16:9.*9:16/);
  });

  it('modes: text (default), reference, frames; anything else refused', () => {
    assert.equal(ok(form({ mode: undefined })).mode, 'text');
    assert.equal(ok(form({ mode: 'text' })).mode, 'text');
    assert.equal(ok(form({ mode: 'reference', referenceImages: [IMG(1)] })).mode, 'reference');
    assert.equal(ok(form({ mode: 'frames', firstFrame: IMG(1) })).mode, 'frames');
    refused(form({ mode: 'both', referenceImages: [IMG(1)], firstFrame: IMG(2) }), ['mode'], /cannot be combined/);
    for (const mode of ['video', '', null, 1]) refused(form({ mode }), ['mode'], /Choose text only/);
  });

  it('a text request carries no images even when the form still holds some', () => {
    const r = ok(form({ mode: 'text', referenceImages: [IMG(1)], firstFrame: IMG(2), lastFrame: IMG(3) }));
    assert.deepEqual(r, { prompt: 'a red fox in the snow', model: 'veo_3_1_fast', resolution: '720p', aspectRatio: '16:9', mode: 'text' });
  });

  it('reference images: 1 to 3; 0 and 4 refused', () => {
    const ref = (images: unknown): Raw => form({ mode: 'reference', referenceImages: images });
    refused(ref([]), ['referenceImages'], /at least one/);
    refused(ref(undefined), ['referenceImages'], /at least one/);
    refused(ref(['', '   ']), ['referenceImages'], /at least one/);
    assert.deepEqual(ok(ref([IMG(1)])).referenceImages, [IMG(1)]);
    assert.deepEqual(ok(ref([IMG(1), IMG(2), IMG(3)])).referenceImages, [IMG(1), IMG(2), IMG(3)]);
    refused(ref([IMG(1), IMG(2), IMG(3), IMG(4)]), ['referenceImages'], /At most 3 reference images; remove 1/);
    assert.equal(MAX_REFERENCE_IMAGES, 3);
    // one URL a line, as the form's text area gives them; blanks and spaces around dropped
    assert.deepEqual(ok(ref(`  ${IMG(1)}\n\n${IMG(2)}  \n`)).referenceImages, [IMG(1), IMG(2)]);
  });

  it('image URLs must be https links without credentials', () => {
    const bad: [string, RegExp][] = [
      ['http://img.example/a.png', /must start with https/],
      ['ftp://img.example/a.png', /must start with https/],
      ['data:image/png;base64,AAAA', /must start with https/],
      ['javascript:alert(1)', /must start with https/],
      ['img.example/a.png', /is not a URL/],
      ['https://user:secret@img.example/a.png', /user name or password/],
      [`https://img.example/${'a'.repeat(2100)}.png`, /longer than 2048/],
    ];
    for (const [url, pattern] of bad) {
      refused(form({ mode: 'reference', referenceImages: [IMG(1), url] }), ['referenceImages'], pattern);
      refused(form({ mode: 'frames', firstFrame: url }), ['firstFrame'], pattern);
      refused(form({ mode: 'frames', firstFrame: IMG(1), lastFrame: url }), ['lastFrame'], pattern);
    }
  });

  it('frames: the first frame is required, the last optional, a last frame alone refused', () => {
    refused(form({ mode: 'frames' }), ['firstFrame'], /first frame is required/);
    refused(form({ mode: 'frames', firstFrame: '  ' }), ['firstFrame'], /first frame is required/);
    refused(form({ mode: 'frames', lastFrame: IMG(2) }), ['firstFrame'], /last frame needs a first frame/);
    const first = ok(form({ mode: 'frames', firstFrame: ` ${IMG(1)} ` }));
    assert.deepEqual([first.firstFrame, 'lastFrame' in first], [IMG(1), false]);
    const both = ok(form({ mode: 'frames', firstFrame: IMG(1), lastFrame: IMG(2) }));
    assert.deepEqual([both.firstFrame, both.lastFrame], [IMG(1), IMG(2)]);
    assert.equal('lastFrame' in ok(form({ mode: 'frames', firstFrame: IMG(1), lastFrame: '' })), false);
  });

  it('veo_3_1_fast_stable: text and reference refused, frames accepted', () => {
    const fs = (extra: Raw): Raw => form({ model: 'veo_3_1_fast_stable', ...extra });
    refused(fs({ mode: 'text' }), ['mode'], /first and a last frame/);
    refused(fs({ mode: undefined }), ['mode'], /first and a last frame/);
    refused(fs({ mode: 'reference', referenceImages: [IMG(1)] }), ['mode'], /first and a last frame/);
    ok(fs({ mode: 'frames', firstFrame: IMG(1) }));
    ok(fs({ mode: 'frames', firstFrame: IMG(1), lastFrame: IMG(2), resolution: '1080p', aspectRatio: '9:16' }));
    for (const model of ['veo_3_1_fast', 'veo_3_1_pro', 'veo_3_1_pro_stable']) {
      for (const extra of [{ mode: 'text' }, { mode: 'reference', referenceImages: [IMG(1)] }, { mode: 'frames', firstFrame: IMG(1) }]) ok(form({ model, ...extra }));
    }
  });

  it('prompt: required, not only spaces, at most 4000 characters; kept as typed', () => {
    for (const prompt of ['', '   ', '\n\t', undefined, null, 42]) refused(form({ prompt }), ['prompt'], /cannot be empty/);
    refused(form({ prompt: 'p'.repeat(MAX_PROMPT_LENGTH + 1) }), ['prompt'], /4001 characters; at most 4000/);
    assert.equal(ok(form({ prompt: 'p'.repeat(MAX_PROMPT_LENGTH) })).prompt.length, MAX_PROMPT_LENGTH);
    assert.equal(ok(form({ prompt: '  two\nlines  ' })).prompt, '  two\nlines  ');
  });

  it('prompt: invisible and control characters refused, saying which and where (typed prompts and tool calls alike)', () => {
    refused(form({ prompt: 'a cat that \u200bsings' }), ['prompt'], /^The prompt contains an invisible or control character \(U\+200B at position 12\); remove it\.$/);
    refused(form({ prompt: 'a cat\u{e0041}\u{e0042}' }), ['prompt'], /^The prompt contains 2 invisible or control characters, the first U\+E0041 at position 6; remove them\.$/);
    const cases: [string, string][] = [
      ['a\u202eb', 'U+202E'], // bidi override
      ['a\u2066b\u2069', 'U+2066'], // bidi isolate
      ['a\u200cb', 'U+200C'], // zero-width non-joiner between Latin letters: shows nothing
      ['a\u200db', 'U+200D'],
      ['a\u2060b', 'U+2060'], // word joiner
      ['a\ufeffb', 'U+FEFF'],
      ['a\u00adb', 'U+00AD'], // soft hyphen
      ['a\u034fb', 'U+034F'], // combining grapheme joiner
      ['a\u3164b', 'U+3164'], // Hangul filler
      ['a\u{e0001}b', 'U+E0001'], // language tag
      ['a\u{e007f}', 'U+E007F'], // cancel tag
      ['\ud83d\ude00\u{e0100}\u{e0101}', 'U+E0100'], // variation selectors 17+ (data smuggled after an emoji)
      ['\ud83d\ude00\ufe0f\ufe01', 'U+FE01'], // a second variation selector selects nothing
      ['\ufe0fa', 'U+FE0F'], // nor one with nothing before it
      ['a\u0007b', 'U+0007'],
      ['a\u001bb', 'U+001B'],
      ['a\u0085b', 'U+0085'],
      ['a\u2028b', 'U+2028'],
      ['a\ud800b', 'U+D800'], // half of a surrogate pair
    ];
    for (const [prompt, code] of cases) refused(form({ prompt }), ['prompt'], new RegExp(`${code.replace('+', '\\+')} at position \\d+`));
  });

  it('prompt: characters that show are kept (emoji sequences, joining scripts, line breaks and tabs)', () => {
    for (const prompt of [
      'line one\nline two\r\nthree\tfour',
      'a heart \u2764\ufe0f and a keycap 1\ufe0f\u20e3',
      'a coder \u{1f469}\u{1f3fd}\u200d\u{1f4bb}, a family \u{1f468}\u200d\u{1f469}\u200d\u{1f467}, \u2764\ufe0f\u200d\u{1f525}',
      '\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645', // Persian, with its zero-width non-joiner
      '\u0915\u094d\u200d\u0937', // Devanagari half form
      '一只猫在雪地里 😀 نص عربي עברית',
    ]) {
      assert.equal(ok(form({ prompt })).prompt, prompt);
    }
  });

  it('image URLs with invisible or control characters are refused, saying which and where', () => {
    for (const [url, pattern] of [
      ['https://img.example/a.png\u200b', /^An image URL contains an invisible or control character \(U\+200B at position 26\); paste the link again without it\.$/],
      ['https://attacker\u00ad.example/a.png', /U\+00AD at position 17/],
      ['https://img.example/a\u{e0041}\u{e0042}.png', /^An image URL contains 2 invisible or control characters, the first U\+E0041 at position 22; paste the link again without them\.$/],
      ['https://img.example/a\nb.png', /U\+000A at position 22/],
      ['https://img.example/\u202egnp.a', /U\+202E/],
    ] as [string, RegExp][]) {
      refused(form({ mode: 'frames', firstFrame: url }), ['firstFrame'], pattern);
      refused(form({ mode: 'frames', firstFrame: IMG(1), lastFrame: url }), ['lastFrame'], pattern);
      refused(form({ mode: 'reference', referenceImages: [IMG(1), url] }), ['referenceImages'], pattern);
    }
  });

  it('reports every wrong field at once; anything not an object is an empty form', () => {
    refused({ model: 'nope', resolution: '8K', aspectRatio: '1:1', mode: 'x' }, ['prompt', 'model', 'resolution', 'aspectRatio', 'mode']);
    for (const raw of [null, undefined, 'text', 42, []]) refused(raw, ['prompt', 'model']);
    refused(DEFAULT_REQUEST, ['prompt']);
  });
});

describe('requestBody: the documented field names and values', () => {
  it('text: exactly model, prompt, resolution, aspect_ratio', () => {
    const body = requestBody(ok(form({ model: 'veo_3_1_pro', resolution: '4k', aspectRatio: '9:16', prompt: 'line 1\nline 2' })));
    assert.deepEqual(body, { model: 'veo_3_1_pro', prompt: 'line 1\nline 2', resolution: '4K', aspect_ratio: '9:16' });
    assert.deepEqual(Object.keys(body), ['model', 'prompt', 'resolution', 'aspect_ratio']);
  });

  it('reference: adds image_urls (a copy), never input_reference', () => {
    const r = ok(form({ mode: 'reference', referenceImages: [IMG(1), IMG(2)] }));
    const body = requestBody(r);
    assert.deepEqual(body, { model: 'veo_3_1_fast', prompt: 'a red fox in the snow', resolution: '720p', aspect_ratio: '16:9', image_urls: [IMG(1), IMG(2)] });
    assert.notEqual(body.image_urls, r.referenceImages);
    assert.equal(FIELD.referenceImages, 'image_urls');
  });

  it('frames: first_image, and last_image only when there is one', () => {
    const first = requestBody(ok(form({ model: 'veo_3_1_fast_stable', mode: 'frames', firstFrame: IMG(1), resolution: '1080p' })));
    assert.deepEqual(first, { model: 'veo_3_1_fast_stable', prompt: 'a red fox in the snow', resolution: '1080p', aspect_ratio: '16:9', first_image: IMG(1) });
    const both = requestBody(ok(form({ mode: 'frames', firstFrame: IMG(1), lastFrame: IMG(2) })));
    assert.deepEqual(Object.keys(both), ['model', 'prompt', 'resolution', 'aspect_ratio', 'first_image', 'last_image']);
    assert.deepEqual([both.first_image, both.last_image], [IMG(1), IMG(2)]);
    assert.deepEqual([FIELD.firstFrame, FIELD.lastFrame], ['first_image', 'last_image']);
  });

  it('serializes to JSON unchanged', () => {
    const body = requestBody(ok(form({ prompt: 'quotes " and \\ and ünïcode 🦊', mode: 'reference', referenceImages: [IMG(1)] })));
    assert.deepEqual(JSON.parse(JSON.stringify(body)), body);
  });
});

describe('requestFromBody', () => {
  it('reads the API field names into the form shape; the mode follows from the images', () => {
    assert.deepEqual(requestFromBody({ model: 'veo_3_1_pro', prompt: 'p' }), {
      prompt: 'p', model: 'veo_3_1_pro', resolution: '720p', aspectRatio: '16:9', mode: 'text', referenceImages: undefined, firstFrame: undefined, lastFrame: undefined,
    });
    assert.equal(requestFromBody({ image_urls: [IMG(1)] }).mode, 'reference');
    assert.deepEqual(requestFromBody({ input_reference: [IMG(1)] }).referenceImages, [IMG(1)]);
    assert.equal(requestFromBody({ first_image: IMG(1) }).mode, 'frames');
    assert.equal(requestFromBody({ last_image: IMG(1) }).mode, 'frames');
    for (const junk of [null, 'x', 42, [{ model: 'veo_3_1_pro' }]]) assert.equal(requestFromBody(junk).mode, 'text');
  });

  it("mode 'both' when a body mixes reference images and frames, which checkRequest refuses", () => {
    for (const body of [
      { model: 'veo_3_1_fast', prompt: 'p', image_urls: [IMG(1)], first_image: IMG(2) },
      { model: 'veo_3_1_fast', prompt: 'p', input_reference: [IMG(1)], last_image: IMG(2) },
    ]) {
      const raw = requestFromBody(body);
      assert.equal(raw.mode, 'both');
      refused(raw, ['mode'], /cannot be combined/);
    }
  });

  it('a body naming both input_reference and image_urls loses no image silently', () => {
    // The documentation: "input_reference or image_urls (use one of the two)"; the simulator
    // refuses both. Sending only image_urls would drop the input_reference images without a word:
    // refuse the body, or keep every image (then the 3-image limit applies to all of them).
    const raw = requestFromBody({ model: 'veo_3_1_fast', prompt: 'p', input_reference: [IMG(1)], image_urls: [IMG(2)] });
    const c = checkRequest(raw);
    assert.ok(!c.ok || (c.request.referenceImages ?? []).includes(IMG(1)), `accepted without ${IMG(1)}: ${JSON.stringify(c)}`);
  });

  it('round-trips requestBody for every valid combination', () => {
    const all = validRequests();
    assert.ok(all.length > 100, String(all.length));
    for (const r of all) assert.deepEqual(checkRequest(requestFromBody(requestBody(r))), { ok: true, request: r });
  });
});

describe('storedRequest', () => {
  it('keeps the newlines of a prompt (CRLF and CR become LF) and strips other controls', () => {
    const r = storedRequest(form({ prompt: 'line one\r\nline two\rline three\n\nend\u0007\u202e' }));
    assert.equal(r?.prompt, 'line one\nline two\nline three\n\nend');
    assert.equal(storedRequest(form({ prompt: 'a\tb' }))?.prompt, 'a b');
    // Tag characters and stray variation selectors go too: the prompt left passes checkRequest.
    assert.equal(storedRequest(form({ prompt: 'a\u{e0041}\u{e0042}b \ufe0f\u00adc' }))?.prompt, 'ab c');
  });

  it('keeps a valid request as it was', () => {
    for (const r of validRequests()) assert.deepEqual(storedRequest(JSON.parse(JSON.stringify(r))), r);
  });

  it('drops invalid stored requests', () => {
    for (const raw of [
      undefined, null, 'a fox', 42, [], {},
      form({ prompt: '' }),
      form({ model: 'veo_2' }),
      form({ model: 'veo_3_1_fast_stable', mode: 'text' }),
      form({ model: 'veo_3_1_pro_stable', resolution: '4K' }),
      form({ mode: 'reference', referenceImages: [IMG(1), IMG(2), IMG(3), IMG(4)] }),
      form({ mode: 'frames', lastFrame: IMG(1) }),
      form({ mode: 'frames', firstFrame: 'http://img.example/a.png' }),
    ]) {
      assert.equal(storedRequest(raw), undefined, JSON.stringify(raw));
    }
  });

  it('never returns a request checkRequest refuses (a prompt of invisible characters only)', () => {
    for (const prompt of ['\u200b', '\u0007\u0007', '\u202e\u200f', '\ufeff\u2060', '\u{e0041}\u{e0042}', '\ufe0f', 'a\u{e0041}', 'a \ufe0f\ufe0f']) {
      const r = storedRequest(form({ prompt }));
      assert.ok(r === undefined || checkRequest(r).ok, `storedRequest kept an unusable prompt ${JSON.stringify(r?.prompt)} from ${JSON.stringify(prompt)}`);
    }
  });
});

// ---- the extension's rules and the simulator's, kept in step --------------------------

const MODEL_CHOICES = MODELS;
const RESOLUTION_CHOICES = ['720p', '1080P', '4k', '8K'];
const ASPECT_CHOICES = ['16:9', '9:16', '1:1'];
/** The image part of a body, with the API's own field names. */
const IMAGE_CHOICES: Record<string, Raw> = {
  text: {},
  'image_urls x0': { image_urls: [] },
  'image_urls x1': { image_urls: [IMG(1)] },
  'image_urls x3': { image_urls: [IMG(1), IMG(2), IMG(3)] },
  'image_urls x4': { image_urls: [IMG(1), IMG(2), IMG(3), IMG(4)] },
  'input_reference x2': { input_reference: [IMG(1), IMG(2)] },
  'image_urls not a URL': { image_urls: ['not a url'] },
  'first only': { first_image: IMG(1) },
  'first and last': { first_image: IMG(1), last_image: IMG(2) },
  'last only': { last_image: IMG(2) },
  'first not a URL': { first_image: 'nope' },
  'images and first': { image_urls: [IMG(1)], first_image: IMG(2) },
  'images, first and last': { input_reference: [IMG(1)], first_image: IMG(2), last_image: IMG(3) },
};

function allBodies(): { name: string; body: Raw }[] {
  const out: { name: string; body: Raw }[] = [];
  for (const model of MODEL_CHOICES) {
    for (const resolution of RESOLUTION_CHOICES) {
      for (const aspect_ratio of ASPECT_CHOICES) {
        for (const [images, extra] of Object.entries(IMAGE_CHOICES)) {
          out.push({ name: `${model} ${resolution} ${aspect_ratio} ${images}`, body: { model, prompt: 'a red fox in the snow', resolution, aspect_ratio, ...extra } });
        }
      }
    }
  }
  for (const prompt of ['', '   ', 'x', 'line\nline']) out.push({ name: `prompt ${JSON.stringify(prompt)}`, body: { model: 'veo_3_1_pro', prompt } });
  for (const model of [undefined, 'veo_2', 'VEO_3_1_PRO']) out.push({ name: `model ${model}`, body: { model, prompt: 'p', resolution: '4K' } });
  return out;
}

/** Every request checkRequest accepts among the combinations above. */
function validRequests(): VideoRequest[] {
  return allBodies().flatMap(({ body }) => {
    const c = checkRequest(requestFromBody(body));
    return c.ok ? [c.request] : [];
  });
}

describe('the simulator agrees with checkRequest (real sockets)', () => {
  let sim: VeoSimulator;
  let agent: http.Agent;
  beforeEach(async () => {
    sim = await VeoSimulator.start();
    agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  });
  afterEach(async () => {
    agent.destroy();
    await sim.close();
  });

  async function simAnswer(body: Raw): Promise<{ status: number; message?: string }> {
    const reply = await httpRequest(`${sim.apiBaseUrl}/v1/veo/videos`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sim.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      agent,
    });
    const parsed = JSON.parse(reply.text) as { error?: { message?: string } };
    return { status: reply.status, message: parsed.error?.message };
  }

  it('accepts requestBody(r) for every request checkRequest accepts, and refuses every body checkRequest refuses', async () => {
    const disagreements: string[] = [];
    let accepted = 0;
    let refusedCount = 0;
    const check = async ({ name, body }: { name: string; body: Raw }): Promise<void> => {
      const c = checkRequest(requestFromBody(body));
      const raw = await simAnswer(body);
      if (c.ok) {
        accepted++;
        const built = await simAnswer(requestBody(c.request));
        if (built.status !== 200) disagreements.push(`${name}: checkRequest accepts, the simulator refuses requestBody: ${built.message}`);
        if (raw.status !== 200) disagreements.push(`${name}: checkRequest accepts, the simulator refuses the body: ${raw.message}`);
      } else {
        refusedCount++;
        if (raw.status !== 400) disagreements.push(`${name}: checkRequest refuses (${JSON.stringify(c.errors)}), the simulator answers ${raw.status}`);
      }
    };
    const queue = allBodies();
    await Promise.all(Array.from({ length: 8 }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await check(next);
    }));
    // the two sides each saw plenty of both answers
    assert.ok(accepted >= 100 && refusedCount >= 300, `${accepted} accepted, ${refusedCount} refused`);
    assert.deepEqual(disagreements, []);
  });

  it('the rules only the extension applies are stricter, never looser: the simulator accepts those bodies', async () => {
    // https only, no credentials in URLs, a 4000-character prompt: the API documents none of these.
    const clientOnly: Raw[] = [
      { model: 'veo_3_1_fast', prompt: 'p'.repeat(MAX_PROMPT_LENGTH + 1) },
      { model: 'veo_3_1_fast', prompt: 'p', image_urls: ['http://img.example/a.png'] },
      { model: 'veo_3_1_fast', prompt: 'p', first_image: 'http://img.example/a.png' },
      { model: 'veo_3_1_fast', prompt: 'p', first_image: 'https://u:p@img.example/a.png' },
      { model: 'veo_3_1_fast', prompt: 'p\u200bq\u{e0041}' },
      { model: 'veo_3_1_fast', prompt: 'p', first_image: 'https://img.example/a.png\u{e0041}' },
    ];
    for (const body of clientOnly) {
      assert.equal(checkRequest(requestFromBody(body)).ok, false, JSON.stringify(body).slice(0, 200));
      assert.equal((await simAnswer(body)).status, 200, JSON.stringify(body).slice(0, 200));
    }
  });
});
