/**
 * Signed video links, in the spirit of S3 pre-signed URLs: the link carries
 * its expiry and an HMAC over (id, expiry) made with a per-simulator secret.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export class UrlSigner {
  constructor(private readonly secret: Buffer = randomBytes(32)) {}

  sign(taskId: string, expiresMs: number): string {
    return createHmac('sha256', this.secret).update(`${taskId}\n${expiresMs}`).digest('hex');
  }

  verify(taskId: string, expires: string, sig: string): boolean {
    if (!/^\d+$/.test(expires) || !/^[0-9a-f]{64}$/.test(sig)) return false;
    const want = Buffer.from(this.sign(taskId, Number(expires)), 'hex');
    return timingSafeEqual(want, Buffer.from(sig, 'hex'));
  }
}

/** The video path for a task id: one encoded path segment plus '.mp4'. */
export function videoPath(taskId: string): string {
  return `/videos/${encodeURIComponent(taskId)}.mp4`;
}

export function signedVideoUrl(origin: string, signer: UrlSigner, taskId: string, expiresMs: number): string {
  return `${origin}${videoPath(taskId)}?expires=${expiresMs}&sig=${signer.sign(taskId, expiresMs)}`;
}
