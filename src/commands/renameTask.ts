import * as vscode from 'vscode';
import { givenOrAsk } from './askInput';
import type { Services } from '../services';
import { targetIds } from './taskArgs';

const MAX_LABEL = 120;

/** "VEO: Rename Task": a label shown instead of the id; empty restores the id. */
export function registerRenameTask({ store }: Services): vscode.Disposable {
  return vscode.commands.registerCommand('veo.renameTask', async (clicked?: unknown, given?: unknown) => {
    const [id] = targetIds(clicked, undefined);
    const task = id === undefined ? undefined : store.get(id);
    if (!task) return;
    const entered = await givenOrAsk(given, {
      title: `Rename ${task.id}`,
      prompt: 'A label for this task (leave empty to show the id)',
      value: task.label ?? '',
      validateInput: (v) => (v.length > MAX_LABEL ? `At most ${MAX_LABEL} characters.` : undefined),
    });
    if (entered === undefined) return;
    const label = entered.replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, MAX_LABEL);
    store.update(task.id, { label: label === '' ? undefined : label });
  });
}
