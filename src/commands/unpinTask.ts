import * as vscode from 'vscode';
import type { Services } from '../services';
import { targetIds } from './taskArgs';

/** "Unpin" (context menu of a pinned task, multi-select): back to its place in the sort order. */
export function registerUnpinTask({ store }: Services): vscode.Disposable {
  return vscode.commands.registerCommand('veo.unpinTask', (clicked?: unknown, selected?: unknown) => {
    for (const id of targetIds(clicked, selected)) store.update(id, { pinned: undefined });
  });
}
