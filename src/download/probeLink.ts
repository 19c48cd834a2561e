// Asks a video host whether a link still works, without the API key, following redirects
// under the same link policy as downloads. Network bundle only.
import type { Dispatcher } from 'undici';
import { firstHeader as header } from '../api/httpHeaders';
import { isDownloadError } from './downloadError';
import { isExpiredLinkStatus } from './expiredLink';
import { requestVideo } from './videoRequest';

/** `refused`: the link or one of its redirects breaks the link policy (not fetched). */
export type LinkState = 'ok' | 'expired' | 'notVideo' | 'network' | 'refused';

export interface ProbeOptions {
  /** For the whole probe, redirects included (default 10 s). */
  timeoutMs?: number;
  dispatcher?: Dispatcher;
  /** Links to this machine or a private network are allowed (default true; see `linkRefusal`). */
  allowLocalLinks?: boolean;
}

/** `GET` of the first byte (`Range: bytes=0-0`): 403/404/410 mean the signed link expired. */
export async function probeVideoLink(url: string, options: ProbeOptions = {}): Promise<LinkState> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  try {
    const res = await requestVideo(url, {
      headers: { range: 'bytes=0-0' },
      signal: AbortSignal.timeout(timeoutMs),
      timeoutMs,
      dispatcher: options.dispatcher,
      allowLocal: options.allowLocalLinks,
    });
    await res.body.dump();
    if (isExpiredLinkStatus(res.statusCode)) return 'expired';
    if (res.statusCode !== 200 && res.statusCode !== 206) return 'network';
    return /text\/html/i.test(header(res.headers['content-type']) ?? '') ? 'notVideo' : 'ok';
  } catch (e) {
    return isDownloadError(e) && e.reason === 'refused' ? 'refused' : 'network';
  }
}
