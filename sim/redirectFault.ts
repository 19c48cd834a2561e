/**
 * The redirect fault: a chain of `hops` redirects back to the same URL, each
 * Location carrying the fault and the hops still to go, so the chain runs
 * however the client follows it (see faults.ts).
 */
import type { OutgoingHttpHeaders } from 'node:http';
import { FAULT_QUERY, type Fault, HOPS_QUERY } from './faults';
import { formatRedirectSpec } from './faultSpec';
import { type PlannedResponse, textResponse } from './http';
import type { RequestTarget } from './requestTarget';

export type RedirectFault = Extract<Fault, { kind: 'redirect' }>;

const REASONS: Record<number, string> = {
  301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 307: 'Temporary Redirect', 308: 'Permanent Redirect',
};

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Hops still to go for this request: `sim_hops_left` when the URL carries it, else all of them. */
export function hopsLeft(fault: RedirectFault, query: URLSearchParams): number {
  const raw = query.get(HOPS_QUERY);
  return raw !== null && /^\d+$/.test(raw) ? Number(raw) : fault.hops;
}

/** Where the next hop goes: the same path and query, plus the fault and the hops left after it. */
export function nextLocation(fault: RedirectFault, target: RequestTarget, host: string, left: number): string {
  const remaining = left - 1;
  if (remaining === 0 && fault.to !== undefined) return fault.to;
  const query = new URLSearchParams(target.query);
  query.set(FAULT_QUERY, formatRedirectSpec(fault));
  query.set(HOPS_QUERY, String(remaining));
  const path = `${target.pathname}?${query.toString()}`;
  return fault.relative ? path : `http://${host}${path}`;
}

/** The redirect for this hop, or undefined when no hops are left (answer normally). */
export function redirectResponse(fault: RedirectFault, target: RequestTarget, host: string): PlannedResponse | undefined {
  const left = hopsLeft(fault, target.query);
  if (left <= 0) return undefined;
  const code = fault.code ?? 302;
  const location = nextLocation(fault, target, host, left);
  const title = `${code} ${REASONS[code]}`;
  const headers: OutgoingHttpHeaders = { location };
  const page = `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n` +
    `<a href="${escapeHtml(location)}">${escapeHtml(location)}</a>\r\n</body>\r\n</html>\r\n`;
  return textResponse(code, 'text/html', page, headers);
}
