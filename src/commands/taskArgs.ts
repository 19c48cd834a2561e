// Which task ids a tree command applies to: the right-clicked row, or every selected row.

/** VS Code passes (clicked, selected[]) for multi-select tree menus; a palette call passes nothing. */
export function targetIds(clicked: unknown, selected: unknown): string[] {
  if (Array.isArray(selected) && selected.length > 0) return selected.filter((s): s is string => typeof s === 'string');
  if (typeof clicked === 'string') return [clicked];
  return [];
}

/** The downloaded copy of the right-clicked task, if it has one. */
export function localFileOf(store: { get(id: string): { localFile?: string } | undefined }, clicked: unknown): string | undefined {
  const [id] = targetIds(clicked, undefined);
  return id === undefined ? undefined : store.get(id)?.localFile;
}
