import * as vscode from 'vscode';
import { givenOrAsk } from './askInput';
import type { Services } from '../services';
import { showError } from '../ui/notify';
import { t } from '../util/l10n';

/**
 * "VEO: Set API Key". In test mode an argument skips the prompt; otherwise the key is only
 * ever typed by the user, so no command link or other extension can replace it.
 */
export function registerSetApiKey({ keys, log, testMode }: Services): vscode.Disposable {
  return vscode.commands.registerCommand('veo.setApiKey', async (given?: unknown) => {
    const entered = await givenOrAsk(given, testMode, {
      title: t('VEO: Set API Key'),
      prompt: t("Your VEO API key. It is kept in VS Code's secret storage and sent only to the configured API (veo.baseUrl)."),
      password: true,
      ignoreFocusOut: true,
      placeHolder: t('Paste the API key'),
      validateInput: (v) => (v.trim() === '' ? t('The API key cannot be empty.') : undefined),
    });
    if (entered === undefined) return false;
    const key = entered.trim();
    if (key === '') {
      void showError(t('The API key cannot be empty; the previous key (if any) is unchanged.'));
      return false;
    }
    await keys.set(key);
    log.info('API key saved to secret storage.');
    return true;
  });
}
