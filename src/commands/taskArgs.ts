// Which task ids a tree command applies to: the right-clicked row, or every selected row.

/** VS Code passes (clicked, selected[]) for multi-select tree menus; a palette call passes nothing. */
export function targetIds(clicked: unknown, selected: unknown): string[] {
  if (Array.isArray(selected) && selected.length > 0) return selected.filter((s): s is string => typeof s === 'string');
  if (typeof clicked === 'string') return [clicked];
  return [];
}
