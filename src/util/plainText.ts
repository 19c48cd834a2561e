// Text from outside (the network, stored state, a workspace, another extension) made safe
// to show where VS Code renders markup: notifications, progress and quick picks render
// `[label](command:...)` as a clickable link, and labels render `$(icon)`. Pure.

const MAX_MESSAGE = 400;

/**
 * One line of plain text: control and bidi characters removed, whitespace collapsed,
 * link syntax (`](`) and icon syntax (`$(`) broken so neither renders, capped at `max`.
 */
export function plainText(text: string, max = MAX_MESSAGE): string {
  const flat = text
    .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\]\s*\(/g, '] (')
    .replace(/\$\(/g, '$ (');
  if (flat.length <= max) return flat;
  // Never cut a surrogate pair in half.
  let cut = max - 1;
  if (/[\ud800-\udbff]/.test(flat[cut - 1] ?? '')) cut--;
  return `${flat.slice(0, cut)}…`;
}
