/**
 * Turns a response fault into what actually goes on the wire.
 */
import type { OutgoingHttpHeaders } from 'node:http';
import type { Fault, ServerName } from './faults';
import { endlessJsonBody, endlessVideoBody, hugeBody } from './generatedBodies';
import { type Cut, type PlannedResponse, jsonResponse, textResponse, EMPTY_BODY } from './http';
import { oversizedResponse, resultOrPlaceholder } from './oversized';
import { redirectResponse } from './redirectFault';
import type { RequestTarget } from './requestTarget';
import type { TaskResultJson } from './tasks';

export type ResponseFault = Exclude<Fault, { kind: 'delay' }>;

export interface FaultContext {
  server: ServerName;
  /** The documented result of the task this request is about, when there is one. */
  result?: TaskResultJson;
  taskId?: string;
  nowMs: number;
  /** The request's raw path and query (redirects point back at them). */
  target: RequestTarget;
  /** host[:port] the client addressed. */
  host: string;
}

export interface FaultedResponse {
  planned: PlannedResponse;
  cut?: Cut;
}

const REASONS: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 408: 'Request Timeout',
  429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

function reason(code: number): string {
  return REASONS[code] ?? 'Error';
}

function errorType(code: number): string {
  if (code === 401) return 'authentication_error';
  if (code === 403) return 'permission_error';
  if (code === 429) return 'rate_limit_error';
  if (code >= 500) return 'server_error';
  return 'invalid_request_error';
}

export function htmlErrorPage(code: number): string {
  const title = `${code} ${reason(code)}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

function xmlError(code: string, message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>SIM${Date.now().toString(16).toUpperCase()}</RequestId></Error>`;
}

function statusResponse(fault: Extract<Fault, { kind: 'status' }>, server: ServerName): PlannedResponse {
  const { code } = fault;
  const headers: OutgoingHttpHeaders = {};
  if (fault.retryAfter !== undefined) headers['retry-after'] = fault.retryAfter;
  const defaultBody = code === 502 || code === 503 || code === 504 ? 'html' : server === 'video' ? 'xml' : 'json';
  switch (fault.body ?? defaultBody) {
    case 'html':
      return textResponse(code, 'text/html', htmlErrorPage(code), headers);
    case 'xml':
      return textResponse(code, 'application/xml', xmlError(code === 403 ? 'AccessDenied' : 'InternalError', reason(code)), headers);
    case 'empty':
      return { status: code, headers, body: EMPTY_BODY };
    case 'json':
    default: {
      const message = code === 429 ? 'Rate limit exceeded: too many requests, please slow down' : reason(code);
      return jsonResponse(code, { error: { message, type: errorType(code), code } }, headers);
    }
  }
}

function endlessResponse(fault: Extract<Fault, { kind: 'endless' }>, ctx: FaultContext): PlannedResponse {
  const size = fault.contentLength ?? Infinity;
  const chunked = fault.contentLength === undefined;
  if (ctx.server === 'video') {
    return { status: 200, headers: { 'content-type': 'video/mp4', 'accept-ranges': 'none' }, body: endlessVideoBody(size), chunked };
  }
  return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: endlessJsonBody(ctx.taskId, size), chunked };
}

const HTML_PAGE =
  '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Service temporarily unavailable</title></head>\n' +
  '<body><h1>Oops! Something went wrong.</h1><p>The service is busy, please try again later.</p></body></html>\n';

/**
 * The response for `fault`. `normal` builds the response the request would have
 * got without the fault (only called for faults that damage it).
 */
export function applyResponseFault(fault: ResponseFault, normal: () => PlannedResponse, ctx: FaultContext): FaultedResponse {
  switch (fault.kind) {
    case 'status':
      return { planned: statusResponse(fault, ctx.server) };
    case 'html':
      return { planned: textResponse(200, 'text/html; charset=utf-8', HTML_PAGE) };
    case 'empty':
      return { planned: { status: 200, headers: { 'content-type': 'application/json' }, body: EMPTY_BODY } };
    case 'wrongShape':
      return { planned: jsonResponse(200, { data: null }) };
    case 'unknownStatus':
      return { planned: jsonResponse(200, { ...resultOrPlaceholder(ctx.result, ctx.taskId, ctx.nowMs), status: fault.status ?? 'paused' }) };
    case 'huge':
      return {
        planned: { status: 200, headers: { 'content-type': 'application/json' }, body: hugeBody(fault.bytes), chunked: fault.chunked },
      };
    case 'truncated': {
      const base = normal();
      const half = Math.floor(base.body.size / 2);
      const body = base.body;
      return { planned: { ...base, body: { size: half, open: (s, e) => body.open(s, e) } } };
    }
    case 'reset': {
      const base = normal();
      const afterBytes = fault.afterBytes ?? Math.min(Math.floor(base.body.size / 2), 64 * 1024);
      return { planned: base, cut: { afterBytes, ending: 'reset' } };
    }
    case 'stopEarly':
      return { planned: normal(), cut: { afterBytes: fault.afterBytes, ending: 'fin' } };
    case 'redirect':
      return { planned: redirectResponse(fault, ctx.target, ctx.host) ?? normal() };
    case 'endless':
      return { planned: endlessResponse(fault, ctx) };
    case 'oversized':
      return { planned: oversizedResponse(fault, resultOrPlaceholder(ctx.result, ctx.taskId, ctx.nowMs)) };
    case 'lengthMismatch': {
      const base = normal();
      return { planned: { ...base, headers: { ...base.headers, connection: 'close' }, chunked: false, declaredLength: fault.declared } };
    }
  }
}

