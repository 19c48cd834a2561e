import * as vscode from 'vscode';
import type { Destination } from '../download/downloadManager';
import type { Services } from '../services';
import { targetIds } from './taskArgs';

/**
 * "VEO: Download Video" (context menu, inline, preview). Several selected tasks go to
 * one folder. A third argument `{ file }` or `{ folder }` (automation, tests) skips the dialog.
 */
export function registerDownloadVideo({ downloads }: Services): vscode.Disposable {
  return vscode.commands.registerCommand('veo.downloadVideo', (clicked?: unknown, selected?: unknown, target?: { file?: string; folder?: string }) => {
    const destination: Destination = target?.file
      ? { kind: 'file', path: target.file }
      : target?.folder
        ? { kind: 'folder', path: target.folder }
        : { kind: 'ask' };
    return downloads.download(targetIds(clicked, selected), destination);
  });
}
