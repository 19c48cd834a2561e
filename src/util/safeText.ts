// Text from outside (the network, stored state) made safe to store, show and log:
// control characters out, well-formed, length capped. Pure.

/** Line breaks and tabs: they become a space. */
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]/g;
/** C0, DEL, C1, and the bidi and zero-width formatting characters (they reorder or hide text). */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Line breaks and tabs become spaces; every other control or bidi character is removed. */
export function stripControls(text: string): string {
  return text.replace(BREAKS, ' ').replace(CONTROLS, '');
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
