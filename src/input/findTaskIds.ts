// Finds VEO task ids in free text: terminal output, logs, JSON files, a selection. Pure.
//
// Two kinds of match:
// - "prefixed": ids in the shapes the API hands out (`vgen_abc123def456`,
//   `video_<uuid>`), found anywhere;
// - "field": the value of an `"id"` / `"task_id"` / `"projectId"` field of a printed
//   answer (`{"id": "..."}`), whatever its shape, since some providers' ids have none.
// Every match passes the same rules as a typed id (validateTaskId). Both the text looked at
// and the number of matches are capped, so a huge file or line costs a bounded time.
import { validateTaskId } from './parseTaskIds';

export type FoundKind = 'prefixed' | 'field';

export interface FoundId {
  id: string;
  /** Where the id starts in the text (UTF-16 units). */
  index: number;
  length: number;
  kind: FoundKind;
}

export interface FoundIds {
  /** Each id once, in the order of its first appearance. */
  found: FoundId[];
  /** The text was longer than `maxChars`, or held more than `maxIds` ids: the rest was not looked at. */
  truncated: boolean;
}

export interface FindOptions {
  /** Characters looked at, from the start (default 2,000,000). */
  maxChars?: number;
  /** Distinct ids returned at most (default 1,000). */
  maxIds?: number;
  /** Include "field" matches (default true). */
  fields?: boolean;
}

export const DEFAULT_MAX_CHARS = 2_000_000;
export const DEFAULT_MAX_IDS = 1_000;

const UUID = '[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}';
// Not glued to a longer word on either side (`xvgen_1` and `vgen_1x…` beyond the cap are not ids).
const PREFIXED = new RegExp(`(?<![A-Za-z0-9_-])(?:vgen_[A-Za-z0-9][A-Za-z0-9_-]{2,119}[A-Za-z0-9]|video_${UUID})(?![A-Za-z0-9_-])`, 'g');
// `"id": "value"` in JSON; an unquoted `id: "value"` (code, YAML) is not matched: far too common.
// Values shorter than 6 characters (`"id": "1"`) are record numbers, not task ids.
const FIELD = /"(?:id|task_id|taskId|projectId)"\s*:\s*"([^"\\\s]{6,256})"/g;
/** A character that would continue an id (what PREFIXED may not be followed by; a field value ends at its quote, before any cut). */
const ID_CHAR = /[A-Za-z0-9_-]/;
/** The shapes of the API's own ids, for a field value. */
const VEO_SHAPE = /^(?:vgen|video)_/;
// What a printed answer of the VEO API carries besides its id.
const VEO_ANSWER = /"object"\s*:\s*"video"|"status"\s*:\s*"(?:queued|processing|completed|failed)"/;

/**
 * Whether `text` holds (part of) a printed VEO answer: only then are the `"id"` fields of a
 * whole file or selection taken as task ids (a JSON file's `"id"`s are usually something else).
 */
export function mentionsVeoAnswer(text: string, maxChars = DEFAULT_MAX_CHARS): boolean {
  return VEO_ANSWER.test(text.length > maxChars ? text.slice(0, maxChars) : text);
}

/** The task ids in `text`, each once, in order, with where they first appear. */
export function findTaskIds(text: string, options: FindOptions = {}): FoundIds {
  const maxIds = clampCount(options.maxIds, DEFAULT_MAX_IDS);
  const { matches, cut } = scan(text, options);
  const found: FoundId[] = [];
  const seen = new Set<string>();
  for (const match of matches) {
    if (seen.has(match.id)) continue;
    if (found.length === maxIds) return { found, truncated: true };
    seen.add(match.id);
    found.push(match);
  }
  return { found, truncated: cut };
}

/**
 * Every place an id appears (not only its first), for marking each as a link: meant for one
 * terminal line; capped at `maxIds` all the same.
 */
export function findTaskIdOccurrences(text: string, options: FindOptions = {}): FoundId[] {
  return scan(text, options).matches.slice(0, clampCount(options.maxIds, DEFAULT_MAX_IDS));
}

/**
 * The ids of one terminal line to mark as links. Bare `vgen_…` / `video_<uuid>` ids always; an
 * `"id"` field's value only when the same line looks like a VEO answer (a VEO `"status"` or
 * `"object": "video"`) or the value has a VEO shape itself, so the `"id"`s npm, docker or
 * kubectl print are not offered as tasks.
 */
export function findTerminalTaskIds(line: string, options: Omit<FindOptions, 'fields'> = {}): FoundId[] {
  const veoLine = mentionsVeoAnswer(line, clampCount(options.maxChars, DEFAULT_MAX_CHARS));
  const { matches } = scan(line, { ...options, fields: true });
  return matches.filter((m) => m.kind === 'prefixed' || veoLine || VEO_SHAPE.test(m.id)).slice(0, clampCount(options.maxIds, DEFAULT_MAX_IDS));
}

/** Valid matches of both kinds in the first `maxChars` of `text`, by position, one per position. */
function scan(text: string, options: FindOptions): { matches: FoundId[]; cut: boolean } {
  const maxChars = clampCount(options.maxChars, DEFAULT_MAX_CHARS);
  const cut = text.length > maxChars;
  const scanned = cut ? text.slice(0, maxChars) : text;
  // A match that ends at the cut while the text goes on with id characters is the start of a
  // longer id (`vgen_abc1|23def456`), not an id: offering it would track the wrong task.
  const cutThrough = cut && ID_CHAR.test(text[maxChars]);
  const byIndex = new Map<number, FoundId>();
  const add = (match: FoundId) => {
    if (cutThrough && match.index + match.length === maxChars) return;
    if (!byIndex.has(match.index) && validateTaskId(match.id) === undefined) byIndex.set(match.index, match);
  };
  for (const m of scanned.matchAll(PREFIXED)) add({ id: m[0], index: m.index, length: m[0].length, kind: 'prefixed' });
  if (options.fields !== false) {
    for (const m of scanned.matchAll(FIELD)) {
      const id = m[1];
      // The value ends just before the closing quote that ends the match.
      add({ id, index: m.index + m[0].length - 1 - id.length, length: id.length, kind: 'field' });
    }
  }
  return { matches: [...byIndex.values()].sort((a, b) => a.index - b.index), cut };
}

function clampCount(value: number | undefined, fallback: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.max(0, Math.min(Math.floor(value), fallback));
}
