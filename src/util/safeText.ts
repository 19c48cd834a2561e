// Text from outside (the network, stored state) made safe to store, show and log:
// control characters out, well-formed, length capped. Pure.

/** Line breaks and tabs: they become a space. */
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]/g;
/**
 * C0, DEL, C1, every format character (`\p{Cf}`: bidi controls, zero-width characters, the tag
 * characters U+E0000-E007F...), and the other default-ignorable code points that show as
 * nothing (combining grapheme joiner, Hangul fillers, Khmer inherent vowels, variation
 * selectors 17-256, unassigned ignorables). Variation selectors 1-16 are handled apart
 * (STRAY_VARIATIONS): one after a visible character picks an emoji or CJK form.
 */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\p{Cf}\u034f\u115f\u1160\u17b4\u17b5\u2065\u3164\uffa0\ufff0-\ufff8\u{e0000}-\u{e0fff}]/gu;
/** Variation selectors 1-16 and the Mongolian ones. */
const VARIATION = '\\u180b-\\u180d\\u180f\\ufe00-\\ufe0f';
/** Variation selectors that follow no visible character (at the start, after a space or another selector): they select nothing and show as nothing. */
const STRAY_VARIATIONS = new RegExp(`(?<=^|[\\s${VARIATION}])[${VARIATION}]+`, 'gu');
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Line breaks and tabs become spaces; every other control, format or invisible character is removed. */
export function stripControls(text: string): string {
  return text.replace(BREAKS, ' ').replace(CONTROLS, '').replace(STRAY_VARIATIONS, '');
}

/** A character a reader cannot see (or a control), where it is: for messages that say what to remove. */
export interface HiddenCharacter {
  /** `U+200B`. */
  code: string;
  /** 1-based, counted in characters (code points), as an editor's column counts them. */
  position: number;
}

/** Any control (Cc), format (Cf), default-ignorable code point, line/paragraph separator, or half of a surrogate pair. */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\p{Zl}\p{Zp}]|[\ud800-\udfff]/u;
const VARIATION_SELECTOR = new RegExp(`^[${VARIATION}]$`, 'u');
/** What a variation selector may follow: a character that shows. */
const VISIBLE_BASE = /^[^\s\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\p{Zl}\p{Zp}\ud800-\udfff]$/u;
/**
 * Where a zero-width joiner or non-joiner changes what is shown, so it is not hidden: between
 * two emoji (👩‍💻, ❤️‍🔥), or between two letters of a joining or Indic script (Persian می‌خواهم,
 * Devanagari conjuncts).
 */
const JOINABLE =
  /^[\p{Extended_Pictographic}\p{Emoji_Modifier}\ufe0f\p{scx=Arabic}\p{scx=Syriac}\p{scx=Nko}\p{scx=Mongolian}\p{scx=Devanagari}\p{scx=Bengali}\p{scx=Gurmukhi}\p{scx=Gujarati}\p{scx=Oriya}\p{scx=Tamil}\p{scx=Telugu}\p{scx=Kannada}\p{scx=Malayalam}\p{scx=Sinhala}]$/u;

/**
 * The characters of `text` that would be sent but not seen: controls (tab, line feed and
 * carriage return allowed when `lineBreaks`), format characters (bidi controls, zero-width
 * characters, tag characters U+E0000-E007F), the other default-ignorable code points, line and
 * paragraph separators, and halves of surrogate pairs. Allowed, because they show: one variation
 * selector after a visible character, a zero-width (non-)joiner between emoji or letters of a
 * script it joins. In order; linear in the length.
 */
export function hiddenCharacters(text: string, options: { lineBreaks: boolean }): HiddenCharacter[] {
  const found: HiddenCharacter[] = [];
  const chars = Array.from(text);
  chars.forEach((c, i) => {
    if (!HIDDEN.test(c)) return;
    if (options.lineBreaks && (c === '\n' || c === '\r' || c === '\t')) return;
    if (VARIATION_SELECTOR.test(c) && VISIBLE_BASE.test(chars[i - 1] ?? '')) return;
    if ((c === '\u200c' || c === '\u200d') && JOINABLE.test(chars[i - 1] ?? '') && JOINABLE.test(chars[i + 1] ?? '')) return;
    found.push({ code: codeOf(c), position: i + 1 });
  });
  return found;
}

/** `text` with each hidden character (as `hiddenCharacters` finds them) written as `[U+200B]`, so it shows; line breaks as `\n`. */
export function showHidden(text: string, options: { lineBreaks: boolean }): string {
  const normalized = options.lineBreaks ? text.replace(/\r\n?/g, '\n') : text;
  const hidden = new Set(hiddenCharacters(normalized, options).map((h) => h.position - 1));
  if (hidden.size === 0) return normalized;
  return Array.from(normalized)
    .map((c, i) => (hidden.has(i) ? `[${codeOf(c)}]` : c))
    .join('');
}

function codeOf(c: string): string {
  return `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** True when `text` has a UTF-16 surrogate without its pair (not well-formed Unicode). */
export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

/** Lone surrogates replaced by U+FFFD (what `String.prototype.toWellFormed` does). */
export function toWellFormed(text: string): string {
  return text.replace(new RegExp(LONE_SURROGATE.source, 'g'), '\ufffd');
}

/** The first `max` UTF-16 units of `text`, one fewer when that would split a surrogate pair. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\ud800-\udbff]/.test(text[max - 1] ?? '') ? max - 1 : max;
  return text.slice(0, Math.max(0, end));
}

/** Control characters stripped, lone surrogates replaced, cut to `max` (no ellipsis). */
export function cleanText(text: string, max: number): string {
  return cutText(toWellFormed(stripControls(text)), max);
}

/** `text` with its runs of whitespace as one space, trimmed, and cut to `max` characters with an ellipsis (never half a surrogate pair). */
export function oneLine(text: string, max: number): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${cutText(one, max - 1)}…` : one;
}
