import * as vscode from 'vscode';
import type { Services } from '../services';
import { targetIds } from './taskArgs';

/** "VEO: Copy Task ID" (context menu): one id per line when several are selected. */
export function registerCopyTaskId(_: Services): vscode.Disposable {
  return vscode.commands.registerCommand('veo.copyTaskId', async (clicked?: unknown, selected?: unknown) => {
    const ids = targetIds(clicked, selected);
    if (ids.length) await vscode.env.clipboard.writeText(ids.join('\n'));
  });
}
