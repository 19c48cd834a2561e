// Wiring only: creates the services and registers commands, views and listeners.
import * as vscode from 'vscode';
import { ApiKeyStore } from './auth/apiKeyStore';
import { registerChatTools } from './chat/registerChatTools';
import { KeyState } from './auth/keyState';
import { COMMANDS } from './commands/all';
import { BaseUrlNotice } from './config/baseUrlNotice';
import { Configuration } from './config/configuration';
import { CreateForm } from './create/createForm';
import { LeaderUpkeep } from './windows/leaderUpkeep';
import { TaskUriHandler } from './links/taskUriHandler';
import { TerminalTaskLinks } from './links/terminalTaskLinks';
import { TaskDecorations } from './treeViews/taskDecorations';
import { WindowLeadership } from './windows/windowLeadership';
import { Creator } from './create/creator';
import { PromptFileLenses } from './create/promptFileLenses';
import { apiIsLocal } from './config/settings';
import { DownloadManager } from './download/downloadManager';
import { ExpiryWatcher } from './download/expiryWatcher';
import { Logger } from './log/logger';
import { FinishedTasks } from './notifications/finishedTasks';
import { PollingController } from './polling/pollingController';
import { PreviewManager } from './preview/previewManager';
import type { Services } from './services';
import { RunningStatusItem } from './statusBar/runningStatusItem';
import { RunningTasks } from './store/runningTasks';
import { openTaskStore } from './store/openTaskStore';
import { createTestApi, type TestApi } from './testApi';
import { TasksView } from './treeViews/tasksView';
import { setListenerErrorReporter } from './util/emitter';
import { setTranslator } from './util/l10n';

export async function activate(context: vscode.ExtensionContext): Promise<TestApi | undefined> {
  setTranslator(vscode.l10n.t, vscode.env.language);
  const own = <T extends vscode.Disposable>(d: T): T => {
    context.subscriptions.push(d);
    return d;
  };
  const configuration = own(new Configuration());
  const keys = own(await ApiKeyStore.create(context.secrets));
  const log = own(new Logger(() => [keys.key]));
  setListenerErrorReporter((e) => log.error(`a listener failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
  const store = own(openTaskStore(context.globalStorageUri.fsPath, context.globalState, log));
  const running = own(new RunningTasks(store));
  const keyState = own(new KeyState(keys));
  const view = own(new TasksView(store, running, keyState, configuration, context.workspaceState));
  const leadership = own(new WindowLeadership(context.globalStorageUri.fsPath, configuration, log));
  const polling = own(new PollingController(store, keys, configuration, log, leadership));
  const downloads = new DownloadManager(store, log, configuration);
  const previews = own(new PreviewManager({ store, log, allowLocalLinks: () => apiIsLocal(configuration.current) }, context.extensionUri));
  const testMode = context.extensionMode === vscode.ExtensionMode.Test;
  const creator = own(new Creator(store, keys, keyState, configuration, view, log));
  const createForm = own(new CreateForm(creator, context.extensionUri));
  const decorations = own(new TaskDecorations(store, configuration));
  const services: Services = { testMode, configuration, store, running, keys, keyState, polling, leadership, view, decorations, log, downloads, previews, creator, createForm };
  own(new RunningStatusItem(running));
  own(new ExpiryWatcher(store, configuration, leadership));
  own(
    new LeaderUpkeep({
      store,
      leadership,
      settings: () => configuration.current,
      onDidChangeSettings: (listener) => configuration.onDidChange(listener),
      compact: () => store.persistence.compactIfNeeded?.() ?? Promise.resolve(false),
      log: (message) => log.info(message),
    }),
  );
  own(new FinishedTasks(polling.onDidFinishTask, store, downloads, configuration));
  own(new BaseUrlNotice(configuration));
  own(new PromptFileLenses());
  own(polling.onDidRejectKey((status) => void keyState.reject(status)));
  // Another window may have changed the shared task list while this one was in the background.
  own(vscode.window.onDidChangeWindowState((state) => state.focused && store.catchUp()));
  for (const register of COMMANDS) own(register(services));
  own(registerChatTools(services));
  const links = { terminal: new TerminalTaskLinks(services), uri: new TaskUriHandler(services) };
  own(vscode.window.registerTerminalLinkProvider(links.terminal));
  own(vscode.window.registerUriHandler(links.uri));
  if (!testMode) return undefined;
  return createTestApi(services, context, async () => (await activate(context))!, links);
}

export function deactivate(): void {}
