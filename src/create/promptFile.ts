// Prompt files (`*.veo.json`): one request object, or an array of them, written with the
// API's field names. Finds each request and where it starts, for a CodeLens above it. Pure.

export interface PromptFileRequest {
  /** Offset of the request's `{` in the text. */
  offset: number;
  /** The parsed object (checked later with `checkRequest(requestFromBody(body))`). */
  body: unknown;
}

export type PromptFile = { ok: true; requests: PromptFileRequest[] } | { ok: false; message: string };

/** More requests than this in one file get no lenses (a generated file of thousands is not a prompt file). */
export const MAX_REQUESTS_PER_FILE = 200;

export function readPromptFile(text: string): PromptFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `not valid JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  const offsets = topLevelObjectOffsets(text);
  if (Array.isArray(data)) {
    const requests: PromptFileRequest[] = [];
    data.forEach((body, i) => {
      if (typeof body === 'object' && body !== null && !Array.isArray(body) && offsets[i] !== undefined) requests.push({ offset: offsets[i], body });
    });
    return { ok: true, requests: requests.slice(0, MAX_REQUESTS_PER_FILE) };
  }
  if (typeof data === 'object' && data !== null) return { ok: true, requests: [{ offset: offsets[0] ?? 0, body: data }] };
  return { ok: false, message: 'a prompt file holds one request object or an array of them' };
}

/**
 * Offsets of the values at depth 1 when the root is an array (each element's first
 * character), or of the root itself when it is an object. Strings are skipped properly.
 * Only called on text `JSON.parse` accepted.
 */
function topLevelObjectOffsets(text: string): number[] {
  let i = 0;
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  skipSpace();
  if (text[i] === '{') return [i];
  if (text[i] !== '[') return [];
  const offsets: number[] = [];
  let depth = 0;
  let expectValue = true;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      if (depth === 1 && expectValue) offsets.push(i);
      expectValue = false;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      continue;
    }
    if (c === '[' || c === '{') {
      if (depth === 1 && expectValue) offsets.push(i);
      if (depth >= 1) expectValue = false;
      depth++;
      continue;
    }
    if (c === ']' || c === '}') {
      depth--;
      continue;
    }
    if (depth === 1 && c === ',') {
      expectValue = true;
      continue;
    }
    if (depth === 1 && expectValue && !/\s/.test(c)) {
      offsets.push(i);
      expectValue = false;
    }
  }
  return offsets;
}
