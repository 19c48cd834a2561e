import * as vscode from 'vscode';
import type { Services } from '../services';
import { groupTaskIds } from './groupArgs';

/** "Copy Task IDs" on a group row: the ids of the tasks it shows, one per line. */
export function registerCopyGroupTaskIds(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand('veo.copyGroupTaskIds', async (clicked?: unknown, selected?: unknown) => {
    const ids = groupTaskIds(services, clicked, selected);
    if (ids.length) await vscode.env.clipboard.writeText(ids.join('\n'));
    return ids;
  });
}
