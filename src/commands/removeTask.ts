import * as vscode from 'vscode';
import type { Services } from '../services';
import { targetIds } from './taskArgs';

/** "VEO: Remove Task" (context menu, multi-select). */
export function registerRemoveTask({ store, log }: Services): vscode.Disposable {
  return vscode.commands.registerCommand('veo.removeTask', (clicked?: unknown, selected?: unknown) => {
    const removed = store.remove(targetIds(clicked, selected));
    if (removed.length) log.info(`Stopped tracking ${removed.join(', ')}`);
    return removed;
  });
}
