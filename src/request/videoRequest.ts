// What the user asks for when creating a video, checked against every documented rule
// before anything is sent, and turned into the request body. Pure.
import { cleanText, hiddenCharacters } from '../util/safeText';
import {
  ASPECT_RATIOS,
  AspectRatio,
  CreateMode,
  FIELD,
  MAX_PROMPT_LENGTH,
  MAX_REFERENCE_IMAGES,
  MODEL_INFO,
  MODELS,
  MODES,
  Resolution,
  RESOLUTIONS,
  VeoModel,
} from './createFields';
import { t } from '../util/l10n';

/** A valid request, as the form shows it and as it is kept with the task. */
export interface VideoRequest {
  prompt: string;
  model: VeoModel;
  resolution: Resolution;
  aspectRatio: AspectRatio;
  mode: CreateMode;
  /** Reference mode: 1-3 https URLs. */
  referenceImages?: string[];
  /** Frames mode: required. */
  firstFrame?: string;
  /** Frames mode: optional. */
  lastFrame?: string;
}

export type RequestField = keyof VideoRequest;
/** One message per field that is wrong, in words that say how to fix it. */
export type RequestErrors = Partial<Record<RequestField, string>>;

export type Checked = { ok: true; request: VideoRequest } | { ok: false; errors: RequestErrors };

const MAX_URL_LENGTH = 2048;

export const DEFAULT_REQUEST: VideoRequest = { prompt: '', model: 'veo_3_1_fast', resolution: '720p', aspectRatio: '16:9', mode: 'text' };

/** Checks what a form, a prompt file or stored state says (any shape) against the documented rules. */
export function checkRequest(raw: unknown): Checked {
  const o = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const errors: RequestErrors = {};
  const prompt = typeof o.prompt === 'string' ? o.prompt : '';
  if (prompt.trim() === '') errors.prompt = t('Describe the video: the prompt cannot be empty.');
  else if (prompt.length > MAX_PROMPT_LENGTH) errors.prompt = t('The prompt has {0} characters; at most {1}.', prompt.length, MAX_PROMPT_LENGTH);
  else {
    const hidden = hiddenInPrompt(prompt);
    if (hidden) errors.prompt = hidden;
  }

  const model = (MODELS as readonly unknown[]).includes(o.model) ? (o.model as VeoModel) : undefined;
  if (!model) errors.model = t('Choose a model: {0}.', MODELS.join(', '));

  const resolution = resolutionOf(o.resolution);
  if (!resolution) errors.resolution = t('Choose 720p, 1080p or 4K.');
  else if (model && !MODEL_INFO[model].resolutions.includes(resolution)) {
    errors.resolution = t('{0} makes at most {1}; choose a lower resolution or veo_3_1_fast / veo_3_1_pro.', model, MODEL_INFO[model].resolutions.at(-1) ?? '');
  }

  const aspectRatio = o.aspectRatio === undefined ? '16:9' : (ASPECT_RATIOS as readonly unknown[]).includes(o.aspectRatio) ? (o.aspectRatio as AspectRatio) : undefined;
  if (!aspectRatio) errors.aspectRatio = t('The aspect ratio is 16:9 (landscape) or 9:16 (portrait).');

  const mode = o.mode === undefined ? 'text' : (MODES as readonly unknown[]).includes(o.mode) ? (o.mode as CreateMode) : undefined;
  if (o.mode === 'both') errors.mode = t('Reference images and first/last frames cannot be combined: choose one mode.');
  else if (!mode) errors.mode = t('Choose text only, reference images, or first and last frame.');
  else if (model && !MODEL_INFO[model].modes.includes(mode)) errors.mode = t('{0} works only from a first and a last frame; choose that mode or another model.', model);

  const request: VideoRequest = { prompt, model: model ?? 'veo_3_1_fast', resolution: resolution ?? '720p', aspectRatio: aspectRatio ?? '16:9', mode: mode ?? 'text' };
  if (mode === 'reference') {
    const images = stringList(o.referenceImages).filter((u) => u.trim() !== '').map((u) => u.trim());
    if (images.length === 0) errors.referenceImages = t('Add at least one reference image URL (https).');
    else if (images.length > MAX_REFERENCE_IMAGES) errors.referenceImages = t('At most {0} reference images; remove {1}.', MAX_REFERENCE_IMAGES, images.length - MAX_REFERENCE_IMAGES);
    else {
      const bad = images.map(imageUrlProblem).find((p) => p !== undefined);
      if (bad) errors.referenceImages = bad;
    }
    request.referenceImages = images;
  } else if (mode === 'frames') {
    const first = typeof o.firstFrame === 'string' ? o.firstFrame.trim() : '';
    const last = typeof o.lastFrame === 'string' ? o.lastFrame.trim() : '';
    if (first === '') errors.firstFrame = last === '' ? t('The first frame is required in this mode: an https image URL.') : t('A last frame needs a first frame: add the first frame URL.');
    else if (imageUrlProblem(first)) errors.firstFrame = imageUrlProblem(first);
    if (last !== '' && imageUrlProblem(last)) errors.lastFrame = imageUrlProblem(last);
    request.firstFrame = first;
    if (last !== '') request.lastFrame = last;
  }
  return Object.keys(errors).length === 0 ? { ok: true, request } : { ok: false, errors };
}

/** The JSON body of `POST {baseUrl}/v1/veo/videos` for a valid request. */
export function requestBody(r: VideoRequest): Record<string, unknown> {
  const body: Record<string, unknown> = {
    [FIELD.model]: r.model,
    [FIELD.prompt]: r.prompt,
    [FIELD.resolution]: r.resolution,
    [FIELD.aspectRatio]: r.aspectRatio,
  };
  if (r.mode === 'reference' && r.referenceImages) body[FIELD.referenceImages] = [...r.referenceImages];
  if (r.mode === 'frames' && r.firstFrame) {
    body[FIELD.firstFrame] = r.firstFrame;
    if (r.lastFrame) body[FIELD.lastFrame] = r.lastFrame;
  }
  return body;
}

/**
 * A request written with the API's own field names (a prompt file, or a body copied from a
 * script), read into the form's shape; the mode follows from the image fields present.
 */
export function requestFromBody(body: unknown): Record<string, unknown> {
  const o = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  // The API takes one of the two; a body with both loses no image silently (the form shows all).
  const named = [o[FIELD.referenceImages], o.input_reference].filter((v) => v !== undefined && v !== null);
  const images = named.length === 2 ? named.flatMap((v) => (Array.isArray(v) ? v : [v])) : named[0];
  const first = o[FIELD.firstFrame];
  const last = o[FIELD.lastFrame];
  const hasImages = images !== undefined && images !== null;
  const hasFrames = (first !== undefined && first !== null) || (last !== undefined && last !== null);
  return {
    prompt: o[FIELD.prompt],
    model: o[FIELD.model],
    resolution: o[FIELD.resolution] ?? '720p',
    aspectRatio: o[FIELD.aspectRatio] ?? '16:9',
    mode: hasImages && hasFrames ? 'both' : hasImages ? 'reference' : hasFrames ? 'frames' : 'text',
    referenceImages: images,
    firstFrame: first,
    lastFrame: last,
  };
}

/** A stored request re-checked on load (same rules), with its text cleaned; undefined when unusable. */
export function storedRequest(raw: unknown): VideoRequest | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const o = raw as Record<string, unknown>;
  const prompt = typeof o.prompt === 'string' ? o.prompt.replace(/\r\n?/g, '\n').split('\n').map((line) => cleanText(line, MAX_PROMPT_LENGTH)).join('\n') : undefined;
  // Cleaned first, then checked: a prompt of invisible characters only is refused.
  const checked = checkRequest({ ...o, prompt });
  return checked.ok ? checked.request : undefined;
}

function resolutionOf(v: unknown): Resolution | undefined {
  if (v === undefined) return '720p';
  if (typeof v !== 'string') return undefined;
  return RESOLUTIONS.find((r) => r.toLowerCase() === v.toLowerCase());
}

function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? v.split(/\s*\n\s*/) : [];
}

function imageUrlProblem(url: string): string | undefined {
  if (url.length > MAX_URL_LENGTH) return t('An image URL is longer than {0} characters.', MAX_URL_LENGTH);
  // The URL parser drops tabs and line breaks and maps some invisible characters away, but
  // the text sent is the text given: what the user confirms must be all of it.
  const hidden = hiddenCharacters(url, { lineBreaks: false });
  if (hidden.length === 1) return t('An image URL contains an invisible or control character ({0} at position {1}); paste the link again without it.', hidden[0].code, hidden[0].position);
  if (hidden.length > 1) {
    return t('An image URL contains {0} invisible or control characters, the first {1} at position {2}; paste the link again without them.', hidden.length, hidden[0].code, hidden[0].position);
  }
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return t('"{0}" is not a URL; paste an https link to the image.', cleanText(url, 60));
  }
  if (u.protocol !== 'https:') return t('Image URLs must start with https:// ("{0}" does not).', cleanText(url, 60));
  if (u.username || u.password) return t('Image URLs cannot contain a user name or password.');
  return undefined;
}

/** Characters the prompt would send but nobody would see (zero-width, bidi, tag characters...): refused, with where they are. */
function hiddenInPrompt(prompt: string): string | undefined {
  const hidden = hiddenCharacters(prompt, { lineBreaks: true });
  if (hidden.length === 0) return undefined;
  if (hidden.length === 1) return t('The prompt contains an invisible or control character ({0} at position {1}); remove it.', hidden[0].code, hidden[0].position);
  return t('The prompt contains {0} invisible or control characters, the first {1} at position {2}; remove them.', hidden.length, hidden[0].code, hidden[0].position);
}
