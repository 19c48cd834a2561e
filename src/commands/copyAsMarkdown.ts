import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Services } from '../services';
import { taskLabel, TrackedTask } from '../store/trackedTask';
import { fileDestination, markdownLink, relativeDestination, urlDestination } from '../util/markdownLink';
import { pickTask } from './pickTask';
import { targetIds } from './taskArgs';
import { t } from '../util/l10n';

/**
 * "VEO: Copy as Markdown" (context menu of a completed task, the palette): `[name](link)` per
 * task, one per line. The link is the downloaded file (relative to its workspace folder when
 * it lies inside one, else a file:// URL), or else the video URL.
 */
export function registerCopyAsMarkdown({ store }: Services): vscode.Disposable {
  return vscode.commands.registerCommand('veo.copyAsMarkdown', async (clicked?: unknown, selected?: unknown) => {
    let ids = targetIds(clicked, selected);
    if (ids.length === 0) {
      const linked = store.all().filter((t) => destinationOf(t) !== undefined);
      const id = await pickTask(linked, t('Copy as Markdown'), t('VEO: no task has a video to link to yet.'));
      ids = id === undefined ? [] : [id];
    }
    const lines: string[] = [];
    for (const id of ids) {
      const task = store.get(id);
      const destination = task && destinationOf(task);
      if (task && destination !== undefined) lines.push(markdownLink(taskLabel(task), destination));
    }
    if (lines.length === 0) return;
    await vscode.env.clipboard.writeText(lines.join('\n'));
    vscode.window.setStatusBarMessage(lines.length === 1 ? t('VEO: Markdown link copied') : t('VEO: {0} Markdown links copied', lines.length), 3000);
  });
}

function destinationOf(task: TrackedTask): string | undefined {
  const file = task.localFile;
  if (file !== undefined && fs.existsSync(file)) {
    const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(file));
    if (folder?.uri.scheme === 'file') {
      const relative = path.relative(folder.uri.fsPath, file);
      if (relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)) return relativeDestination(relative.split(path.sep));
    }
    return fileDestination(file);
  }
  const url = task.result?.video_url;
  return typeof url === 'string' ? urlDestination(url) : undefined;
}
