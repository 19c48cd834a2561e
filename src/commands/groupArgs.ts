// Which tasks a group command applies to: every task of the right-clicked group row, or of each
// selected group row (task rows in the selection count as themselves).
import type { Services } from '../services';
import { isGroupElement } from '../treeViews/taskOrganizer';
import { targetIds } from './taskArgs';

/** Task ids of the clicked/selected rows, group rows expanded into the tasks they show; no id twice. */
export function groupTaskIds({ view, store }: Pick<Services, 'view' | 'store'>, clicked: unknown, selected: unknown): string[] {
  const { groups } = view.provider.organized();
  const ids = new Set<string>();
  for (const element of targetIds(clicked, selected)) {
    if (isGroupElement(element)) for (const id of groups.get(element)?.ids ?? []) ids.add(id);
    else if (store.has(element)) ids.add(element);
  }
  return [...ids];
}
