// What a language model passes to the tools, read defensively: VS Code checks the input
// against the declared schema, but another extension's `invokeTool` or a model's odd call can
// still bring any shape. Ids go through the same rules as typed ones. Pure.
import { parseTaskIds, validateTaskId } from '../input/parseTaskIds';
import { checkRequest, type Checked } from '../request/videoRequest';
import type { TaskState } from '../store/trackedTask';
import { LISTABLE_STATES, type ListOptions } from './toolResults';

/** Ids one track call takes at most. */
export const MAX_TRACK_IDS = 100;

export function listInput(raw: unknown): ListOptions {
  const o = objectOf(raw);
  const given = Array.isArray(o.status) ? o.status : o.status === undefined ? [] : [o.status];
  const states = given.filter((s): s is TaskState => (LISTABLE_STATES as readonly unknown[]).includes(s));
  return { states, limit: typeof o.limit === 'number' ? o.limit : undefined };
}

/** The one id asked about, or why it is refused. */
export function getInput(raw: unknown): { id: string } | { problem: string } {
  const id = objectOf(raw).id;
  if (typeof id !== 'string') return { problem: 'Give the task id as "id".' };
  const trimmed = id.trim();
  const problem = validateTaskId(trimmed);
  return problem ? { problem } : { id: trimmed };
}

/** The ids to track, each read as the Track Task box reads what is pasted; at most MAX_TRACK_IDS. */
export function trackInput(raw: unknown): { ids: string[]; refused: string[] } {
  const o = objectOf(raw);
  const pieces = Array.isArray(o.ids) ? o.ids : typeof o.ids === 'string' ? [o.ids] : [];
  const ids: string[] = [];
  const refused: string[] = [];
  for (const piece of pieces) {
    if (typeof piece !== 'string') {
      refused.push(`An id must be text (got ${piece === null ? 'null' : typeof piece}).`);
      continue;
    }
    const parsed = parseTaskIds(piece);
    refused.push(...parsed.errors);
    for (const id of parsed.ids) if (!ids.includes(id)) ids.push(id);
  }
  if (ids.length > MAX_TRACK_IDS) {
    refused.push(`At most ${MAX_TRACK_IDS} ids are tracked per call; the last ${ids.length - MAX_TRACK_IDS} were left out.`);
    ids.length = MAX_TRACK_IDS;
  }
  return { ids, refused };
}

/**
 * The creation request, checked by the same rules as the New Video form; the mode follows
 * from the image fields present (reference images, or a first/last frame).
 */
export function createInput(raw: unknown): Checked {
  const o = objectOf(raw);
  const images = o.referenceImages;
  const hasImages = Array.isArray(images) ? images.length > 0 : images !== undefined;
  const hasFrames = o.firstFrame !== undefined || o.lastFrame !== undefined;
  const mode = hasImages && hasFrames ? 'both' : hasImages ? 'reference' : hasFrames ? 'frames' : 'text';
  return checkRequest({
    prompt: o.prompt,
    model: o.model ?? 'veo_3_1_fast',
    resolution: o.resolution,
    aspectRatio: o.aspectRatio,
    mode,
    referenceImages: images,
    firstFrame: o.firstFrame,
    lastFrame: o.lastFrame,
  });
}

function objectOf(raw: unknown): Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
}
