import * as vscode from 'vscode';
import type { Services } from '../services';
import { GROUP_BY, GROUP_BY_NAMES } from '../treeViews/viewOptions';
import { pickOption } from './viewOptionPick';

/** "VEO: Group By..." (view title menu): none, status, day or model; remembered per workspace. */
export function registerGroupBy({ view, testMode }: Services): vscode.Disposable {
  return vscode.commands.registerCommand('veo.groupBy', async (given?: unknown) => {
    const groupBy = await pickOption(given, testMode, GROUP_BY, GROUP_BY_NAMES, view.options.groupBy, 'Group the VEO tasks by');
    if (groupBy !== undefined) await view.setOptions({ ...view.options, groupBy });
  });
}
