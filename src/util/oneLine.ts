// Text on one line, cut to a length. Pure.

/** `s` with its runs of whitespace as one space, trimmed, and cut to `max` characters with an ellipsis. */
export function oneLine(s: string, max: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
