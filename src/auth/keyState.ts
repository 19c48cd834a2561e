// Whether there is an API key and whether the API refused it, for the welcome views
// (context keys), the tree and the "key refused" message with its way out.
import * as vscode from 'vscode';
import { showError } from '../ui/notify';
import { Disposable } from '../util/disposable';
import type { ApiKeyStore } from './apiKeyStore';
import { t } from '../util/l10n';

export class KeyState extends Disposable {
  private refused = false;
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor(private readonly keys: ApiKeyStore) {
    super();
    this._register(
      keys.onDidChange(() => {
        this.refused = false;
        this.update();
      }),
    );
    this.update();
  }

  get hasKey(): boolean {
    return this.keys.key !== undefined;
  }

  /** The API refused the key (401/403); polling is paused until a key is set. */
  get rejected(): boolean {
    return this.refused;
  }

  /** Records a refusal (once until the key changes) and offers to set another key. */
  async reject(status: number): Promise<void> {
    if (this.refused) return;
    this.refused = true;
    this.update();
    const setKey = t('Set API Key');
    const choice = await showError(t('The VEO API refused the API key (HTTP {0}). Polling is paused until a new key is set.', status), setKey);
    if (choice === setKey) await vscode.commands.executeCommand('veo.setApiKey');
  }

  private update(): void {
    void vscode.commands.executeCommand('setContext', 'veo.hasApiKey', this.hasKey);
    void vscode.commands.executeCommand('setContext', 'veo.keyRejected', this.refused);
    this.changed.fire();
  }
}
