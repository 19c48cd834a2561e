// Which video links the extension fetches, first hop and every redirect alike. Pure.
import { isLoopbackHost } from '../util/loopback';

/** Redirects followed from one link before giving up. */
export const MAX_REDIRECTS = 5;

/**
 * Why `url` must not be fetched, or undefined when it may: only `https:`, or `http:` to this
 * machine (127.0.0.0/8, localhost, [::1]), and never with a user name or password in it.
 */
export function linkRefusal(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'the video link is not a valid URL';
  }
  if (u.username !== '' || u.password !== '') return 'the video link carries a user name or password';
  if (u.protocol === 'https:') return undefined;
  if (u.protocol === 'http:') {
    return isLoopbackHost(u.hostname) ? undefined : `the video link uses plain http to ${u.hostname}; only https is allowed`;
  }
  return `the video link uses ${u.protocol.replace(/:$/, '')}; only https is allowed`;
}

/** A redirect's `Location`, resolved against the URL that answered it; undefined if unusable. */
export function redirectTarget(current: string, location: string | undefined): string | undefined {
  if (location === undefined || location.trim() === '') return undefined;
  try {
    return new URL(location, current).href;
  } catch {
    return undefined;
  }
}
