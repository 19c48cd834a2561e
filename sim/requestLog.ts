/**
 * The record of every request either server received (control API excluded).
 */
import type { IncomingMessage } from 'node:http';
import type { Fault, ServerName } from './faults';

export interface RecordedRequest {
  /** 1, 2, 3, ... across both servers; not reset by clearRequests(). */
  seq: number;
  server: ServerName;
  method: string;
  /** Raw request target as received: path + query, not decoded. */
  path: string;
  /** Header names lowercased; repeated headers joined with ', '. */
  headers: Record<string, string>;
  /** Sim clock when the request arrived, ms. */
  time: number;
  /** Date.now() when the request arrived. */
  wallTime: number;
  /** The task the request is about (decoded id), when the path names one. */
  taskId?: string;
  /** Request body as UTF-8, for requests that carried one. */
  body?: string;
  /** Faults applied to this request (injected or per-request). */
  faults?: Fault[];
  /** Status code sent, once the response headers went out. */
  status?: number;
}

export function headersOf(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i].toLowerCase();
    out[name] = name in out ? `${out[name]}, ${raw[i + 1]}` : raw[i + 1];
  }
  return out;
}

export class RequestLog {
  private entries: RecordedRequest[] = [];
  private nextSeq = 1;

  record(server: ServerName, req: IncomingMessage, simTime: number): RecordedRequest {
    const entry: RecordedRequest = {
      seq: this.nextSeq++,
      server,
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers: headersOf(req),
      time: simTime,
      wallTime: Date.now(),
    };
    this.entries.push(entry);
    return entry;
  }

  /** The live list, in arrival order. */
  get all(): readonly RecordedRequest[] {
    return this.entries;
  }

  clear(): void {
    this.entries = [];
  }
}
