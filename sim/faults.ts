/**
 * Fault model: what can go wrong, which requests it hits, and how a single
 * request can ask for one itself. Parsing and validation: faultSpec.ts.
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
 *                                (any other text after `<code>:` is sent verbatim as Retry-After:
 *                                 `429:0`, `429:-5`, `429:abc`, `429:99999999999`, past dates)
 *       500 | 502 | 503 | 401 | 403 | <any 3-digit code>
 *       <code>:html|json|xml|empty[:<retry-after>]   that status with that body, e.g. `404:html`
 *                                (a proxy's page), `503:empty:30`
 *       delay:<ms>               respond <ms> wall-clock ms later (then normally)
 *       html | empty | truncated | wrongShape
 *       unknownStatus[:<status>] documented JSON with status <status> (default 'paused')
 *       huge:<bytes>             200 body of exactly <bytes> bytes
 *       reset[:<afterBytes>]     headers + part of the body, then TCP reset
 *       stopEarly:<afterBytes>   full Content-Length, <afterBytes> bytes, then FIN
 *       redirect:<hops>[:<code>][:relative|:<absolute-url>]
 *                                <hops> redirects (default 302) back to the same URL, then the
 *                                normal answer; with a URL the LAST hop points there instead
 *                                (e.g. `redirect:2:http://example.invalid/v.mp4`, `redirect:1:ftp://x/y`);
 *                                `relative` sends path-only Locations
 *       endless[:<contentLength>] 200 body that never ends (chunked), or declares <contentLength>
 *                                (e.g. 3221225472) and streams until the client hangs up
 *       oversized:<field>:<bytes> the documented JSON with <field> (status|model|error|video_url|id)
 *                                padded to exactly <bytes> characters
 *       lengthMismatch:<declared> Content-Length: <declared>, the real body, then the connection closes
 *     e.g. `curl -H 'x-sim-fault: 429:30' ...` or `.../v1/result/abc?sim_fault=reset`.
 *
 * JSON forms of the hardening faults (the Fault type below has them all), with
 * the server they hit by default (`target.on` overrides; per-request specs hit
 * whichever server got the request):
 *   {"kind":"redirect","hops":3,"code":307,"to":"http://example.invalid/v.mp4","relative":false}  video
 *   {"kind":"endless","contentLength":3221225472}                                                video
 *   {"kind":"oversized","field":"video_url","bytes":100000}                                       api
 *   {"kind":"status","code":404,"body":"html"}  with target {"times":1}: a proxy's one-off 404     api
 *   {"kind":"status","code":429,"retryAfter":"-5"}  (any text, sent verbatim)                     api
 *   {"kind":"lengthMismatch","declared":1000000}                                                  video
 * e.g. curl -X POST $SIM/__sim/faults -d '{"fault":{"kind":"endless"},"target":{"times":1}}'
 * A failed task's `error` (TaskSpec.error) is any string, returned verbatim,
 * e.g. 'Blocked. [Retry](command:workbench.action.closeWindow "Retry")'.
 *
 * Redirect chains propagate themselves: each Location is the request's own
 * path and query plus `sim_fault=<the redirect spec>` and `sim_hops_left=<n>`
 * (so clients that drop or re-send the x-sim-fault header both work); a
 * request whose `sim_hops_left` is 0 gets the normal answer, Range included.
 *
 * A request takes at most one `delay` fault and at most one other fault: a
 * delay followed by a 503 is two injected faults consumed by the same request.
 */

import { validateFault } from './faultSpec';

export { FaultSyntaxError, OVERSIZED_FIELDS, parseFaultSpec, REDIRECT_CODES, validateFault } from './faultSpec';

/** Per-request fault: header name and query parameter. */
export const FAULT_HEADER = 'x-sim-fault';
export const FAULT_QUERY = 'sim_fault';
/** Query parameter of a redirect chain's Location: hops still to go. */
export const HOPS_QUERY = 'sim_hops_left';

export type ServerName = 'api' | 'video';

export type RedirectCode = 301 | 302 | 303 | 307 | 308;
export type OversizedField = 'status' | 'model' | 'error' | 'video_url' | 'id';

export type Fault =
  /** HTTP error status. `body` defaults by code (JSON for 4xx/500, HTML for 502/503/504; XML on the video host). */
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
  | { kind: 'stopEarly'; afterBytes: number }
  /**
   * `hops` (>= 1) redirects with status `code` (default 302) whose Location is the
   * same URL (absolute, or path-only with `relative`); the last hop's Location is
   * `to` (sent verbatim) when given. The request after the last hop is answered
   * normally (byte ranges included).
   */
  | { kind: 'redirect'; hops: number; code?: RedirectCode; to?: string; relative?: boolean }
  /**
   * 200 body that never ends: video/mp4 synthetic bytes on the video host, the
   * start of a JSON object padded forever on the API. Chunked, or with
   * `contentLength` declared (streamed up to that length, i.e. until the client
   * gives up). Generated on demand; stops when the socket closes.
   */
  | { kind: 'endless'; contentLength?: number }
  /** The documented result JSON with `field`'s value padded (or cut) to exactly `bytes` characters. */
  | { kind: 'oversized'; field: OversizedField; bytes: number }
  /** The normal response declaring Content-Length: `declared` but sending the real bytes; then the connection closes. */
  | { kind: 'lengthMismatch'; declared: number };

export type FaultKind = Fault['kind'];

export interface FaultTarget {
  /** Only requests about this task id (result/{id} on the API, the video of {id}). */
  taskId?: string;
  /** How many matching requests it hits. Default 1. Infinity or a negative number = every one. */
  times?: number;
  /** Which server. Default: see defaultServerFor. */
  on?: ServerName;
}

export interface ArmedFault {
  fault: Fault;
  taskId: string | undefined;
  on: ServerName;
  /** Remaining hits; Infinity = unlimited. */
  remaining: number;
}

const VIDEO_FIRST: ReadonlySet<FaultKind> = new Set<FaultKind>(['stopEarly', 'redirect', 'endless', 'lengthMismatch']);

/** 'video' for stopEarly, redirect, endless and lengthMismatch; 'api' for everything else. */
export function defaultServerFor(fault: Fault): ServerName {
  return VIDEO_FIRST.has(fault.kind) ? 'video' : 'api';
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
