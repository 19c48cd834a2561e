import * as vscode from 'vscode';
import type { Services } from '../services';
import { isFinished } from '../store/trackedTask';

/** "VEO: Clear Finished Tasks": forgets completed, failed and not-found tasks. */
export function registerClearFinished({ store, log }: Services): vscode.Disposable {
  return vscode.commands.registerCommand('veo.clearFinished', () => {
    const removed = store.remove(store.all().filter(isFinished).map((t) => t.id));
    if (removed.length) log.info(`Cleared ${removed.length} finished task(s)`);
    return removed;
  });
}
