// What a language model passes to the tools, read defensively: VS Code checks the input
// against the declared schema, but another extension's `invokeTool` or a model's odd call can
// still bring any shape. Ids go through the same rules as typed ones. Pure.
import { MAX_ID_LENGTH, parseTaskIds, validateTaskId } from '../input/parseTaskIds';
import { checkRequest, type Checked } from '../request/videoRequest';
import { LISTABLE_STATES, MAX_REFUSALS_SHOWN, MAX_TRACK_CHARS, MAX_TRACK_ENTRIES, MAX_TRACK_IDS, type ListOptions } from './toolResults';

export { MAX_TRACK_IDS } from './toolResults';

/** Entries of `status` the list call reads at most (there are 7 states). */
const MAX_STATUS_ENTRIES = 100;

export function listInput(raw: unknown): ListOptions {
  const o = objectOf(raw);
  const given = new Set(Array.isArray(o.status) ? o.status.slice(0, MAX_STATUS_ENTRIES) : [o.status]);
  // Each known state once, however often it was given.
  const states = LISTABLE_STATES.filter((s) => given.has(s));
  return { states, limit: typeof o.limit === 'number' ? o.limit : undefined };
}

/** The one id asked about, or why it is refused. */
export function getInput(raw: unknown): { id: string } | { problem: string } {
  const id = objectOf(raw).id;
  if (typeof id !== 'string') return { problem: 'Give the task id as "id".' };
  // Not read further than an id can be long (plus spaces around it).
  if (id.length > 4 * MAX_ID_LENGTH) return { problem: `A task id has at most ${MAX_ID_LENGTH} characters; this one has ${id.length}.` };
  const trimmed = id.trim();
  const problem = validateTaskId(trimmed);
  return problem ? { problem } : { id: trimmed };
}

/** What a track call asks for, read in one pass and within caps. */
export interface TrackRequest {
  /** At most MAX_TRACK_IDS distinct ids, in the order given. */
  ids: string[];
  /** At most MAX_REFUSALS_SHOWN messages, one per refused piece. */
  refused: string[];
  /** How many pieces were refused (refused shows the first of them). */
  refusedCount: number;
  /** Valid ids after the first MAX_TRACK_IDS, not tracked. */
  leftOut: number;
  /** Entries of `ids` not read, or read only in part (past MAX_TRACK_ENTRIES or MAX_TRACK_CHARS). */
  notRead: number;
}

/** The ids to track, each read as the Track Task box reads what is pasted; at most MAX_TRACK_IDS. */
export function trackInput(raw: unknown): TrackRequest {
  const o = objectOf(raw);
  const pieces: unknown[] = Array.isArray(o.ids) ? o.ids : typeof o.ids === 'string' ? [o.ids] : [];
  const seen = new Set<string>();
  const ids: string[] = [];
  const refused: string[] = [];
  let refusedCount = 0;
  let leftOut = 0;
  /** Characters of string entries read so far. */
  let chars = 0;
  const refuse = (message: string): void => {
    refusedCount++;
    if (refused.length < MAX_REFUSALS_SHOWN) refused.push(message);
  };
  let read = 0;
  for (; read < pieces.length && read < MAX_TRACK_ENTRIES; read++) {
    const piece = pieces[read];
    if (typeof piece !== 'string') {
      refuse(`An id must be text (got ${piece === null ? 'null' : typeof piece}).`);
      continue;
    }
    const room = MAX_TRACK_CHARS - chars;
    // Past the cap only whole ids are read: the text up to the last separator that fits.
    const text = piece.length <= room ? piece : piece.slice(0, Math.max(0, piece.slice(0, room + 1).search(/[\s,;][^\s,;]*$/)));
    chars += text.length;
    const parsed = parseTaskIds(text);
    for (const error of parsed.errors) refuse(error);
    for (const id of parsed.ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      if (ids.length < MAX_TRACK_IDS) ids.push(id);
      else leftOut++;
    }
    if (text.length < piece.length) break;
  }
  return { ids, refused, refusedCount, leftOut, notRead: pieces.length - read };
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
