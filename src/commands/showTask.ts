import * as vscode from 'vscode';
import type { Services } from '../services';

/** Reveals and selects a task's row (the "Show" action of notifications). */
export function registerShowTask({ store, view }: Services): vscode.Disposable {
  return vscode.commands.registerCommand('veo.showTask', async (id?: unknown) => {
    if (typeof id !== 'string' || !store.has(id)) return;
    await view.reveal(id);
  });
}
