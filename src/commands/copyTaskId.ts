import * as vscode from 'vscode';
import type { Services } from '../services';
import { targetIds } from './taskArgs';

/** "VEO: Copy Task ID" (context menu): one id per line when several are selected. */
export function registerCopyTaskId({ store }: Services): vscode.Disposable {
  return vscode.commands.registerCommand('veo.copyTaskId', async (clicked?: unknown, selected?: unknown) => {
    // Only tracked ids: a command link cannot put text of its choosing on the clipboard.
    const ids = targetIds(clicked, selected).filter((id) => store.has(id));
    if (ids.length) await vscode.env.clipboard.writeText(ids.join('\n'));
  });
}
