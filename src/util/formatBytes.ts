// Sizes and transfer rates for progress messages, numbers in the display language. Pure.
import { formatNumber, t } from './l10n';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return t('{0} B', formatNumber(bytes));
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v < 10 ? formatNumber(v, 1) : formatNumber(Math.round(v))} ${units[i]}`;
}

/** "42% · 3.2 MB of 7.6 MB · 12 MB/s" (no percent or total when the size is unknown). */
export function progressMessage(received: number, total: number | undefined, bytesPerSecond: number): string {
  const speed = t('{0}/s', formatBytes(Math.round(bytesPerSecond)));
  if (total === undefined || total <= 0) return `${formatBytes(received)} · ${speed}`;
  const percent = Math.floor((received / total) * 100);
  return t('{0}% · {1} of {2} · {3}', formatNumber(percent), formatBytes(received), formatBytes(total), speed);
}
