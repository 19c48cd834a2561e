// "Copy as Markdown": `[label](destination)` for notes and READMEs. Pure. The label comes from
// stored state (a name the user or a link gave, or an id from the network), so every character
// that Markdown could read as markup is backslash-escaped; the destination is percent-encoded
// where Markdown would end or break it (spaces, parentheses, angle brackets, backslashes).
import { pathToFileURL } from 'node:url';
import { cutText, stripControls, toWellFormed } from './safeText';

export const MAX_LABEL = 200;

/**
 * Every ASCII punctuation character with a meaning in CommonMark, GFM or common renderers
 * (emphasis, links, images, code, HTML, entities, autolinks' `:`, tables, math `$`, mentions
 * `@`, footnotes `^`): escaped with a backslash, which CommonMark allows for any of them.
 */
const MARKUP = /[!#$&()*+\-.:<=>@[\\\]^_`{|}~]/g;

/** One line of label text, capped, with nothing in it read as markup. */
export function escapeLinkText(text: string, max = MAX_LABEL): string {
  const flat = cutText(toWellFormed(stripControls(text)).replace(/\s+/g, ' ').trim(), max);
  return flat.replace(MARKUP, '\\$&');
}

/** Characters that end or break a link destination, and controls: percent-encoded. */
function encodeDestination(url: string): string {
  return url.replace(/[\s()<>\\\u0000-\u001f\u007f]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}

/** A http(s) video link as a destination; undefined for anything else (another scheme, not a URL). */
export function urlDestination(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  return encodeDestination(parsed.href);
}

/** An absolute path as a `file://` destination. */
export function fileDestination(absolutePath: string): string {
  return encodeDestination(pathToFileURL(absolutePath).href);
}

/** A path relative to the workspace folder, given as its segments, as a relative destination. */
export function relativeDestination(segments: readonly string[]): string {
  return segments
    .map((s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()))
    .join('/');
}

/** `[label](destination)`; an empty label becomes the destination's own text, escaped. */
export function markdownLink(label: string, destination: string): string {
  const text = escapeLinkText(label);
  return `[${text === '' ? escapeLinkText(destination) : text}](${destination})`;
}
