import * as path from 'node:path';
import * as vscode from 'vscode';
import { defaultDownloadDirectory } from '../download/downloadDirectory';
import type { Services } from '../services';
import { tasksToCsv, tasksToJson } from '../store/taskExport';
import type { TrackedTask } from '../store/trackedTask';
import { showError, showInfo } from '../ui/notify';
import { groupTaskIds } from './groupArgs';
import { t } from '../util/l10n';

/**
 * "Export Tasks...": the selected rows (a group row: its tasks), or every task from the view's
 * menu or the palette, to JSON or CSV (by the extension of the file the save dialog returned).
 */
export function registerExportTasks(services: Services): vscode.Disposable {
  const { store, configuration, log } = services;
  return vscode.commands.registerCommand('veo.exportTasks', async (clicked?: unknown, selected?: unknown) => {
    const picked = groupTaskIds(services, clicked, selected);
    const tasks = (picked.length ? picked.map((id) => store.get(id)) : store.all()).filter((t): t is TrackedTask => t !== undefined);
    if (tasks.length === 0) {
      void showInfo(t('There are no VEO tasks to export.'));
      return undefined;
    }
    const dir = defaultDownloadDirectory(configuration.current.downloadDirectory);
    const uri = await vscode.window.showSaveDialog({
      title: tasks.length === 1 ? t('Export 1 task') : t('Export {0} tasks', tasks.length),
      defaultUri: vscode.Uri.file(path.join(dir, 'veo-tasks.json')),
      filters: { JSON: ['json'], CSV: ['csv'] },
      saveLabel: t('Export'),
    });
    if (!uri) return undefined;
    const csv = path.extname(uri.path).toLowerCase() === '.csv';
    const text = csv ? tasksToCsv(tasks) : tasksToJson(tasks, Date.now());
    try {
      // The path the dialog returned, written by VS Code's file system (not through a link).
      await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
    } catch (err) {
      log.warn(`Export failed: ${err instanceof Error ? err.message : String(err)}`);
      void showError(t('Could not write the export: {0}', err instanceof Error ? err.message : String(err)));
      return undefined;
    }
    log.info(`Exported ${tasks.length} tasks as ${csv ? 'CSV' : 'JSON'}`);
    void showInfo(tasks.length === 1 ? t('Exported 1 task to {0}.', path.basename(uri.path)) : t('Exported {0} tasks to {1}.', tasks.length, path.basename(uri.path)));
    return { file: uri.fsPath, count: tasks.length, format: csv ? 'csv' : 'json' };
  });
}
