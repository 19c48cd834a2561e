import * as vscode from 'vscode';
import type { Services } from '../services';
import { MAX_IMPORT_BYTES, parseImport, tooLarge } from '../store/taskExport';
import { showError, showInfo } from '../ui/notify';

export interface ImportReport {
  added: number;
  existing: number;
  updated: number;
  refused: number;
}

/**
 * "Import Tasks...": a JSON export (untrusted: size capped, every task validated as stored state
 * is) merged into the tracked tasks; nothing is duplicated and tracked tasks keep what they have.
 */
export function registerImportTasks({ store, log }: Services): vscode.Disposable {
  return vscode.commands.registerCommand('veo.importTasks', async (): Promise<ImportReport | undefined> => {
    const picked = await vscode.window.showOpenDialog({
      title: 'Import VEO tasks (a JSON export)',
      canSelectFiles: true,
      canSelectFolders: false,
      canSelectMany: false,
      filters: { JSON: ['json'] },
      openLabel: 'Import',
    });
    const uri = picked?.[0];
    if (!uri) return undefined;
    let parsed: ReturnType<typeof parseImport>;
    try {
      const { size } = await vscode.workspace.fs.stat(uri);
      parsed = size > MAX_IMPORT_BYTES ? tooLarge() : parseImport(await vscode.workspace.fs.readFile(uri));
    } catch (err) {
      parsed = `It could not be read: ${err instanceof Error ? err.message : String(err)}`;
    }
    if (typeof parsed === 'string') {
      void showError(`Nothing was imported. ${parsed}`);
      return undefined;
    }
    await store.ready;
    const result = store.importTasks(parsed.tasks, Date.now());
    const report = { added: result.added.length, existing: result.existing, updated: result.updated.length, refused: parsed.refused };
    const message = `Imported VEO tasks: ${report.added} added, ${report.existing} already tracked${report.updated ? ` (${report.updated} completed with fields they lacked)` : ''}, ${report.refused} refused (not a valid task or a repeated id).`;
    log.info(message);
    void showInfo(message);
    return report;
  });
}
