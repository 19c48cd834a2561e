// Parses an HTTP `Retry-After` header: delta-seconds or an HTTP date. Pure.

/** Milliseconds to wait from `nowMs`, or undefined when the header is absent or unusable. */
export function parseRetryAfter(value: string | undefined | null, nowMs: number): number | undefined {
  if (value == null) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  // Only something shaped like an HTTP date (RFC 9110: "Sun, 06 Nov 1994 08:49:37 GMT"
  // and its obsolete forms); Date.parse alone accepts junk such as "-5" or "abc 12".
  if (!/[a-z]{3}/i.test(v) || !/\d{4}|\d{2}:\d{2}/.test(v)) return undefined;
  const date = Date.parse(v);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}
