import * as vscode from 'vscode';
import type { Services } from '../services';
import { localFileOf } from './taskArgs';

/** "Reveal in File Explorer" (context menu of a downloaded task). */
export function registerRevealDownload({ store }: Services): vscode.Disposable {
  return vscode.commands.registerCommand('veo.revealDownload', async (clicked?: unknown) => {
    const file = localFileOf(store, clicked);
    if (file) await vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(file));
  });
}
