// Shared by the view-option commands: the option a test passed, or the one the user picks.
import * as vscode from 'vscode';
import { t } from '../util/l10n';

/**
 * `given` when it is one of `choices` and the caller is trusted (tests), else a quick pick of
 * `choices` with the current one marked. Labels are our own texts.
 */
export async function pickOption<T extends string>(given: unknown, trusted: boolean, choices: readonly T[], names: Record<T, string>, current: T, title: string): Promise<T | undefined> {
  if (trusted && choices.includes(given as T)) return given as T;
  const picked = await vscode.window.showQuickPick(
    choices.map((value) => ({ value, label: names[value], description: value === current ? t('(current)') : undefined })),
    { title, placeHolder: title },
  );
  return picked?.value;
}
