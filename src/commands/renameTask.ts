import * as vscode from 'vscode';
import { givenOrAsk } from './askInput';
import type { Services } from '../services';
import { MAX_LABEL_LENGTH as MAX_LABEL } from '../store/trackedTask';
import { cleanText } from '../util/safeText';
import { plainText } from '../util/plainText';
import { targetIds } from './taskArgs';
import { t } from '../util/l10n';

/** "VEO: Rename Task": a label shown instead of the id; empty restores the id. */
export function registerRenameTask({ store, testMode }: Services): vscode.Disposable {
  return vscode.commands.registerCommand('veo.renameTask', async (clicked?: unknown, given?: unknown) => {
    const [id] = targetIds(clicked, undefined);
    const task = id === undefined ? undefined : store.get(id);
    if (!task) return;
    const entered = await givenOrAsk(given, testMode, {
      // Plain text: the id comes from stored state or an import, and `$(icon)` / `[x](...)` must not render.
      title: t('Rename {0}', plainText(task.id, 300)),
      prompt: t('A label for this task (leave empty to show the id)'),
      value: task.label ?? '',
      validateInput: (v) => (v.length > MAX_LABEL ? t('At most {0} characters.', MAX_LABEL) : undefined),
    });
    if (entered === undefined) return;
    const label = cleanText(entered, MAX_LABEL).trim();
    store.update(task.id, { label: label === '' ? undefined : label });
  });
}
