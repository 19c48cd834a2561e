import * as vscode from 'vscode';
import type { Services } from '../services';

/** "VEO: Clear Filter" (view title while filtered, palette): every task shows again; grouping and sorting stay. */
export function registerClearFilter({ view }: Services): vscode.Disposable {
  return vscode.commands.registerCommand('veo.clearFilter', () => view.setOptions({ ...view.options, statuses: undefined, text: undefined }));
}
