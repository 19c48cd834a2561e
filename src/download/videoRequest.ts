// One GET to a video host, following redirects itself so every hop passes the link policy.
// Sends no credentials (no Authorization, no cookies). Network bundle only.
import { Agent, Dispatcher, request } from 'undici';
import { firstHeader as header, USER_AGENT } from '../api/httpHeaders';
import { t } from '../util/l10n';
import { describeError, DownloadError } from './downloadError';
import { linkRefusal, MAX_REDIRECTS, redirectTarget } from './linkPolicy';

export type VideoResponse = Awaited<ReturnType<typeof request>>;

export interface VideoRequest {
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Waiting for headers, and between body bytes (undici's headersTimeout / bodyTimeout). */
  timeoutMs: number;
  dispatcher?: Dispatcher;
  /** The API is on this machine: links and redirects to it are allowed (see `linkRefusal`). */
  allowLocal?: boolean;
}

const REDIRECTS: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

let videoAgent: Dispatcher | undefined;

/** Its own connection pool, apart from the API's. No redirect interceptor: see `requestVideo`. */
function defaultDispatcher(): Dispatcher {
  videoAgent ??= new Agent({ connections: 4 });
  return videoAgent;
}

/**
 * GET `url`, following up to MAX_REDIRECTS redirects, each checked by the link policy.
 * Answers the first response that is not a redirect, whatever its status.
 * Throws DownloadError 'refused' (policy, too many hops), 'http' (redirect without Location)
 * or 'network'.
 */
export async function requestVideo(url: string, options: VideoRequest): Promise<VideoResponse> {
  let current = url;
  for (let hop = 0; ; hop++) {
    const refusal = linkRefusal(current, options.allowLocal);
    if (refusal) throw new DownloadError('refused', hop === 0 ? refusal : t('a redirect was refused: {0}', refusal));
    const res = await get(current, options);
    if (!REDIRECTS.has(res.statusCode)) return res;
    await res.body.dump();
    const next = redirectTarget(current, header(res.headers.location));
    if (next === undefined) throw new DownloadError('http', t('the video host answered HTTP {0} without a usable Location', res.statusCode));
    if (hop >= MAX_REDIRECTS) throw new DownloadError('refused', t('the video host redirected more than {0} times', MAX_REDIRECTS));
    current = next;
  }
}

async function get(url: string, options: VideoRequest): Promise<VideoResponse> {
  try {
    return await request(url, {
      method: 'GET',
      headers: { 'user-agent': USER_AGENT, ...options.headers },
      signal: options.signal,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      dispatcher: options.dispatcher ?? defaultDispatcher(),
    });
  } catch (e) {
    throw new DownloadError('network', describeError(e));
  }
}
