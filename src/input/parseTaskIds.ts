// Turns what the user pasted into task ids. Pure. `validateTaskId` is the one rule for an id
// from anywhere: typed or pasted, a vscode:// link, the terminal, a file or selection, a chat
// tool, the create answer, stored state and imports all go through it.
import { cutText, hasLoneSurrogate } from '../util/safeText';
import { t } from '../util/l10n';

export const MAX_ID_LENGTH = 256;

export interface ParsedIds {
  ids: string[];
  /** One message per refused piece. */
  errors: string[];
  /** Pieces that appeared more than once in the input. */
  duplicates: string[];
}

/** Splits on whitespace, commas and semicolons; trims; drops duplicates; refuses absurd ids. */
export function parseTaskIds(input: string): ParsedIds {
  const ids: string[] = [];
  const errors: string[] = [];
  const duplicates: string[] = [];
  const seen = new Set<string>();
  // Quotes and brackets are stripped so a pasted JSON array of ids also works.
  for (const raw of input.split(/[\s,;]+/)) {
    const piece = raw.replace(/^["'[\]]+|["'[\]]+$/g, '');
    if (piece === '') continue;
    const problem = validateTaskId(piece);
    if (problem) {
      errors.push(problem);
      continue;
    }
    if (seen.has(piece)) {
      duplicates.push(piece);
      continue;
    }
    seen.add(piece);
    ids.push(piece);
  }
  return { ids, errors, duplicates };
}

/** Spaces of any kind, format, private-use and unassigned characters, default-ignorables (U+3164 HANGUL FILLER, U+200B) and the blank braille cell. */
const UNSEEN = (c: string): boolean => /[\s\p{Z}\p{C}\p{Default_Ignorable_Code_Point}\u2800]/u.test(c);
/** Combining marks: they stack on the character before, so two ids can look alike. */
const MARK = (c: string): boolean => /\p{M}/u.test(c);

/**
 * What every id kept in stored state meets: the rules of earlier versions (not empty, no control
 * or format characters, at most MAX_ID_LENGTH, not only dots, well-formed). A task tracked before
 * `validateTaskId` became stricter is kept, not dropped on load (it is shown escaped like any
 * stored text); new ids from any way in must also pass `validateTaskId`.
 */
export function validateStoredTaskId(id: string): string | undefined {
  if (id.trim() === '') return t('A task id cannot be empty.');
  if (/[\u0000-\u001f\u007f-\u009f]/.test(id)) return t('A task id cannot contain control characters ({0}).', JSON.stringify(shorten(id)));
  if (id.length > MAX_ID_LENGTH) return t('A task id cannot be longer than {0} characters ("{1}" has {2}).', MAX_ID_LENGTH, shorten(id), id.length);
  if (/^\.+$/.test(id)) return t('A task id cannot be made only of dots ("{0}"): in a URL it would name another path.', shorten(id));
  if (hasLoneSurrogate(id)) return t('A task id must be well-formed Unicode text ({0} has half of a character pair).', JSON.stringify(shorten(id)));
  const format = firstMatch(id, (c) => /\p{Cf}/u.test(c));
  if (format) return t('A task id cannot contain spaces or invisible characters ("{0}" has {1} at position {2}).', shown(id, UNSEEN), format.code, format.position);
  return undefined;
}

/** A message saying what is wrong with `id`, or undefined when it is acceptable. */
export function validateTaskId(id: string): string | undefined {
  const basic = validateStoredTaskId(id);
  if (basic !== undefined) return basic;
  // Every character must be one a reader sees and can type: ids of the API are ASCII
  // (`vgen_abc123def456`, `video_<uuid>`), but an id is an opaque string, so other visible
  // letters are allowed as long as nothing in it hides, joins or imitates another character.
  const hidden = firstMatch(id, UNSEEN);
  if (hidden) return t('A task id cannot contain spaces or invisible characters ("{0}" has {1} at position {2}).', shown(id, UNSEEN), hidden.code, hidden.position);
  const mark = firstMatch(id, MARK);
  if (mark) return t('A task id cannot contain combining marks ("{0}" has {1} at position {2}).', shown(id, MARK), mark.code, mark.position);
  if (id.normalize('NFKC') !== id) {
    // A character that changes alone, else (a sequence that composes) the first that is not ASCII.
    const lookalike = firstMatch(id, (c) => c.normalize('NFKC') !== c) ?? firstMatch(id, (c) => c > '\u007f') ?? { code: '?', position: 0, char: '?' };
    return t(
      'A task id cannot contain look-alike characters such as full-width letters ("{0}" has {1} at position {2}, which stands for "{3}"). Type the plain characters.',
      shown(id),
      lookalike.code,
      lookalike.position,
      lookalike.char.normalize('NFKC'),
    );
  }
  // What VS Code renders in notifications, quick picks and labels: `$(zap)` as an icon, `[x](command:y)` as a link.
  if (id.includes('$(') || id.includes('](')) return t('A task id cannot contain "$(" or "](" ("{0}"): VS Code would show it as an icon or a link.', shown(id));
  return undefined;
}

/** The first character of `id` that `bad` refuses: its code (`U+3164`) and position (1 = the first character). */
function firstMatch(id: string, bad: (c: string) => boolean): { code: string; position: number; char: string } | undefined {
  const chars = Array.from(id);
  const at = chars.findIndex(bad);
  if (at < 0) return undefined;
  const code = `U+${(chars[at].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  return { code, position: at + 1, char: chars[at] };
}

/** `id` for a message: without the characters `drop` refuses (they would not show), shortened, icon and link syntax broken. */
function shown(id: string, drop?: (c: string) => boolean): string {
  const visible = drop ? Array.from(id).filter((c) => !drop(c)).join('') : id;
  return shorten(visible).replace(/\$\(/g, '$ (').replace(/\]\(/g, '] (');
}

function shorten(s: string): string {
  return s.length > 40 ? `${cutText(s, 37)}...` : s;
}
