/**
 * Test helpers: a raw HTTP client over real sockets (node:http) that reports
 * exactly what arrived, including partial bodies and socket errors.
 */
import * as http from 'node:http';
import { VeoSimulator, type SimulatorOptions } from '../../../sim/simulator';

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  text: string;
}

export interface RawOutcome {
  /** Set once the response head arrived. */
  status?: number;
  headers?: http.IncomingHttpHeaders;
  /** Body bytes that arrived before the end or the error. */
  body: Buffer;
  /** Set when the exchange failed (socket reset, premature close, ...). */
  error?: NodeJS.ErrnoException;
  /** True when the response ended normally. */
  complete: boolean;
}

export interface RequestOptions {
  method?: string;
  headers?: http.OutgoingHttpHeaders;
  body?: string | Buffer;
  /** Defaults to a fresh connection per request (agent: false). */
  agent?: http.Agent | false;
}

/** Send one request; never rejects on HTTP-level trouble, reports it instead. */
export function rawRequest(url: string, opts: RequestOptions = {}): Promise<RawOutcome> {
  return new Promise((resolve) => {
    const outcome: RawOutcome = { body: Buffer.alloc(0), complete: false };
    const chunks: Buffer[] = [];
    let settled = false;
    const settle = (error?: Error): void => {
      if (settled) return;
      settled = true;
      outcome.body = Buffer.concat(chunks);
      if (error) outcome.error = error;
      resolve(outcome);
    };
    const req = http.request(url, { method: opts.method ?? 'GET', headers: opts.headers, agent: opts.agent ?? false }, (res) => {
      outcome.status = res.statusCode;
      outcome.headers = res.headers;
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        outcome.complete = true;
        settle();
      });
      res.on('error', settle);
      res.on('aborted', () => settle(new Error('aborted')));
      res.on('close', () => settle(outcome.complete ? undefined : new Error('closed before end')));
    });
    req.on('error', settle);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

/** Send one request and insist it completes normally. */
export async function request(url: string, opts: RequestOptions = {}): Promise<Reply> {
  const out = await rawRequest(url, opts);
  if (!out.complete || out.status === undefined || out.headers === undefined) {
    throw new Error(`request to ${url} did not complete: ${out.error?.message ?? 'unknown'}`);
  }
  return { status: out.status, headers: out.headers, body: out.body, text: out.body.toString('utf8') };
}

export function json(reply: Reply): unknown {
  return JSON.parse(reply.text);
}

/** A fresh simulator per test, closed afterwards. */
export function useSim(options: SimulatorOptions = {}): { readonly sim: VeoSimulator } {
  const holder: { sim?: VeoSimulator } = {};
  beforeEach(async () => {
    holder.sim = await VeoSimulator.start(options);
  });
  afterEach(async () => {
    await holder.sim?.close();
    holder.sim = undefined;
  });
  return {
    get sim(): VeoSimulator {
      if (!holder.sim) throw new Error('simulator not started');
      return holder.sim;
    },
  };
}

export function auth(sim: VeoSimulator): http.OutgoingHttpHeaders {
  return { authorization: `Bearer ${sim.apiKey}` };
}

export function resultUrl(sim: VeoSimulator, id: string): string {
  return `${sim.apiBaseUrl}/v1/result/${encodeURIComponent(id)}`;
}

/** GET the result of `id` with the right key. */
export function getResult(sim: VeoSimulator, id: string, headers: http.OutgoingHttpHeaders = {}): Promise<Reply> {
  return request(resultUrl(sim, id), { headers: { ...auth(sim), ...headers } });
}

export interface Prefix {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** At least `bytes` bytes (or all of a shorter body). */
  body: Buffer;
  /** True when the response ended before `bytes` arrived. */
  ended: boolean;
}

/** Read the first `bytes` bytes of a response, then hang up (for bodies that never end). */
export function readPrefix(url: string, bytes: number, opts: RequestOptions = {}): Promise<Prefix> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? 'GET', headers: opts.headers, agent: opts.agent ?? false }, (res) => {
      const chunks: Buffer[] = [];
      let got = 0;
      const done = (ended: boolean): void => {
        res.removeAllListeners('data');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), ended });
        req.destroy();
      };
      res.on('data', (c: Buffer) => {
        chunks.push(c);
        got += c.length;
        if (got >= bytes) done(false);
      });
      res.on('end', () => done(true));
      res.on('error', () => undefined); // our own hang-up
    });
    req.on('error', (err) => reject(err));
    req.end();
  });
}

/** Poll `check` every few ms until it holds, or fail after `ms`. */
export async function eventually(check: () => boolean, what: string, ms = 2_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
