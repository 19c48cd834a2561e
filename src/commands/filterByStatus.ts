import * as vscode from 'vscode';
import type { Services } from '../services';
import type { TaskState } from '../store/trackedTask';
import { stateName, STATES } from '../treeViews/viewOptions';
import { t } from '../util/l10n';

/** "VEO: Filter by Status..." (view title menu): the states to show, several at once; all or none: no status filter. */
export function registerFilterByStatus({ view, testMode }: Services): vscode.Disposable {
  return vscode.commands.registerCommand('veo.filterByStatus', async (given?: unknown) => {
    let states: TaskState[] | undefined;
    if (testMode && Array.isArray(given)) {
      states = STATES.filter((s) => given.includes(s));
    } else {
      const current = view.options.statuses;
      const picked = await vscode.window.showQuickPick(
        STATES.map((state) => ({ state, label: stateName(state), picked: current === undefined || current.includes(state) })),
        { title: t('Show VEO tasks that are'), canPickMany: true },
      );
      states = picked?.map((p) => p.state);
    }
    if (states === undefined) return;
    const statuses = states.length === 0 || states.length === STATES.length ? undefined : states;
    await view.setOptions({ ...view.options, statuses });
  });
}
