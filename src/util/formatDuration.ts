// Short human durations for row descriptions ("45s", "3m 12s", "2h 05m"), in the display
// language (through the l10n seam). Pure.
import { formatNumber, t } from './l10n';

export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return t('{0}s', formatNumber(s));
  const m = Math.floor(s / 60);
  if (m < 60) return t('{0}m {1}s', formatNumber(m), String(s % 60).padStart(2, '0'));
  const h = Math.floor(m / 60);
  return t('{0}h {1}m', formatNumber(h), String(m % 60).padStart(2, '0'));
}

/** "in 2 min"-style phrase for a retry time. */
export function formatWait(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  if (s < 60) return t('{0} s', formatNumber(s));
  const m = Math.round(s / 60);
  return m < 60 ? t('{0} min', formatNumber(m)) : t('{0} h', formatNumber(Math.round(m / 60)));
}
