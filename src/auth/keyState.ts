// Keeps the UI in step with the API key: context keys for the welcome views, the tree's
// empty state, and the "key refused" message with its way out.
import * as vscode from 'vscode';
import type { Settings } from '../config/settings';
import type { Services } from '../services';

export function keyStateSync({ keys, view, polling }: Services, settings: () => Settings): vscode.Disposable {
  let rejected = false;
  const update = () => {
    const hasKey = keys.key !== undefined;
    void vscode.commands.executeCommand('setContext', 'veo.hasApiKey', hasKey);
    void vscode.commands.executeCommand('setContext', 'veo.keyRejected', rejected);
    view.provider.setHidden(!hasKey);
    const base = settings().baseUrl;
    view.setMessage(!base.ok ? base.message : rejected ? 'The VEO API refused the API key. Polling is paused: run "VEO: Set API Key".' : undefined);
  };
  const subscriptions = [
    keys.onDidChange(() => {
      rejected = false;
      update();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('veo.baseUrl') && update()),
    polling.onDidRejectKey(async (status) => {
      if (rejected) return;
      rejected = true;
      update();
      const choice = await vscode.window.showErrorMessage(
        `The VEO API refused the API key (HTTP ${status}). Polling is paused until a new key is set.`,
        'Set API Key',
      );
      if (choice === 'Set API Key') await vscode.commands.executeCommand('veo.setApiKey');
    }),
  ];
  update();
  return vscode.Disposable.from(...subscriptions);
}
