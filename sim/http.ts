/**
 * Small HTTP helpers shared by both servers: a response is first planned
 * (status, headers, a body that can be opened at any byte range), then sent,
 * which lets faults cut or replace it without each route knowing about them.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { Readable } from 'node:stream';

/** A response body of known size that can be streamed from any byte range. */
export interface Body {
  readonly size: number;
  /** Stream bytes [start, endInclusive]. */
  open(start: number, endInclusive: number): Readable;
}

export interface PlannedResponse {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Body;
  /** Omit Content-Length (chunked transfer encoding). */
  chunked?: boolean;
  /** Content-Length to announce instead of body.size (a lie; send with connection: close). */
  declaredLength?: number;
}

/** Send only the first `afterBytes` bytes, then end the socket gracefully ('fin') or reset it. */
export interface Cut {
  afterBytes: number;
  ending: 'fin' | 'reset';
}

export const EMPTY_BODY: Body = bufferBody(Buffer.alloc(0));

export function bufferBody(buf: Buffer): Body {
  return {
    size: buf.length,
    open: (start, endInclusive) => Readable.from([buf.subarray(start, endInclusive + 1)]),
  };
}

export function jsonResponse(status: number, value: unknown, headers: OutgoingHttpHeaders = {}): PlannedResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: bufferBody(Buffer.from(JSON.stringify(value), 'utf8')),
  };
}

export function textResponse(status: number, contentType: string, text: string, headers: OutgoingHttpHeaders = {}): PlannedResponse {
  return { status, headers: { 'content-type': contentType, ...headers }, body: bufferBody(Buffer.from(text, 'utf8')) };
}

/** The (undocumented) error shape this simulator uses: OpenAI-like. */
export function errorResponse(status: number, message: string, type: string, headers: OutgoingHttpHeaders = {}): PlannedResponse {
  return jsonResponse(status, { error: { message, type } }, headers);
}

export class BodyTooLargeError extends Error {}

/** Read the whole request body (bounded). */
export async function readRequestBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    total += buf.length;
    if (total > limit) throw new BodyTooLargeError(`request body over ${limit} bytes`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** Resolve once everything written to `socket` so far has been handed to the kernel. */
function afterFlush(socket: Socket, fn: () => void): void {
  if (socket.destroyed) return;
  socket.write(Buffer.alloc(0), () => fn());
}

function endSocket(socket: Socket, ending: Cut['ending']): void {
  if (ending === 'fin') {
    socket.end();
    return;
  }
  // Give the peer a moment to read the headers and partial body, then reset (RST).
  afterFlush(socket, () => {
    setTimeout(() => {
      if (!socket.destroyed) socket.resetAndDestroy();
    }, 30).unref();
  });
}

/**
 * Write `planned` to `res`. HEAD gets headers only. With `cut`, the headers
 * still announce the full length but only `cut.afterBytes` body bytes are sent
 * before the connection ends. Resolves when done (or when the client went away).
 */
export function sendPlanned(req: IncomingMessage, res: ServerResponse, planned: PlannedResponse, cut?: Cut): Promise<void> {
  return new Promise((resolve) => {
    const socket = res.socket;
    const headers: OutgoingHttpHeaders = { ...planned.headers };
    if (!planned.chunked) headers['content-length'] = String(planned.declaredLength ?? planned.body.size);
    if (cut) headers.connection = 'close';
    res.writeHead(planned.status, headers);

    const head = req.method === 'HEAD';
    const toSend = head ? 0 : Math.min(planned.body.size, cut ? cut.afterBytes : planned.body.size);
    const finish = (): void => {
      if (cut && socket) {
        // Push the headers (and whatever body was sent) out, then cut.
        res.flushHeaders();
        endSocket(socket, cut.ending);
      } else {
        res.end();
      }
      resolve();
    };
    if (toSend === 0) {
      finish();
      return;
    }
    const stream = planned.body.open(0, toSend - 1);
    res.once('close', () => {
      stream.destroy();
      resolve();
    });
    stream.on('error', () => {
      res.destroy();
      resolve();
    });
    stream.on('end', finish);
    stream.pipe(res, { end: false });
  });
}

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}
