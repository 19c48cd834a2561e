// Which task ids a tree command applies to: the right-clicked row, or every selected row.

/**
 * VS Code passes (clicked, selected[]) for multi-select tree menus; a palette call passes nothing.
 * A right-clicked row outside the selection is the only target (the menu was opened on it alone).
 */
export function targetIds(clicked: unknown, selected: unknown): string[] {
  const ids = Array.isArray(selected) ? selected.filter((s): s is string => typeof s === 'string') : [];
  if (ids.length > 0 && (typeof clicked !== 'string' || ids.includes(clicked))) return ids;
  if (typeof clicked === 'string') return [clicked];
  return [];
}

/** The downloaded copy of the right-clicked task, if it has one. */
export function localFileOf(store: { get(id: string): { localFile?: string } | undefined }, clicked: unknown): string | undefined {
  const [id] = targetIds(clicked, undefined);
  return id === undefined ? undefined : store.get(id)?.localFile;
}
