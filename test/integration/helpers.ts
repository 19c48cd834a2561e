import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension';

export const EXTENSION_ID = 'veo-tools.veo-tasks';

export async function extensionApi(): Promise<TestApi> {
  const ext = vscode.extensions.getExtension<TestApi | undefined>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not installed`);
  const api = await ext.activate();
  if (!api) throw new Error('the extension returned no test API (not in test mode?)');
  return api;
}

/** Waits for `condition` to hold, checking every 50 ms; fails with `what` after `timeoutMs`. */
export async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('veo').update(key, value, vscode.ConfigurationTarget.Global);
}

/** Forgets every tracked task, so each suite starts from an empty tree. */
export async function forgetAllTasks(api: TestApi): Promise<void> {
  api.services.store.remove(api.services.store.all().map((t) => t.id));
  await api.services.store.flush();
}
