// Text from outside (the network, stored state, a workspace, another extension) made safe
// to show where VS Code renders markup: notifications, progress and quick picks render
// `[label](command:...)` as a clickable link, and labels render `$(icon)`. Pure.
import { cutText, stripControls, toWellFormed } from './safeText';

const MAX_MESSAGE = 400;

/**
 * One line of plain text: control and bidi characters removed, whitespace collapsed,
 * link syntax (`](`) and icon syntax (`$(`) broken so neither renders, capped at `max`.
 */
export function plainText(text: string, max = MAX_MESSAGE): string {
  const flat = toWellFormed(stripControls(text))
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\]\s*\(/g, '] (')
    .replace(/\$\(/g, '$ (');
  return flat.length <= max ? flat : `${cutText(flat, max - 1)}…`;
}
