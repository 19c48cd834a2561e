// Asks a video host whether a link still works, without the API key. Network bundle only.
import { request } from 'undici';

export type LinkState = 'ok' | 'expired' | 'notVideo' | 'network';

/** `GET` of the first byte (`Range: bytes=0-0`): 403/404/410 mean the signed link expired. */
export async function probeVideoLink(url: string, timeoutMs = 10_000): Promise<LinkState> {
  try {
    const res = await request(url, {
      method: 'GET',
      headers: { range: 'bytes=0-0', 'user-agent': 'veo-tasks-vscode' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.body.dump();
    if (res.statusCode === 403 || res.statusCode === 404 || res.statusCode === 410) return 'expired';
    if (res.statusCode !== 200 && res.statusCode !== 206) return 'network';
    const type = String(res.headers['content-type'] ?? '');
    return /text\/html/i.test(type) ? 'notVideo' : 'ok';
  } catch {
    return 'network';
  }
}
