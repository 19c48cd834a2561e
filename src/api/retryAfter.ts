// Parses an HTTP `Retry-After` header: delta-seconds or an HTTP date. Pure.

/** Milliseconds to wait from `nowMs`, or undefined when the header is absent or unusable. */
export function parseRetryAfter(value: string | undefined | null, nowMs: number): number | undefined {
  if (value == null) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  if (v === '') return undefined;
  const date = Date.parse(v);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}
