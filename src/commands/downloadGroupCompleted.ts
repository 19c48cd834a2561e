import * as vscode from 'vscode';
import type { Services } from '../services';
import { downloadable } from '../store/trackedTask';
import { showInfo } from '../ui/notify';
import { groupTaskIds } from './groupArgs';
import { t } from '../util/l10n';

/** "Download All Completed" on a group row: its completed tasks not downloaded yet, into one folder. */
export function registerDownloadGroupCompleted(services: Services): vscode.Disposable {
  const { store, downloads, testMode } = services;
  // In test mode a third argument `{ folder }` skips the dialog; otherwise the user chooses.
  return vscode.commands.registerCommand('veo.downloadGroupCompleted', async (clicked?: unknown, selected?: unknown, target?: { folder?: unknown }) => {
    const now = Date.now();
    const ids = groupTaskIds(services, clicked, selected).filter((id) => {
      const task = store.get(id);
      return task !== undefined && downloadable(task, now);
    });
    if (ids.length === 0) {
      void showInfo(t('Every completed task of this group is already downloaded (or the video host refused its link).'));
      return [];
    }
    if (testMode && typeof target?.folder === 'string') return downloads.download(ids, { kind: 'folder', path: target.folder });
    return downloads.download(ids);
  });
}
