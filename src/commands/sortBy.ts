import * as vscode from 'vscode';
import type { Services } from '../services';
import { SORT_BY, SORT_BY_NAMES } from '../treeViews/viewOptions';
import { pickOption } from './viewOptionPick';

/** "VEO: Sort By..." (view title menu): created, last change or name; pinned tasks stay first. */
export function registerSortBy({ view, testMode }: Services): vscode.Disposable {
  return vscode.commands.registerCommand('veo.sortBy', async (given?: unknown) => {
    const sortBy = await pickOption(given, testMode, SORT_BY, SORT_BY_NAMES, view.options.sortBy, 'Sort the VEO tasks by');
    if (sortBy !== undefined) await view.setOptions({ ...view.options, sortBy });
  });
}
