// Limits and checks for the fields of a task result, shared by the network parser
// (`taskResult.ts`) and the stored-state reader (`storedShape.ts`). Pure.
import { isLoopbackHost, isPrivateHost } from '../util/loopback';
import { t } from '../util/l10n';
import { cleanText, hasLoneSurrogate } from '../util/safeText';

export const MAX_STATUS_LENGTH = 128;
export const MAX_MODEL_LENGTH = 128;
export const MAX_OBJECT_LENGTH = 128;
export const MAX_ERROR_LENGTH = 2048;
/** A longer link is refused, never cut: a cut link is useless. */
export const MAX_VIDEO_URL_LENGTH = 8192;
/** `created` is seconds since the epoch, 0 .. 2^32 (year 2106). */
export const MAX_CREATED_SECONDS = 2 ** 32;
export const MAX_ACTUAL_DURATION_SECONDS = 3600;

/** A short text field (status, model, object) or the error, control characters removed and capped. */
export const cleanStatus = (s: string): string => cleanText(s, MAX_STATUS_LENGTH);
export const cleanModel = (s: string): string => cleanText(s, MAX_MODEL_LENGTH);
export const cleanObject = (s: string): string => cleanText(s, MAX_OBJECT_LENGTH);
export const cleanError = (s: string): string => cleanText(s, MAX_ERROR_LENGTH);

/** `created` when it is a finite number of seconds in 0 .. 2^32, else undefined (dropped). */
export function saneCreated(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_CREATED_SECONDS ? value : undefined;
}

/** `actualDuration` when it is a finite number of seconds in 0 .. 3600, else undefined (dropped). */
export function saneDuration(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_ACTUAL_DURATION_SECONDS ? value : undefined;
}

/** A time in ms since the epoch in the same range as `created` (any `Date` method works on it). */
export function saneTimeMs(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_CREATED_SECONDS * 1000 ? value : undefined;
}

/**
 * Why `url` is not an acceptable `video_url`, or undefined when it is: at most 8 KiB, no
 * control characters, `https:`. Only when the API is itself on this machine (`allowLocal`,
 * the simulator) may a link point to this machine or a private network, or use `http:` to
 * loopback: a remote server must not aim downloads and previews at local services.
 */
export function videoUrlProblem(url: string, allowLocal = true): string | undefined {
  if (url.length > MAX_VIDEO_URL_LENGTH) return t('"video_url" is longer than {0} KiB', MAX_VIDEO_URL_LENGTH / 1024);
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return t('"video_url" is not an http(s) URL');
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return t('"video_url" is not an http(s) URL');
  if (!allowLocal && isPrivateHost(u.hostname)) return t('"video_url" points to this machine or a private network, and the API is not on this machine');
  if (u.protocol === 'http:' && !(allowLocal && isLoopbackHost(u.hostname))) return t('"video_url" uses plain http to another machine; only https is accepted');
  // The URL parser drops tabs and line breaks silently; the stored text must not have them.
  if (cleanText(url, MAX_VIDEO_URL_LENGTH) !== url || /\s/.test(url) || hasLoneSurrogate(url)) return t('"video_url" contains control characters or spaces');
  return undefined;
}
