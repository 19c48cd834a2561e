import * as vscode from 'vscode';
import type { TrackedTask } from '../store/trackedTask';
import { goToTaskItems } from '../treeViews/goToItems';
import { showInfo } from '../ui/notify';
import { t } from '../util/l10n';

/**
 * A palette call without a row: asks which of `tasks` (name, id, prompt, as in Go to Task);
 * says `none` when there is nothing to choose from. Resolves to the chosen id.
 */
export async function pickTask(tasks: readonly TrackedTask[], title: string, none: string): Promise<string | undefined> {
  if (tasks.length === 0) {
    void showInfo(none);
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(goToTaskItems(tasks), { title, placeHolder: t('Name, id or prompt'), matchOnDescription: true, matchOnDetail: true });
  return picked?.id;
}
