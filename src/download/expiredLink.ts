// How a video host says a signed link is dead. Pure.

const EXPIRED_STATUSES: ReadonlySet<number> = new Set([403, 404, 410]);

/** 403/404/410 from the video host: the signed link expired (or was revoked). */
export function isExpiredLinkStatus(status: number): boolean {
  return EXPIRED_STATUSES.has(status);
}
