import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Services } from '../services';
import { taskLabel, videoAvailability } from '../store/trackedTask';
import { showWarning } from '../ui/notify';
import { pickTask } from './pickTask';
import { targetIds } from './taskArgs';
import { t } from '../util/l10n';

/**
 * "VEO: Open in System Player" (context menu of a downloaded task, the preview's button, the
 * palette): the OS's default app plays the downloaded file, sound included (VS Code's webviews
 * cannot play AAC). Only the task's own `localFile` is opened, never a path given as an argument, and only when
 * it is a regular `.mp4` file (not a link).
 */
export function registerOpenInSystemPlayer({ store }: Services): vscode.Disposable {
  return vscode.commands.registerCommand('veo.openInSystemPlayer', async (clicked?: unknown) => {
    let id: string | undefined = targetIds(clicked, undefined)[0];
    if (id === undefined) {
      const downloaded = store.all().filter((t) => t.localFile !== undefined);
      id = await pickTask(downloaded, t('Open in System Player'), t('VEO: no task has a downloaded video yet.'));
    }
    const task = id === undefined ? undefined : store.get(id);
    const file = task?.localFile;
    if (!task || file === undefined) return;
    const kind = fileKind(file);
    if (kind === 'video') {
      await vscode.env.openExternal(vscode.Uri.file(file));
      return;
    }
    if (kind === 'other') {
      // The OS opens a file by its kind: an executable or a link put in the video's place (or a
      // stored path edited to one) must never reach it.
      void showWarning(t('VEO: {0} is not a plain .mp4 file (a link, a folder or another kind of file), so it was not handed to the system player. Open it yourself from its folder if you trust it.', file));
      return;
    }
    // The copy was moved or deleted: the link may still serve it.
    const canDownload = videoAvailability({ ...task, localFile: undefined }, Date.now()) === 'online';
    const DOWNLOAD_AGAIN = t('Download Again');
    if (!canDownload) {
      void showWarning(t('VEO: the downloaded video of "{0}" is no longer at {1}. Its link has expired, so it cannot be downloaded again.', taskLabel(task), file));
      return;
    }
    if ((await showWarning(t('VEO: the downloaded video of "{0}" is no longer at {1}. Its link still works.', taskLabel(task), file), DOWNLOAD_AGAIN)) === DOWNLOAD_AGAIN) {
      await vscode.commands.executeCommand('veo.downloadVideo', task.id);
    }
  });
}

/** `video`: a regular `.mp4` file, not a link; `missing`: nothing there; `other`: anything else. */
function fileKind(file: string): 'video' | 'missing' | 'other' {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(file);
  } catch {
    return 'missing';
  }
  return stat.isFile() && path.extname(file).toLowerCase() === '.mp4' ? 'video' : 'other';
}
