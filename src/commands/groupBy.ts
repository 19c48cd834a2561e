import * as vscode from 'vscode';
import type { Services } from '../services';
import { GROUP_BY, groupByNames } from '../treeViews/viewOptions';
import { pickOption } from './viewOptionPick';
import { t } from '../util/l10n';

/** "VEO: Group By..." (view title menu): none, status, day or model; remembered per workspace. */
export function registerGroupBy({ view, testMode }: Services): vscode.Disposable {
  return vscode.commands.registerCommand('veo.groupBy', async (given?: unknown) => {
    const groupBy = await pickOption(given, testMode, GROUP_BY, groupByNames(), view.options.groupBy, t('Group the VEO tasks by'));
    if (groupBy !== undefined) await view.setOptions({ ...view.options, groupBy });
  });
}
