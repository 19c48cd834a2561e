import * as vscode from 'vscode';
import type { Services } from '../services';
import { goToTaskItems } from '../treeViews/goToItems';
import { t } from '../util/l10n';

/**
 * "VEO: Go to Task...": a quick pick over every tracked task (status icon, name, id, prompt);
 * the chosen row is revealed and selected. A task the filter hides clears the filter first.
 */
export function registerGoToTask({ store, view, testMode }: Services): vscode.Disposable {
  return vscode.commands.registerCommand('veo.goToTask', async (given?: unknown) => {
    let id: string | undefined;
    if (testMode && typeof given === 'string') id = given;
    else {
      const picked = await vscode.window.showQuickPick(goToTaskItems(store.all()), {
        title: t('Go to VEO Task'),
        placeHolder: t('Name, id or prompt'),
        matchOnDescription: true,
        matchOnDetail: true,
      });
      id = picked?.id;
    }
    if (id === undefined || !store.has(id)) return;
    await view.reveal(id);
  });
}
