// One log line: no control characters, no secrets, bounded length. Pure.
import { redact } from './redact';
import { cutText, stripControls, toWellFormed } from '../util/safeText';

/** Longest line written to the log, in UTF-16 units (a 2 KiB server error fits with room to spare). */
export const MAX_LOG_LINE_LENGTH = 4096;

/**
 * What the Logger writes for `message`: line breaks become spaces, other control and bidi
 * characters are removed (a forged "\n[info] ..." cannot fake a log line), secrets are
 * redacted (after stripping, so a control character cannot hide a key from `redact`; before
 * cutting, so a cut cannot leave half a key), then the line is capped with "…".
 */
export function logLine(message: string, secrets: readonly (string | undefined)[], max = MAX_LOG_LINE_LENGTH): string {
  const line = redact(toWellFormed(stripControls(message)), secrets);
  return line.length <= max ? line : `${cutText(line, max - 1)}…`;
}
