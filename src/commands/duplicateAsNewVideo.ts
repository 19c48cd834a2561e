import * as vscode from 'vscode';
import type { Services } from '../services';
import { targetIds } from './taskArgs';

/**
 * "Duplicate as New Video..." and, on a failed task, "Retry": the form pre-filled with what
 * was asked for the task (nothing is sent until the user clicks Generate).
 */
export function registerDuplicateAsNewVideo({ store, createForm }: Services): vscode.Disposable {
  const open = (clicked?: unknown) => {
    const [id] = targetIds(clicked, undefined);
    const request = id === undefined ? undefined : store.get(id)?.request;
    if (request) createForm.show({ ...request });
  };
  return vscode.Disposable.from(vscode.commands.registerCommand('veo.duplicateAsNewVideo', open), vscode.commands.registerCommand('veo.retryTask', open));
}
