/**
 * Fault model: what can go wrong, which requests it hits, and how a single
 * request can ask for one itself.
 *
 * Three ways to inject a fault:
 *  1. In process:   sim.injectFault(fault, { taskId?, times?, on? })
 *  2. Control API:  POST /__sim/faults  {"fault": {...}, "target": {...}}
 *  3. Per request:  header  `x-sim-fault: <spec>`  or query  `?sim_fault=<spec>`
 *     (the header wins when both are present; applies to that request only, on
 *     whichever server received it). <spec> is either a JSON Fault object /
 *     array of Fault objects, or one shorthand:
 *       429                      status 429, no Retry-After
 *       429:120                  status 429, Retry-After: 120
 *       429:Wed, 21 Oct 2026 07:28:00 GMT   status 429 with an HTTP-date Retry-After
 *       500 | 502 | 503 | 401 | 403 | <any 3-digit code>
 *       delay:<ms>               respond <ms> wall-clock ms later (then normally)
 *       html | empty | truncated | wrongShape
 *       unknownStatus[:<status>] documented JSON with status <status> (default 'paused')
 *       huge:<bytes>             200 body of exactly <bytes> bytes
 *       reset[:<afterBytes>]     headers + part of the body, then TCP reset
 *       stopEarly:<afterBytes>   full Content-Length, <afterBytes> bytes, then FIN
 *     e.g. `curl -H 'x-sim-fault: 429:30' ...` or `.../v1/result/abc?sim_fault=reset`.
 *
 * A request takes at most one `delay` fault and at most one other fault: a
 * delay followed by a 503 is two injected faults consumed by the same request.
 */

export type ServerName = 'api' | 'video';

export type Fault =
  /** HTTP error status. `body` defaults by code (JSON for 4xx/500, HTML for 502/503/504). */
  | { kind: 'status'; code: number; retryAfter?: string; body?: 'json' | 'html' | 'empty' | 'xml' }
  /** Respond after a real (wall-clock) delay, then as usual (or with the request's other fault). */
  | { kind: 'delay'; ms: number }
  /** 200 with an HTML error page (text/html). */
  | { kind: 'html' }
  /** 200 with an empty body (Content-Type application/json, Content-Length 0). */
  | { kind: 'empty' }
  /** 200 JSON cut in half (Content-Length of the half: the HTTP exchange itself is fine). */
  | { kind: 'truncated' }
  /** 200 valid JSON that is not the documented object: {"data":null}. */
  | { kind: 'wrongShape' }
  /** The documented JSON with an unknown status value (default 'paused'). */
  | { kind: 'unknownStatus'; status?: string }
  /** 200 application/json body of exactly `bytes` bytes; `chunked` omits Content-Length. */
  | { kind: 'huge'; bytes: number; chunked?: boolean }
  /** Headers and `afterBytes` (default: half, at most 64 KiB) body bytes, then the socket is reset. */
  | { kind: 'reset'; afterBytes?: number }
  /** Full Content-Length, only `afterBytes` body bytes, then the socket is ended (FIN). */
  | { kind: 'stopEarly'; afterBytes: number };

export type FaultKind = Fault['kind'];

export interface FaultTarget {
  /** Only requests about this task id (result/{id} on the API, the video of {id}). */
  taskId?: string;
  /** How many matching requests it hits. Default 1. Infinity or a negative number = every one. */
  times?: number;
  /** Which server. Default: 'video' for stopEarly, 'api' for everything else. */
  on?: ServerName;
}

export interface ArmedFault {
  fault: Fault;
  taskId: string | undefined;
  on: ServerName;
  /** Remaining hits; Infinity = unlimited. */
  remaining: number;
}

export function defaultServerFor(fault: Fault): ServerName {
  return fault.kind === 'stopEarly' ? 'video' : 'api';
}

const KINDS: ReadonlySet<string> = new Set<FaultKind>([
  'status', 'delay', 'html', 'empty', 'truncated', 'wrongShape', 'unknownStatus', 'huge', 'reset', 'stopEarly',
]);

function intArg(value: unknown, what: string, min: number): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min) {
    throw new FaultSyntaxError(`${what} must be an integer >= ${min}, got ${JSON.stringify(value)}`);
  }
  return n;
}

export class FaultSyntaxError extends Error {}

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
    case 'status': {
      const code = intArg(o.code, 'status code', 100);
      if (code > 599) throw new FaultSyntaxError(`status code must be <= 599, got ${code}`);
      const fault: Fault = { kind: 'status', code };
      if (o.retryAfter !== undefined && o.retryAfter !== null) fault.retryAfter = String(o.retryAfter);
      if (o.body !== undefined) {
        if (o.body !== 'json' && o.body !== 'html' && o.body !== 'empty' && o.body !== 'xml') {
          throw new FaultSyntaxError(`status body must be json, html, xml or empty, got ${JSON.stringify(o.body)}`);
        }
        fault.body = o.body;
      }
      return fault;
    }
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
  }
}

/** Parse a per-request fault spec (header / query value). See the syntax at the top of this file. */
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
  if (/^\d{3}$/.test(head)) {
    const fault: Fault = { kind: 'status', code: Number(head) };
    if (arg !== undefined && arg !== '') fault.retryAfter = arg;
    return [validateFault(fault)];
  }
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

/** What a single request ends up with. */
export interface RequestFaults {
  delay?: Extract<Fault, { kind: 'delay' }>;
  response?: Exclude<Fault, { kind: 'delay' }>;
}

/** Split a list of faults into at most one delay and one response fault (first of each wins). */
export function pickFaults(faults: readonly Fault[]): RequestFaults {
  const picked: RequestFaults = {};
  for (const f of faults) {
    if (f.kind === 'delay') picked.delay ??= f;
    else picked.response ??= f;
  }
  return picked;
}

/** Faults armed for upcoming requests, consumed in injection order. */
export class FaultQueue {
  private armed: ArmedFault[] = [];

  add(fault: Fault, target: FaultTarget = {}): ArmedFault {
    const valid = validateFault(fault);
    const times = target.times ?? 1;
    if (Number.isNaN(times) || times === 0) throw new RangeError(`fault times must be non-zero, got ${times}`);
    const armed: ArmedFault = {
      fault: valid,
      taskId: target.taskId,
      on: target.on ?? defaultServerFor(valid),
      remaining: times < 0 ? Infinity : times,
    };
    this.armed.push(armed);
    return armed;
  }

  /** Take the faults for one request on `server` about `taskId` (undefined when the request names no task). */
  take(server: ServerName, taskId: string | undefined): RequestFaults {
    const picked: RequestFaults = {};
    for (const a of this.armed) {
      if (a.on !== server || a.remaining <= 0) continue;
      if (a.taskId !== undefined && a.taskId !== taskId) continue;
      const f = a.fault;
      if (f.kind === 'delay') {
        if (picked.delay) continue;
        picked.delay = f;
      } else {
        if (picked.response) continue;
        picked.response = f;
      }
      a.remaining -= 1;
    }
    this.armed = this.armed.filter((a) => a.remaining > 0);
    return picked;
  }

  pending(): readonly ArmedFault[] {
    return this.armed;
  }

  clear(): void {
    this.armed = [];
  }
}
