import * as path from 'node:path';
import * as vscode from 'vscode';
import { defaultDownloadDirectory } from '../download/downloadDirectory';
import type { Services } from '../services';
import { tasksToCsv, tasksToJson } from '../store/taskExport';
import type { TrackedTask } from '../store/trackedTask';
import { showError, showInfo } from '../ui/notify';
import { groupTaskIds } from './groupArgs';

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
      void showInfo('There are no VEO tasks to export.');
      return undefined;
    }
    const dir = defaultDownloadDirectory(configuration.current.downloadDirectory);
    const uri = await vscode.window.showSaveDialog({
      title: `Export ${tasks.length === 1 ? '1 task' : `${tasks.length} tasks`}`,
      defaultUri: vscode.Uri.file(path.join(dir, 'veo-tasks.json')),
      filters: { JSON: ['json'], CSV: ['csv'] },
      saveLabel: 'Export',
    });
    if (!uri) return undefined;
    const csv = path.extname(uri.path).toLowerCase() === '.csv';
    const text = csv ? tasksToCsv(tasks) : tasksToJson(tasks, Date.now());
    try {
      // The path the dialog returned, written by VS Code's file system (not through a link).
      await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
    } catch (err) {
      log.warn(`Export failed: ${err instanceof Error ? err.message : String(err)}`);
      void showError(`Could not write the export: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
    log.info(`Exported ${tasks.length} tasks as ${csv ? 'CSV' : 'JSON'}`);
    void showInfo(`Exported ${tasks.length === 1 ? '1 task' : `${tasks.length} tasks`} to ${path.basename(uri.path)}.`);
    return { file: uri.fsPath, count: tasks.length, format: csv ? 'csv' : 'json' };
  });
}
