import * as vscode from 'vscode';
import type { Services } from '../services';
import { confirmModal } from '../ui/notify';
import { groupTaskIds } from './groupArgs';
import { t } from '../util/l10n';

/** "Remove Tasks" on a group row: stops tracking every task it shows, after a modal question naming the count. */
export function registerRemoveGroupTasks(services: Services): vscode.Disposable {
  const { store, log } = services;
  return vscode.commands.registerCommand('veo.removeGroupTasks', async (clicked?: unknown, selected?: unknown) => {
    const ids = groupTaskIds(services, clicked, selected);
    if (ids.length === 0) return [];
    const ok = await confirmModal(
      ids.length === 1 ? t('Remove 1 task from the VEO Tasks view?') : t('Remove {0} tasks from the VEO Tasks view?', ids.length),
      t('The videos stay on the server and downloaded files stay on disk; only tracking stops.'),
      t('Remove'),
    );
    if (!ok) return [];
    const removed = store.remove(ids);
    if (removed.length) log.info(`Stopped tracking ${removed.length} tasks of a group`);
    return removed;
  });
}
