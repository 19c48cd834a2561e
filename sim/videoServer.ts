/**
 * The video host: a different origin from the API, serving signed, expiring
 * links like an object store (S3-style XML errors), with byte ranges.
 */
import { createReadStream } from 'node:fs';
import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import { type ExchangeDeps, runExchange, type Route } from './exchange';
import { type Body, type PlannedResponse, textResponse } from './http';
import { Listener } from './listener';
import { parseRange } from './range';
import { type RequestTarget, splitTarget } from './requestTarget';
import type { UrlSigner } from './signing';
import type { ServerStats } from './stats';
import { createSyntheticStream } from './synthetic';
import type { SimTask, TaskStore } from './tasks';

export interface VideoServerDeps extends ExchangeDeps {
  tasks: TaskStore;
  stats: ServerStats;
  signer: UrlSigner;
  fixture: { path: string; size: number };
  /** Answer 400 when an Authorization header comes along, as S3 does for pre-signed URLs. */
  rejectAuthorization: boolean;
}

function xml(status: number, code: string, message: string, extra: Record<string, string> = {}): PlannedResponse {
  const fields = Object.entries(extra)
    .map(([k, v]) => `<${k}>${v}</${k}>`)
    .join('');
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message>${fields}</Error>`;
  return textResponse(status, 'application/xml', text);
}

export function videoBody(task: SimTask, fixture: { path: string; size: number }): Body {
  if (task.videoBytes !== undefined) {
    return { size: task.videoBytes, open: (start, end) => createSyntheticStream(start, end) };
  }
  return { size: fixture.size, open: (start, end) => createReadStream(fixture.path, { start, end, highWaterMark: 64 * 1024 }) };
}

function slice(body: Body, start: number, endInclusive: number): Body {
  return { size: endInclusive - start + 1, open: (s, e) => body.open(start + s, start + e) };
}

function etagOf(task: SimTask, size: number): string {
  return `"${Buffer.from(task.id).toString('hex').slice(0, 24)}-${size.toString(16)}"`;
}

function serveVideo(req: IncomingMessage, task: SimTask, body: Body): PlannedResponse {
  const etag = etagOf(task, body.size);
  const headers: OutgoingHttpHeaders = {
    'content-type': 'video/mp4',
    'accept-ranges': 'bytes',
    etag,
    'last-modified': new Date(task.completedAtMs).toUTCString(),
  };
  const ifRange = req.headers['if-range'];
  const rangeHeader = ifRange === undefined || ifRange === etag ? req.headers.range : undefined;
  const range = parseRange(rangeHeader, body.size);
  if (range.kind === 'unsatisfiable') {
    const planned = xml(416, 'InvalidRange', 'The requested range is not satisfiable', {
      RangeRequested: String(req.headers.range),
      ActualObjectSize: String(body.size),
    });
    planned.headers['content-range'] = `bytes */${body.size}`;
    return planned;
  }
  if (range.kind === 'partial') {
    headers['content-range'] = `bytes ${range.start}-${range.end}/${body.size}`;
    return { status: 206, headers, body: slice(body, range.start, range.end) };
  }
  return { status: 200, headers, body };
}

function videoRoute(deps: VideoServerDeps, req: IncomingMessage, target: RequestTarget): Route {
  const m = /^\/videos\/([^/]+)\.mp4$/.exec(target.pathname);
  let id: string | undefined;
  if (m) {
    try {
      id = decodeURIComponent(m[1]);
    } catch {
      id = undefined;
    }
  }
  return {
    taskId: id,
    plan: () => {
      const task = id === undefined ? undefined : deps.tasks.get(id);
      if (!task) return xml(404, 'NoSuchKey', 'The specified key does not exist.');
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        const planned = xml(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
        planned.headers.allow = 'GET, HEAD';
        return planned;
      }
      if (deps.rejectAuthorization && req.headers.authorization !== undefined) {
        return xml(400, 'InvalidArgument', 'Only one auth mechanism allowed; only the signed query string or the Authorization header should be specified');
      }
      const expires = target.query.get('expires');
      const sig = target.query.get('sig');
      if (expires === null || sig === null) {
        return xml(403, 'AccessDenied', 'Query-string authentication requires the expires and sig parameters');
      }
      if (!deps.signer.verify(task.id, expires, sig)) {
        return xml(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
      }
      const now = deps.now();
      if (now >= Number(expires)) {
        return xml(403, 'AccessDenied', 'Request has expired', {
          Expires: new Date(Number(expires)).toISOString(),
          ServerTime: new Date(now).toISOString(),
        });
      }
      if (!task.hasVideoAt(now)) return xml(404, 'NoSuchKey', 'The specified key does not exist.');
      return serveVideo(req, task, videoBody(task, deps.fixture));
    },
  };
}

export function createVideoListener(deps: VideoServerDeps): Listener {
  return new Listener(async (req, res) => {
    const target = splitTarget(req.url);
    await runExchange(deps, 'video', deps.stats, req, res, target, videoRoute(deps, req, target));
  });
}

