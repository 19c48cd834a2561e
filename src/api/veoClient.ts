// HTTP client for the VEO query endpoint. One keep-alive undici Pool bound to the API's
// origin: the key can only ever travel to that origin.
import type { LookupFunction } from 'node:net';
import { Pool } from 'undici';
import { CREATE_PATH, CreateOutcome, parseCreateAnswer } from './createAnswer';
import { isLoopbackHost } from '../util/loopback';
import { firstHeader, USER_AGENT } from './httpHeaders';
import { encodePathSegment } from './pathSegment';
import type { QueryOutcome } from './queryOutcome';
import { parseRetryAfter } from './retryAfter';
import { parseTaskResult } from './taskResult';
import { t } from '../util/l10n';

export interface VeoClientOptions {
  /** e.g. `https://host/kyyReactApiServer`; already validated (see `baseUrl.ts`). */
  baseUrl: string;
  /** Whole-request timeout. */
  timeoutMs?: number;
  /** Whole-request timeout of a create (default `CREATE_TIMEOUT_MS`). */
  createTimeoutMs?: number;
  /**
   * How connections are opened: undici's connect `timeout` (default 10 s) and a `lookup` in
   * place of DNS. Tests set them to reach a failed look-up and a connect that never completes.
   */
  connect?: { timeout?: number; lookup?: LookupFunction };
  /** Larger bodies are refused. */
  maxBodyBytes?: number;
  /** Size of the connection pool (and so the most requests in flight). */
  connections?: number;
  userAgent?: string;
}

export const DEFAULT_TIMEOUT_MS = 20_000;
/** Creating can take longer to answer than a query. */
export const CREATE_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export class VeoClient {
  private readonly pool: Pool;
  private readonly basePath: string;
  private readonly timeoutMs: number;
  private readonly createTimeoutMs: number;
  private readonly maxBodyBytes: number;
  private readonly userAgent: string;
  /** The API is on this machine (the simulator): its video links may be too. */
  private readonly allowLocalLinks: boolean;

  constructor(options: VeoClientOptions) {
    const url = new URL(options.baseUrl);
    this.basePath = url.pathname.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.createTimeoutMs = options.createTimeoutMs ?? CREATE_TIMEOUT_MS;
    this.maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    this.userAgent = options.userAgent ?? USER_AGENT;
    this.allowLocalLinks = isLoopbackHost(url.hostname);
    this.pool = new Pool(url.origin, {
      connections: options.connections ?? 4,
      keepAliveTimeout: 60_000,
      headersTimeout: this.timeoutMs,
      bodyTimeout: this.timeoutMs,
      connect: options.connect,
    });
  }

  /** The request path for task `id` (one encoded path segment); undefined when the id cannot be sent. */
  resultPath(id: string): string | undefined {
    const segment = encodePathSegment(id);
    return segment === undefined ? undefined : `${this.basePath}/v1/result/${segment}`;
  }

  async getTask(id: string, apiKey: string, signal?: AbortSignal): Promise<QueryOutcome> {
    const path = this.resultPath(id);
    if (path === undefined) return { kind: 'error', message: t('the task id cannot be sent: it is empty or not well-formed Unicode text') };
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    try {
      const res = await this.pool.request({
        path,
        method: 'GET',
        headers: { authorization: `Bearer ${apiKey}`, accept: 'application/json', 'user-agent': this.userAgent },
        signal: combined,
      });
      const status = res.statusCode;
      const body = await readCapped(res.body, this.maxBodyBytes);
      if (status === 401 || status === 403) return { kind: 'unauthorized', status };
      if (status === 404) return { kind: 'notFound' };
      if (status === 429) {
        return { kind: 'rateLimited', retryAfterMs: parseRetryAfter(firstHeader(res.headers['retry-after']), Date.now()) };
      }
      if (status < 200 || status >= 300) return { kind: 'error', message: t('HTTP {0} from the VEO API', status) };
      const parsed = parseTaskResult(body, id, this.allowLocalLinks);
      return parsed.ok ? { kind: 'ok', result: parsed.result } : { kind: 'error', message: t('bad response: {0}', parsed.message) };
    } catch (e) {
      if (timeout.aborted) return { kind: 'error', message: t('no answer within {0} s', Math.round(this.timeoutMs / 1000)) };
      return { kind: 'error', message: describeNetworkError(e) };
    }
  }

  /**
   * Creates a task (`POST {baseUrl}/v1/veo/videos`). Never retried: one call is at most one
   * task. A timeout or a broken answer says the task may exist anyway.
   */
  async createTask(body: Record<string, unknown>, apiKey: string, signal?: AbortSignal): Promise<CreateOutcome> {
    const timeout = AbortSignal.timeout(this.createTimeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let sent = false;
    try {
      const res = await this.pool.request({
        path: `${this.basePath}${CREATE_PATH}`,
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', accept: 'application/json', 'user-agent': this.userAgent },
        body: JSON.stringify(body),
        signal: combined,
        headersTimeout: this.createTimeoutMs,
        bodyTimeout: this.createTimeoutMs,
      });
      sent = true;
      const text = await readCapped(res.body, this.maxBodyBytes);
      return parseCreateAnswer(res.statusCode, text, firstHeader(res.headers['retry-after']), Date.now());
    } catch (e) {
      if (timeout.aborted) return { kind: 'error', message: t('no answer within {0} s', this.createTimeoutMs / 1000), unsure: true };
      return { kind: 'error', message: describeNetworkError(e), unsure: sent || !isConnectError(e) };
    }
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}

class BodyTooLargeError extends Error {}

async function readCapped(body: AsyncIterable<Buffer> & { destroy(err?: Error): unknown }, cap: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > cap) {
      body.destroy();
      throw new BodyTooLargeError(t('response larger than {0} KiB refused', Math.round(cap / 1024)));
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** True when the request cannot have reached the server (so no task was created). */
function isConnectError(e: unknown): boolean {
  const code = (e as { code?: string }).code;
  return code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'EAI_AGAIN';
}

function describeNetworkError(e: unknown): string {
  if (e instanceof BodyTooLargeError) return e.message;
  const err = e as { code?: string; message?: string; name?: string };
  if (err.name === 'AbortError') return t('request cancelled');
  // The code (ECONNREFUSED...) stays as Node gave it; a message of our own is translated,
  // Node's or undici's own text is passed on as it is.
  switch (err.code) {
    case 'ECONNREFUSED':
      return t('connection refused ({0})', err.code);
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH':
      return t('connection lost ({0})', err.code);
    case 'ENOTFOUND':
      return t('host not found ({0})', err.code);
    default:
      return `${err.message ?? String(e)}${err.code ? ` (${err.code})` : ''}`;
  }
}
