/**
 * Validation of the create request body (POST /v1/veo/videos).
 */

export const MODELS = ['veo_3_1_fast', 'veo_3_1_pro', 'veo_3_1_pro_stable', 'veo_3_1_fast_stable'] as const;
export type VeoModel = (typeof MODELS)[number];

export interface CreateRequest {
  model: VeoModel;
  prompt: string;
  resolution: '720p' | '1080p' | '4K';
  aspect_ratio: '16:9' | '9:16';
  /** Reference images (input_reference and image_urls together). */
  images: string[];
}

export type ValidationResult = { ok: true; value: CreateRequest } | { ok: false; message: string };

const MAX_IMAGES = 3;

function isAbsent(v: unknown): boolean {
  return v === undefined || v === null;
}

function checkImages(name: string, v: unknown): string[] | string {
  if (isAbsent(v)) return [];
  if (!Array.isArray(v)) return `${name} must be an array of image URLs`;
  if (v.length > MAX_IMAGES) return `${name} accepts at most ${MAX_IMAGES} images, got ${v.length}`;
  for (const item of v) {
    if (typeof item !== 'string') return `${name} must contain only URL strings`;
    let url: URL;
    try {
      url = new URL(item);
    } catch {
      return `${name} contains an invalid URL: ${item}`;
    }
    if (!['http:', 'https:', 'data:'].includes(url.protocol)) return `${name} URLs must be http(s) or data: URLs`;
  }
  return v as string[];
}

/** Validate a parsed JSON body. */
export function validateCreateRequest(body: unknown): ValidationResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, message: 'request body must be a JSON object' };
  }
  const o = body as Record<string, unknown>;
  if (isAbsent(o.model)) return { ok: false, message: 'model is required' };
  if (typeof o.model !== 'string' || !(MODELS as readonly string[]).includes(o.model)) {
    return { ok: false, message: `model must be one of ${MODELS.join(', ')}` };
  }
  const model = o.model as VeoModel;
  if (typeof o.prompt !== 'string' || o.prompt.trim() === '') {
    return { ok: false, message: 'prompt is required and must be a non-empty string' };
  }

  let resolution: CreateRequest['resolution'] = '720p';
  if (!isAbsent(o.resolution)) {
    const r = typeof o.resolution === 'string' ? o.resolution.toLowerCase() : '';
    if (r === '720p') resolution = '720p';
    else if (r === '1080p') resolution = '1080p';
    else if (r === '4k') resolution = '4K';
    else return { ok: false, message: 'resolution must be 720p, 1080p or 4K' };
    if (resolution === '4K' && model.endsWith('_stable')) {
      return { ok: false, message: `resolution 4K is not available for ${model}` };
    }
  }

  let aspect: CreateRequest['aspect_ratio'] = '16:9';
  if (!isAbsent(o.aspect_ratio)) {
    if (o.aspect_ratio !== '16:9' && o.aspect_ratio !== '9:16') {
      return { ok: false, message: 'aspect_ratio must be 16:9 or 9:16' };
    }
    aspect = o.aspect_ratio;
  }

  const images: string[] = [];
  for (const name of ['input_reference', 'image_urls'] as const) {
    const checked = checkImages(name, o[name]);
    if (typeof checked === 'string') return { ok: false, message: checked };
    images.push(...checked);
  }
  if (images.length > 0 && model === 'veo_3_1_fast_stable') {
    return { ok: false, message: 'veo_3_1_fast_stable supports first/last frame mode only, not reference images' };
  }
  return { ok: true, value: { model, prompt: o.prompt, resolution, aspect_ratio: aspect, images } };
}
