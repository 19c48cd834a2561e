// Which video links the extension fetches, first hop and every redirect alike. Pure.
import { t } from '../util/l10n';
import { isLoopbackHost, isPrivateHost } from '../util/loopback';

/** Redirects followed from one link before giving up. */
export const MAX_REDIRECTS = 5;

/**
 * Why `url` must not be fetched, or undefined when it may: only `https:`, never with a user
 * name or password in it, and never to this machine or a private network, unless
 * `allowLocal` (the API itself is on this machine, e.g. the simulator): then `http:` to
 * loopback and local hosts are fine too. Callers holding a link from a remote API pass
 * `false` (`DownloadManager` and the preview decide with `apiIsLocal`).
 */
export function linkRefusal(url: string, allowLocal = true): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return t('the video link is not a valid URL');
  }
  if (u.username !== '' || u.password !== '') return t('the video link carries a user name or password');
  if (!allowLocal && isPrivateHost(u.hostname)) return t('the video link points to this machine or a private network ({0}); only the API on this machine may do that', u.hostname);
  if (u.protocol === 'https:') return undefined;
  if (u.protocol === 'http:') {
    return allowLocal && isLoopbackHost(u.hostname) ? undefined : t('the video link uses plain http to {0}; only https is allowed', u.hostname);
  }
  return t('the video link uses {0}; only https is allowed', u.protocol.replace(/:$/, ''));
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
