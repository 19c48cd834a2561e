// The API key, kept only in VS Code's SecretStorage (shared by every window).
import * as vscode from 'vscode';
import { Disposable } from '../util/disposable';

const SECRET_KEY = 'veo.apiKey';

export class ApiKeyStore extends Disposable {
  private cached: string | undefined;
  private readonly changed = this._register(new vscode.EventEmitter<string | undefined>());
  /** Fires with the new key (or undefined) whenever any window changes it. */
  readonly onDidChange = this.changed.event;

  private constructor(private readonly secrets: vscode.SecretStorage) {
    super();
    this._register(secrets.onDidChange(async (e) => {
      if (e.key !== SECRET_KEY) return;
      const key = await secrets.get(SECRET_KEY);
      if (key === this.cached) return;
      this.cached = key;
      this.changed.fire(key);
    }));
  }

  static async create(secrets: vscode.SecretStorage): Promise<ApiKeyStore> {
    const store = new ApiKeyStore(secrets);
    store.cached = await secrets.get(SECRET_KEY);
    return store;
  }

  get key(): string | undefined {
    return this.cached;
  }

  async set(key: string): Promise<void> {
    await this.secrets.store(SECRET_KEY, key);
    // Fires even for the same key: setting it again is how a user retries a refused key.
    this.cached = key;
    this.changed.fire(key);
  }

  async clear(): Promise<void> {
    await this.secrets.delete(SECRET_KEY);
    if (this.cached !== undefined) {
      this.cached = undefined;
      this.changed.fire(undefined);
    }
  }
}
