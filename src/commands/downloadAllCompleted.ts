import * as vscode from 'vscode';
import type { Services } from '../services';
import { showInfo } from '../ui/notify';
import { downloadable } from '../store/trackedTask';
import { t } from '../util/l10n';

/** "VEO: Download All Completed": every completed task whose video is not downloaded yet. */
export function registerDownloadAllCompleted({ store, downloads, testMode }: Services): vscode.Disposable {
  // In test mode a `{ folder }` argument skips the dialog; otherwise the user chooses.
  return vscode.commands.registerCommand('veo.downloadAllCompleted', async (target?: { folder?: unknown }) => {
    const now = Date.now();
    const ids = store.all().filter((t) => downloadable(t, now)).map((t) => t.id);
    if (ids.length === 0) {
      void showInfo(t('Every completed VEO task is already downloaded (or the video host refused its link).'));
      return [];
    }
    if (testMode && typeof target?.folder === 'string') return downloads.download(ids, { kind: 'folder', path: target.folder });
    return downloads.download(ids);
  });
}
