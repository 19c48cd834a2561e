import * as vscode from 'vscode';
import type { Services } from '../services';
import { MAX_IMPORT_BYTES, parseImport, tooLarge } from '../store/taskExport';
import { showError, showInfo } from '../ui/notify';
import { english, t } from '../util/l10n';

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
      title: t('Import VEO tasks (a JSON export)'),
      canSelectFiles: true,
      canSelectFolders: false,
      canSelectMany: false,
      filters: { JSON: ['json'] },
      openLabel: t('Import'),
    });
    const uri = picked?.[0];
    if (!uri) return undefined;
    let parsed: ReturnType<typeof parseImport>;
    try {
      const { size } = await vscode.workspace.fs.stat(uri);
      parsed = size > MAX_IMPORT_BYTES ? tooLarge() : parseImport(await vscode.workspace.fs.readFile(uri));
    } catch (err) {
      parsed = t('It could not be read: {0}', err instanceof Error ? err.message : String(err));
    }
    if (typeof parsed === 'string') {
      void showError(t('Nothing was imported. {0}', parsed));
      return undefined;
    }
    await store.ready;
    const result = store.importTasks(parsed.tasks, Date.now());
    const report = { added: result.added.length, existing: result.existing, updated: result.updated.length, refused: parsed.refused };
    log.info(english('Imported VEO tasks: {0} added, {1} already tracked{2}, {3} refused.', report.added, report.existing, report.updated ? english(' ({0} completed with fields they lacked)', report.updated) : '', report.refused));
    void showInfo(
      report.updated
        ? t('Imported VEO tasks: {0} added, {1} already tracked ({2} completed with fields they lacked), {3} refused (not a valid task or a repeated id).', report.added, report.existing, report.updated, report.refused)
        : t('Imported VEO tasks: {0} added, {1} already tracked, {2} refused (not a valid task or a repeated id).', report.added, report.existing, report.refused),
    );
    return report;
  });
}
