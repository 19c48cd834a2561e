// Validates the `veo.baseUrl` setting. Pure.

import { isLoopbackHost } from '../util/loopback';
import { t } from '../util/l10n';

export const DEFAULT_BASE_URL = 'https://zcbservice.aizfw.cn/kyyReactApiServer';

export type BaseUrlCheck = { ok: true; url: string; origin: string } | { ok: false; message: string };


/** https: anywhere; http: only on loopback (the simulator); nothing else. */
export function checkBaseUrl(value: string): BaseUrlCheck {
  const trimmed = value.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, message: t('"veo.baseUrl" is not a URL: "{0}". Use e.g. {1}', trimmed, DEFAULT_BASE_URL) };
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return {
      ok: false,
      message: t('"veo.baseUrl" uses http: for {0}; http: is allowed only for localhost/127.0.0.1. Use https: so the API key is not sent in clear text.', url.hostname),
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: t('"veo.baseUrl" must be an https: URL, not {0}', url.protocol) };
  }
  if (url.username || url.password) return { ok: false, message: t('"veo.baseUrl" must not contain a user name or password.') };
  if (url.search || url.hash) return { ok: false, message: t('"veo.baseUrl" must not contain a query or fragment.') };
  return { ok: true, url: `${url.origin}${url.pathname.replace(/\/+$/, '')}`, origin: url.origin };
}
