import * as vscode from 'vscode';
import type { Services } from '../services';
import { localFileOf } from './taskArgs';

/** "Open Video File" (context menu of a downloaded task). */
export function registerOpenVideoFile({ store }: Services): vscode.Disposable {
  return vscode.commands.registerCommand('veo.openVideoFile', async (clicked?: unknown) => {
    const file = localFileOf(store, clicked);
    if (file) await vscode.commands.executeCommand('vscode.open', vscode.Uri.file(file));
  });
}
