import * as vscode from 'vscode';
import type { Services } from '../services';
import { showWarning } from '../ui/notify';
import { targetIds } from './taskArgs';
import { t } from '../util/l10n';

/** "Preview Video" (row click, context menu, notifications): one panel per task. */
export function registerPreviewVideo({ store, previews }: Services): vscode.Disposable {
  return vscode.commands.registerCommand('veo.previewVideo', (clicked?: unknown, selected?: unknown) => {
    const ids = targetIds(clicked, selected);
    const unknown = ids.filter((id) => !store.has(id));
    if (unknown.length) void showWarning(t('VEO: not a tracked task: {0}', unknown.join(', ')));
    for (const id of ids.filter((i) => store.has(i))) previews.show(id);
  });
}
