import * as vscode from 'vscode';
import type { Services } from '../services';

export function registerClearApiKey({ keys, log }: Services): vscode.Disposable {
  return vscode.commands.registerCommand('veo.clearApiKey', async () => {
    await keys.clear();
    log.info('API key removed from secret storage; polling stopped.');
  });
}
