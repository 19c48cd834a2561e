import * as vscode from 'vscode';
import type { Services } from '../services';
import { cleanFilterText, MAX_FILTER_TEXT } from '../treeViews/viewOptions';
import { t } from '../util/l10n';

/**
 * "VEO: Filter by Text..." (view title menu): the rows narrow as you type (id, label, prompt,
 * model, error); Enter keeps the filter, Escape puts back the one before.
 */
export function registerFilterByText({ view, testMode }: Services): vscode.Disposable {
  const apply = (text: string) => {
    const cleaned = cleanFilterText(text);
    return view.setOptions({ ...view.options, text: cleaned === '' ? undefined : cleaned });
  };
  return vscode.commands.registerCommand('veo.filterByText', async (given?: unknown) => {
    if (testMode && typeof given === 'string') return apply(given);
    const before = view.options.text;
    const warming = view.prepareTextFilter();
    const box = vscode.window.createInputBox();
    box.title = t('Filter VEO tasks');
    box.placeholder = t('Text in the id, name, prompt, model or error (empty: no text filter)');
    box.value = before ?? '';
    let accepted = false;
    await new Promise<void>((resolve) => {
      box.onDidChangeValue((value) => void apply(value.slice(0, MAX_FILTER_TEXT * 2)));
      box.onDidAccept(() => {
        accepted = true;
        box.hide();
      });
      box.onDidHide(() => resolve());
      box.show();
    });
    box.dispose();
    warming.dispose();
    if (!accepted) await apply(before ?? '');
  });
}
