/**
 * Validation of the create request body (POST /v1/veo/videos), rule for rule as
 * ../shared/api/veo-api.md ("Create a task") documents it:
 *  - model (required): veo_3_1_fast, veo_3_1_pro (720p/1080p/4K), veo_3_1_pro_stable
 *    (720p/1080p), veo_3_1_fast_stable (720p/1080p, first/last-frame mode only);
 *  - prompt (required): a non-empty string;
 *  - resolution: 720p (default), 1080p, 4K, case-insensitive; 4K only with the two non-stable models;
 *  - aspect_ratio: 16:9 (default) or 9:16, nothing else;
 *  - reference-image mode: input_reference OR image_urls (one of the two), 1-3 http(s) URLs;
 *  - first/last-frame mode: first_image, last_image (http(s) URLs); last_image needs first_image.
 *    The two names are not confirmed by the provider: they come from the extension's one
 *    definition (src/request/createFields.ts) so a correction changes both sides at once;
 *  - the two image modes cannot be combined.
 * Nothing else is checked (no prompt length: the API documents none; unknown fields pass).
 */
import { FIELD } from '../src/request/createFields';

export const MODELS = ['veo_3_1_fast', 'veo_3_1_pro', 'veo_3_1_pro_stable', 'veo_3_1_fast_stable'] as const;
export type VeoModel = (typeof MODELS)[number];

/** The documented alternatives for the reference images. */
export const REFERENCE_FIELDS = ['input_reference', 'image_urls'] as const;
/** First/last-frame field names (not confirmed by the provider; one definition, shared with the client). */
export const FIRST_FRAME_FIELD = FIELD.firstFrame;
export const LAST_FRAME_FIELD = FIELD.lastFrame;

const RESOLUTIONS_BY_MODEL: Readonly<Record<VeoModel, readonly CreateRequest['resolution'][]>> = {
  veo_3_1_fast: ['720p', '1080p', '4K'],
  veo_3_1_pro: ['720p', '1080p', '4K'],
  veo_3_1_pro_stable: ['720p', '1080p'],
  veo_3_1_fast_stable: ['720p', '1080p'],
};

export type CreateMode = 'text' | 'reference' | 'frames';

export interface CreateRequest {
  model: VeoModel;
  prompt: string;
  resolution: '720p' | '1080p' | '4K';
  aspect_ratio: '16:9' | '9:16';
  mode: CreateMode;
  /** Reference images (from whichever of input_reference / image_urls was sent). */
  images: string[];
  firstImage?: string;
  lastImage?: string;
}

export type ValidationResult = { ok: true; value: CreateRequest } | { ok: false; message: string };

const MAX_IMAGES = 3;

function isAbsent(v: unknown): boolean {
  return v === undefined || v === null;
}

/** undefined when `item` is an http(s) URL, else what is wrong with it. */
function urlProblem(name: string, item: unknown): string | undefined {
  if (typeof item !== 'string') return `${name} must be an image URL string`;
  let url: URL;
  try {
    url = new URL(item);
  } catch {
    return `${name} contains an invalid URL: ${item.slice(0, 100)}`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `${name} URLs must be http or https`;
  return undefined;
}

function checkImages(name: string, v: unknown): string[] | string {
  if (!Array.isArray(v)) return `${name} must be an array of image URLs`;
  if (v.length === 0) return `${name} must list 1 to ${MAX_IMAGES} image URLs (leave it out for text only)`;
  if (v.length > MAX_IMAGES) return `${name} accepts at most ${MAX_IMAGES} images, got ${v.length}`;
  for (const item of v) {
    const problem = urlProblem(name, item);
    if (problem) return problem;
  }
  return v as string[];
}

/** Validate a parsed JSON body. */
export function validateCreateRequest(body: unknown): ValidationResult {
  const fail = (message: string): ValidationResult => ({ ok: false, message });
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return fail('request body must be a JSON object');
  const o = body as Record<string, unknown>;
  if (isAbsent(o.model)) return fail('model is required');
  if (typeof o.model !== 'string' || !(MODELS as readonly string[]).includes(o.model)) {
    return fail(`model must be one of ${MODELS.join(', ')}`);
  }
  const model = o.model as VeoModel;
  if (typeof o.prompt !== 'string' || o.prompt.trim() === '') return fail('prompt is required and must be a non-empty string');

  let resolution: CreateRequest['resolution'] = '720p';
  if (!isAbsent(o.resolution)) {
    const r = typeof o.resolution === 'string' ? o.resolution.toLowerCase() : '';
    if (r === '720p') resolution = '720p';
    else if (r === '1080p') resolution = '1080p';
    else if (r === '4k') resolution = '4K';
    else return fail('resolution must be 720p, 1080p or 4K');
    if (!RESOLUTIONS_BY_MODEL[model].includes(resolution)) return fail(`resolution ${resolution} is not available for ${model}`);
  }

  let aspect: CreateRequest['aspect_ratio'] = '16:9';
  if (!isAbsent(o.aspect_ratio)) {
    if (o.aspect_ratio !== '16:9' && o.aspect_ratio !== '9:16') return fail('aspect_ratio must be 16:9 or 9:16');
    aspect = o.aspect_ratio;
  }

  const referenceFields = REFERENCE_FIELDS.filter((name) => !isAbsent(o[name]));
  if (referenceFields.length > 1) return fail('send the reference images in input_reference or in image_urls, not both');
  let images: string[] = [];
  if (referenceFields.length === 1) {
    const checked = checkImages(referenceFields[0], o[referenceFields[0]]);
    if (typeof checked === 'string') return fail(checked);
    images = checked;
  }

  const first = o[FIRST_FRAME_FIELD];
  const last = o[LAST_FRAME_FIELD];
  const hasFrames = !isAbsent(first) || !isAbsent(last);
  if (hasFrames) {
    if (isAbsent(first)) return fail(`${LAST_FRAME_FIELD} requires ${FIRST_FRAME_FIELD}`);
    const problem = urlProblem(FIRST_FRAME_FIELD, first) ?? (isAbsent(last) ? undefined : urlProblem(LAST_FRAME_FIELD, last));
    if (problem) return fail(problem);
  }
  if (images.length > 0 && hasFrames) {
    return fail(`reference images (${referenceFields[0]}) and first/last frames (${FIRST_FRAME_FIELD}, ${LAST_FRAME_FIELD}) cannot be combined`);
  }
  const mode: CreateMode = hasFrames ? 'frames' : images.length > 0 ? 'reference' : 'text';
  if (model === 'veo_3_1_fast_stable' && mode !== 'frames') {
    return fail(`veo_3_1_fast_stable supports first/last frame mode only (send ${FIRST_FRAME_FIELD}), not ${mode === 'text' ? 'text only' : 'reference images'}`);
  }

  const value: CreateRequest = { model, prompt: o.prompt, resolution, aspect_ratio: aspect, mode, images };
  if (hasFrames) {
    value.firstImage = first as string;
    if (!isAbsent(last)) value.lastImage = last as string;
  }
  return { ok: true, value };
}
