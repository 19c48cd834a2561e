import * as vscode from 'vscode';
import type { Services } from '../services';
import { targetIds } from './taskArgs';

/** "Pin" (context menu, multi-select): the tasks go to the top of the view (of their group). Stored on the task. */
export function registerPinTask({ store }: Services): vscode.Disposable {
  return vscode.commands.registerCommand('veo.pinTask', (clicked?: unknown, selected?: unknown) => {
    for (const id of targetIds(clicked, selected)) store.update(id, { pinned: true });
  });
}
