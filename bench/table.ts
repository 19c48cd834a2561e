// Prints figures as a plain-text table with aligned columns.
import type { Figure } from './lib/figure';

function verdict(f: Figure): string {
  if (f.goal === undefined) return '';
  if (f.met === undefined) return '?';
  return f.met ? 'met' : 'MISSED';
}

export function formatTable(figures: readonly Figure[]): string {
  const header = ['#', 'figure', 'value', 'goal', 'result', 'compares / rounds'];
  const rows = figures.map((f) => [f.section, f.name, f.value, f.goal ?? '', verdict(f), f.basis]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  // The last column is left ragged so long explanations do not pad every line.
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd();
  const rule = widths.map((w, i) => '-'.repeat(i === widths.length - 1 ? Math.min(w, 40) : w)).join('  ');
  const out = [line(header), rule];
  let previous: string | undefined;
  for (const r of rows) {
    if (previous !== undefined && r[0] !== previous) out.push('');
    previous = r[0];
    out.push(line(r));
  }
  return out.join('\n');
}
