// A video host on loopback whose every answer a test writes itself, for the faults the
// simulator has no knob for (a 206 whose range stops short of the total, HTML labelled
// video/mp4, a host that ignores Range, a body that stalls with the socket open, an ETag that
// changes with the same length). Each request gets the next script step; the last one repeats.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Step = (req: IncomingMessage, res: ServerResponse) => void;

export interface ScriptedHost {
  url: string;
  /** The headers of every request received, in order. */
  requests: IncomingHttpHeaders[];
  close(): Promise<void>;
}

export async function scriptedHost(steps: Step[]): Promise<ScriptedHost> {
  const requests: IncomingHttpHeaders[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.headers);
    steps[Math.min(requests.length, steps.length) - 1](req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/videos/v.mp4?expires=1&sig=x`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** `n` deterministic bytes that are no HTML (the first is not `<` or white space). */
export function videoBytes(n: number, seed = 1): Buffer {
  const b = Buffer.alloc(n);
  let x = seed * 2654435761;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  b[0] = 0x00;
  return b;
}

/** A 200 with the whole body (Content-Length, video/mp4 and the given extra headers). */
export function whole(body: Buffer, headers: http.OutgoingHttpHeaders = {}): Step {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': body.length, ...headers });
    res.end(body);
  };
}

/** Headers declaring the whole body, `sent` bytes of it, then the connection reset. */
export function dropAfter(body: Buffer, sent: number, headers: http.OutgoingHttpHeaders = {}): Step {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': body.length, ...headers });
    res.write(body.subarray(0, sent), () => setTimeout(() => res.socket?.destroy(), 20));
  };
}

/** Honours `Range: bytes=N-` (and If-Range against `etag`) the way a correct host does. */
export function ranged(body: Buffer, etag?: string): Step {
  return (req, res) => {
    const m = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    const ifRange = req.headers['if-range'];
    const headers: http.OutgoingHttpHeaders = { 'content-type': 'video/mp4', 'accept-ranges': 'bytes', ...(etag ? { etag } : {}) };
    if (!m || (ifRange !== undefined && ifRange !== etag)) return whole(body, headers)(req, res);
    const start = Number(m[1]);
    res.writeHead(206, { ...headers, 'content-length': body.length - start, 'content-range': `bytes ${start}-${body.length - 1}/${body.length}` });
    res.end(body.subarray(start));
  };
}
