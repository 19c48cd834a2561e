import * as vscode from 'vscode';
import type { Services } from '../services';
import { SORT_BY, sortByNames } from '../treeViews/viewOptions';
import { pickOption } from './viewOptionPick';
import { t } from '../util/l10n';

/** "VEO: Sort By..." (view title menu): created, last change or name; pinned tasks stay first. */
export function registerSortBy({ view, testMode }: Services): vscode.Disposable {
  return vscode.commands.registerCommand('veo.sortBy', async (given?: unknown) => {
    const sortBy = await pickOption(given, testMode, SORT_BY, sortByNames(), view.options.sortBy, t('Sort the VEO tasks by'));
    if (sortBy !== undefined) await view.setOptions({ ...view.options, sortBy });
  });
}
