import * as vscode from 'vscode';
import type { Services } from '../services';
import { targetIds } from './taskArgs';

/** "Reveal in File Explorer" and "Open Video File" for downloaded tasks. */
export function registerVideoFileCommands({ store }: Services): vscode.Disposable {
  const localFile = (clicked: unknown): vscode.Uri | undefined => {
    const file = store.get(targetIds(clicked, undefined)[0] ?? '')?.localFile;
    return file ? vscode.Uri.file(file) : undefined;
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand('veo.revealDownload', async (clicked?: unknown) => {
      const uri = localFile(clicked);
      if (uri) await vscode.commands.executeCommand('revealFileInOS', uri);
    }),
    vscode.commands.registerCommand('veo.openVideoFile', async (clicked?: unknown) => {
      const uri = localFile(clicked);
      if (uri) await vscode.commands.executeCommand('vscode.open', uri);
    }),
  );
}
