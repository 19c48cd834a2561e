// The failed tests of a tier, one line each, so the closing summary of a run (the part of a
// CI log that is always shown) names what failed and not only how many.

/** `title: first line of the error`, cut to a readable length. */
export function failureLine(title: string, err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const first = message.split('\n').find((l) => l.trim() !== '') ?? '';
  return `${title}: ${first.length > 300 ? `${first.slice(0, 300)}…` : first}`;
}

/** What a tier reports beyond its counts. */
export interface TierNotes {
  /** One line per failed test. */
  failures?: string[];
  /** One line per test that failed once and passed when run again (its first error). */
  retried?: string[];
}

/** Prints `  ✗ tier: line` for each failure and `  ↻ tier: line` for each retry, after the tier's count line. */
export function printFailures(tier: string, notes: TierNotes): void {
  for (const f of notes.failures ?? []) console.log(`  ✗ ${tier}: ${f}`);
  for (const f of notes.retried ?? []) console.log(`  ↻ ${tier}: passed when run again; the first time: ${f}`);
}
