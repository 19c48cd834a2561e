// Asks a video host whether a link still works, without the API key. Network bundle only.
import { request } from 'undici';
import { USER_AGENT } from '../api/httpHeaders';
import { isExpiredLinkStatus } from './expiredLink';

export type LinkState = 'ok' | 'expired' | 'notVideo' | 'network';

/** `GET` of the first byte (`Range: bytes=0-0`): 403/404/410 mean the signed link expired. */
export async function probeVideoLink(url: string, timeoutMs = 10_000): Promise<LinkState> {
  try {
    const res = await request(url, {
      method: 'GET',
      headers: { range: 'bytes=0-0', 'user-agent': USER_AGENT },
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.body.dump();
    if (isExpiredLinkStatus(res.statusCode)) return 'expired';
    if (res.statusCode !== 200 && res.statusCode !== 206) return 'network';
    const type = String(res.headers['content-type'] ?? '');
    return /text\/html/i.test(type) ? 'notVideo' : 'ok';
  } catch {
    return 'network';
  }
}
