import * as vscode from 'vscode';
import type { Destination } from '../download/downloadManager';
import type { Services } from '../services';
import { targetIds } from './taskArgs';

/**
 * "VEO: Download Video" (context menu, inline, preview). Several selected tasks go to
 * one folder. In test mode a third argument `{ file }` or `{ folder }` skips the dialog;
 * otherwise the user always chooses where a file goes.
 */
export function registerDownloadVideo({ downloads, testMode }: Services): vscode.Disposable {
  return vscode.commands.registerCommand('veo.downloadVideo', (clicked?: unknown, selected?: unknown, target?: { file?: unknown; folder?: unknown }) => {
    const given = testMode ? target : undefined;
    const destination: Destination =
      typeof given?.file === 'string'
        ? { kind: 'file', path: given.file }
        : typeof given?.folder === 'string'
          ? { kind: 'folder', path: given.folder }
          : { kind: 'ask' };
    return downloads.download(targetIds(clicked, selected), destination);
  });
}
