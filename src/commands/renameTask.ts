import * as vscode from 'vscode';
import { givenOrAsk } from './askInput';
import type { Services } from '../services';
import { MAX_LABEL_LENGTH as MAX_LABEL } from '../store/trackedTask';
import { cleanText } from '../util/safeText';
import { targetIds } from './taskArgs';

/** "VEO: Rename Task": a label shown instead of the id; empty restores the id. */
export function registerRenameTask({ store, testMode }: Services): vscode.Disposable {
  return vscode.commands.registerCommand('veo.renameTask', async (clicked?: unknown, given?: unknown) => {
    const [id] = targetIds(clicked, undefined);
    const task = id === undefined ? undefined : store.get(id);
    if (!task) return;
    const entered = await givenOrAsk(given, testMode, {
      title: `Rename ${task.id}`,
      prompt: 'A label for this task (leave empty to show the id)',
      value: task.label ?? '',
      validateInput: (v) => (v.length > MAX_LABEL ? `At most ${MAX_LABEL} characters.` : undefined),
    });
    if (entered === undefined) return;
    const label = cleanText(entered, MAX_LABEL).trim();
    store.update(task.id, { label: label === '' ? undefined : label });
  });
}
