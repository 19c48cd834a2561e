// File names for downloaded videos, safe on Windows, macOS and Linux. Pure.

/** Device names Windows reserves whatever follows them after a dot or space (`con.foo`, `nul .mp4`). */
const RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(?=[. ]|$)/i;
/** Characters no OS accepts in a name, plus controls and separators that break lines. */
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f-\u009f\p{Zl}\p{Zp}\p{Cs}]/gu;
/** Format characters: bidi overrides and isolates (U+202A-U+202E, U+2066-U+2069), marks (U+200E, U+200F, U+061C), zero-width ones. */
const FORMAT = /\p{Cf}/gu;
const MAX_STEM_CHARS = 120;
/** Whole name, extension included; most file systems allow 255 bytes, leaving room for ` (12)`. */
export const MAX_NAME_BYTES = 200;
const EXTENSION = '.mp4';

/** `<task id>.mp4`, with characters no OS accepts replaced and reserved names avoided. */
export function videoFileName(taskId: string): string {
  let stem = trimEnds(taskId.normalize('NFC').replace(FORMAT, '').replace(FORBIDDEN, '_'));
  stem = stem.replace(RESERVED, '$1_');
  stem = trimEnds(cutToBytes(cutToChars(stem, MAX_STEM_CHARS), MAX_NAME_BYTES - utf8Length(EXTENSION)));
  // Nothing left (an empty id, or only characters that were removed or trimmed): `video.mp4`.
  return `${stem || 'video'}${EXTENSION}`;
}

/** `name.mp4`, else `name (1).mp4`, `name (2).mp4`, ... the first that `exists` says is free. */
export function uniqueName(fileName: string, exists: (name: string) => boolean): string {
  for (let i = 0; ; i++) {
    const candidate = numberedName(fileName, i);
    if (!exists(candidate)) return candidate;
  }
}

/** `name.mp4` for 0, `name (n).mp4` otherwise. */
export function numberedName(fileName: string, n: number): string {
  if (n === 0) return fileName;
  const dot = fileName.lastIndexOf('.');
  const stem = dot > 0 ? fileName.slice(0, dot) : fileName;
  const ext = dot > 0 ? fileName.slice(dot) : '';
  return `${stem} (${n})${ext}`;
}

/** Windows drops trailing dots and spaces; leading ones hide the file or make it `..`. */
function trimEnds(s: string): string {
  return s.replace(/[. ]+$/, '').replace(/^[. ]+/, '');
}

/** At most `max` code points (never half a surrogate pair). */
function cutToChars(s: string, max: number): string {
  const chars = Array.from(s);
  return chars.length <= max ? s : chars.slice(0, max).join('');
}

/** The longest prefix of whole code points that is at most `max` bytes in UTF-8. */
function cutToBytes(s: string, max: number): string {
  let bytes = 0;
  let out = '';
  for (const ch of s) {
    bytes += utf8Length(ch);
    if (bytes > max) break;
    out += ch;
  }
  return out;
}

function utf8Length(s: string): number {
  let bytes = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return bytes;
}
