import * as vscode from 'vscode';
import type { Services } from '../services';

/** "VEO: New Video...": the creation form. */
export function registerNewVideo({ createForm }: Services): vscode.Disposable {
  return vscode.commands.registerCommand('veo.newVideo', () => {
    createForm.show();
  });
}
