// Turns what the user pasted into task ids. Pure.
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

/** A message saying what is wrong with `id`, or undefined when it is acceptable. */
export function validateTaskId(id: string): string | undefined {
  if (id.trim() === '') return t('A task id cannot be empty.');
  if (/[\u0000-\u001f\u007f-\u009f]/.test(id)) return t('A task id cannot contain control characters ({0}).', JSON.stringify(shorten(id)));
  if (id.length > MAX_ID_LENGTH) return t('A task id cannot be longer than {0} characters ("{1}" has {2}).', MAX_ID_LENGTH, shorten(id), id.length);
  if (/^\.+$/.test(id)) return t('A task id cannot be made only of dots ("{0}"): in a URL it would name another path.', shorten(id));
  if (hasLoneSurrogate(id)) return t('A task id must be well-formed Unicode text ({0} has half of a character pair).', JSON.stringify(shorten(id)));
  const hidden = id.match(/\p{Cf}/gu);
  if (hidden) {
    const codes = [...new Set(hidden)].map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`);
    return t('A task id cannot contain invisible formatting or text-direction characters ("{0}" has {1}).', shorten(id.replace(/\p{Cf}/gu, '')), codes.join(', '));
  }
  return undefined;
}

function shorten(s: string): string {
  return s.length > 40 ? `${cutText(s, 37)}...` : s;
}
