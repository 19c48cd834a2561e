/**
 * Validation of untrusted faults (control API JSON, per-request specs) and the
 * shorthand parser. The syntax is documented at the top of faults.ts.
 */
import type { Fault, FaultKind, OversizedField, RedirectCode } from './faults';

export class FaultSyntaxError extends Error {}

export const REDIRECT_CODES: readonly RedirectCode[] = [301, 302, 303, 307, 308];
export const OVERSIZED_FIELDS: readonly OversizedField[] = ['status', 'model', 'error', 'video_url', 'id'];

const KINDS: ReadonlySet<string> = new Set<FaultKind>([
  'status', 'delay', 'html', 'empty', 'truncated', 'wrongShape', 'unknownStatus', 'huge', 'reset', 'stopEarly',
  'redirect', 'endless', 'oversized', 'lengthMismatch',
]);

const STATUS_BODIES = ['json', 'html', 'empty', 'xml'] as const;
type StatusBody = (typeof STATUS_BODIES)[number];

/** The shortest oversized video_url: https://videos.sim.invalid/x.mp4 */
export const VIDEO_URL_PREFIX = 'https://videos.sim.invalid/';
export const VIDEO_URL_SUFFIX = '.mp4';
const MIN_VIDEO_URL = VIDEO_URL_PREFIX.length + VIDEO_URL_SUFFIX.length + 1;

function intArg(value: unknown, what: string, min: number): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < min) {
    throw new FaultSyntaxError(`${what} must be an integer >= ${min}, got ${JSON.stringify(value)}`);
  }
  return n;
}

function optionalInt(value: unknown, what: string, min: number): number | undefined {
  return value === undefined || value === null ? undefined : intArg(value, what, min);
}

/** A header value Node will send: no control characters but tab, nothing above U+00FF. */
function headerText(value: unknown, what: string, allowEmpty = false): string {
  if (typeof value !== 'string' || (value === '' && !allowEmpty) || /[^\t\x20-\x7e\x80-\xff]/.test(value)) {
    throw new FaultSyntaxError(`${what} must be a ${allowEmpty ? '' : 'non-empty '}string without control characters, got ${JSON.stringify(value)}`);
  }
  return value;
}

function validateStatus(o: Record<string, unknown>): Fault {
  const code = intArg(o.code, 'status code', 100);
  if (code > 599) throw new FaultSyntaxError(`status code must be <= 599, got ${code}`);
  const fault: Fault = { kind: 'status', code };
  if (o.retryAfter !== undefined && o.retryAfter !== null) fault.retryAfter = headerText(String(o.retryAfter), 'retryAfter', true);
  if (o.body !== undefined) {
    if (!(STATUS_BODIES as readonly unknown[]).includes(o.body)) {
      throw new FaultSyntaxError(`status body must be json, html, xml or empty, got ${JSON.stringify(o.body)}`);
    }
    fault.body = o.body as StatusBody;
  }
  return fault;
}

function validateRedirect(o: Record<string, unknown>): Fault {
  const fault: Fault = { kind: 'redirect', hops: intArg(o.hops, 'redirect hops', 1) };
  if (o.code !== undefined && o.code !== null) {
    const code = intArg(o.code, 'redirect code', 300);
    if (!(REDIRECT_CODES as readonly number[]).includes(code)) {
      throw new FaultSyntaxError(`redirect code must be one of ${REDIRECT_CODES.join(', ')}, got ${code}`);
    }
    fault.code = code as RedirectCode;
  }
  if (o.to !== undefined && o.to !== null) fault.to = headerText(o.to, 'redirect to');
  if (o.relative !== undefined && o.relative !== null) {
    if (typeof o.relative !== 'boolean') throw new FaultSyntaxError('redirect relative must be true or false');
    if (o.relative) fault.relative = true;
  }
  return fault;
}

function validateOversized(o: Record<string, unknown>): Fault {
  if (!(OVERSIZED_FIELDS as readonly unknown[]).includes(o.field)) {
    throw new FaultSyntaxError(`oversized field must be one of ${OVERSIZED_FIELDS.join(', ')}, got ${JSON.stringify(o.field)}`);
  }
  const field = o.field as OversizedField;
  const bytes = intArg(o.bytes, 'oversized bytes', field === 'video_url' ? MIN_VIDEO_URL : 0);
  return { kind: 'oversized', field, bytes };
}

/** Validate an untrusted object (from JSON) as a Fault. Throws FaultSyntaxError. */
export function validateFault(input: unknown): Fault {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new FaultSyntaxError('a fault must be a JSON object with a "kind"');
  }
  const o = input as Record<string, unknown>;
  const kind = o.kind;
  if (typeof kind !== 'string' || !KINDS.has(kind)) {
    throw new FaultSyntaxError(`unknown fault kind: ${JSON.stringify(kind)}`);
  }
  switch (kind as FaultKind) {
    case 'status':
      return validateStatus(o);
    case 'delay':
      return { kind: 'delay', ms: intArg(o.ms, 'delay ms', 0) };
    case 'html':
    case 'empty':
    case 'truncated':
    case 'wrongShape':
      return { kind: kind as 'html' | 'empty' | 'truncated' | 'wrongShape' };
    case 'unknownStatus':
      return o.status === undefined ? { kind: 'unknownStatus' } : { kind: 'unknownStatus', status: String(o.status) };
    case 'huge':
      return { kind: 'huge', bytes: intArg(o.bytes, 'huge bytes', 0), ...(o.chunked === true ? { chunked: true } : {}) };
    case 'reset':
      return o.afterBytes === undefined ? { kind: 'reset' } : { kind: 'reset', afterBytes: intArg(o.afterBytes, 'reset afterBytes', 0) };
    case 'stopEarly':
      return { kind: 'stopEarly', afterBytes: intArg(o.afterBytes, 'stopEarly afterBytes', 0) };
    case 'redirect':
      return validateRedirect(o);
    case 'endless': {
      const contentLength = optionalInt(o.contentLength, 'endless contentLength', 0);
      return contentLength === undefined ? { kind: 'endless' } : { kind: 'endless', contentLength };
    }
    case 'oversized':
      return validateOversized(o);
    case 'lengthMismatch':
      return { kind: 'lengthMismatch', declared: intArg(o.declared, 'lengthMismatch declared', 0) };
  }
}

/** `<code>`, `<code>:<retry-after>`, `<code>:<body>[:<retry-after>]`. */
function parseStatus(code: string, arg: string | undefined): Fault {
  const fault: Record<string, unknown> = { kind: 'status', code };
  const m = arg === undefined ? null : /^(json|html|empty|xml)(?::(.*))?$/.exec(arg);
  if (m) {
    fault.body = m[1];
    if (m[2] !== undefined && m[2].trim() !== '') fault.retryAfter = m[2].trim();
  } else if (arg !== undefined && arg !== '') {
    fault.retryAfter = arg;
  }
  return validateFault(fault);
}

/** `<hops>[:<code>][:relative|:<absolute-url>]`. */
function parseRedirect(arg: string | undefined): Fault {
  if (arg === undefined || arg === '') throw new FaultSyntaxError('redirect needs a hop count: redirect:<hops>');
  const colon = arg.indexOf(':');
  const fault: Record<string, unknown> = { kind: 'redirect', hops: colon < 0 ? arg : arg.slice(0, colon) };
  let rest = colon < 0 ? '' : arg.slice(colon + 1);
  const code = /^(\d{3})(?::|$)/.exec(rest);
  if (code) {
    fault.code = code[1];
    rest = rest.slice(code[0].length);
  }
  if (rest === 'relative') fault.relative = true;
  else if (/^[a-z][a-z0-9+.-]*:/i.test(rest)) fault.to = rest;
  else if (rest !== '') throw new FaultSyntaxError(`redirect target must be an absolute URL or "relative", got ${JSON.stringify(rest)}`);
  return validateFault(fault);
}

function parseOversized(arg: string | undefined): Fault {
  const m = arg === undefined ? null : /^([a-z_]+):(.*)$/.exec(arg);
  if (!m) throw new FaultSyntaxError(`oversized needs oversized:<field>:<bytes>, got ${JSON.stringify(arg ?? '')}`);
  return validateFault({ kind: 'oversized', field: m[1], bytes: m[2] });
}

/** Parse a per-request fault spec (header / query value). See the syntax at the top of faults.ts. */
export function parseFaultSpec(spec: string): Fault[] {
  const text = spec.trim();
  if (text === '') return [];
  if (text.startsWith('{') || text.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new FaultSyntaxError(`fault spec is not valid JSON: ${text}`);
    }
    return (Array.isArray(parsed) ? parsed : [parsed]).map(validateFault);
  }
  const colon = text.indexOf(':');
  const head = colon < 0 ? text : text.slice(0, colon);
  const arg = colon < 0 ? undefined : text.slice(colon + 1).trim();
  if (/^\d{3}$/.test(head)) return [parseStatus(head, arg)];
  switch (head) {
    case 'delay':
      return [validateFault({ kind: 'delay', ms: arg })];
    case 'huge':
      return [validateFault({ kind: 'huge', bytes: arg })];
    case 'stopEarly':
      return [validateFault({ kind: 'stopEarly', afterBytes: arg })];
    case 'reset':
      return [validateFault({ kind: 'reset', afterBytes: arg === '' ? undefined : arg })];
    case 'unknownStatus':
      return [validateFault({ kind: 'unknownStatus', status: arg === '' ? undefined : arg })];
    case 'redirect':
      return [parseRedirect(arg)];
    case 'endless':
      return [validateFault({ kind: 'endless', contentLength: arg === '' ? undefined : arg })];
    case 'oversized':
      return [parseOversized(arg)];
    case 'lengthMismatch':
      return [validateFault({ kind: 'lengthMismatch', declared: arg })];
    case 'html':
    case 'empty':
    case 'truncated':
    case 'wrongShape':
      if (arg !== undefined) throw new FaultSyntaxError(`fault ${head} takes no argument`);
      return [{ kind: head }];
    default:
      throw new FaultSyntaxError(`unknown fault spec: ${text}`);
  }
}

/** A spec string that parses back to `fault`: the shorthand when there is one, else JSON. */
export function formatRedirectSpec(fault: Extract<Fault, { kind: 'redirect' }>): string {
  const parts = [`redirect:${fault.hops}`];
  if (fault.code !== undefined) parts.push(String(fault.code));
  if (fault.to !== undefined) {
    if (fault.relative || !/^[a-z][a-z0-9+.-]*:/i.test(fault.to)) return JSON.stringify(fault);
    parts.push(fault.to);
  } else if (fault.relative) {
    parts.push('relative');
  }
  return parts.join(':');
}
