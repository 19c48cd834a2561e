// Wiring only: creates the services and registers commands, views and listeners.
import * as vscode from 'vscode';
import { ApiKeyStore } from './auth/apiKeyStore';
import { registerClearApiKey } from './commands/clearApiKey';
import { registerClearFinished } from './commands/clearFinished';
import { registerCopyTaskId } from './commands/copyTaskId';
import { registerRefresh } from './commands/refresh';
import { registerRemoveTask } from './commands/removeTask';
import { registerRenameTask } from './commands/renameTask';
import { registerSetApiKey } from './commands/setApiKey';
import { registerShowLog } from './commands/showLog';
import { registerShowTask } from './commands/showTask';
import { registerTrackTask } from './commands/trackTask';
import { registerDownloadVideo } from './commands/downloadVideo';
import { registerDownloadAllCompleted } from './commands/downloadAllCompleted';
import { registerCopyVideoUrl } from './commands/copyVideoUrl';
import { registerVideoFileCommands } from './commands/videoFileCommands';
import { DownloadManager } from './download/downloadManager';
import { ExpiryWatcher } from './download/expiryWatcher';
import { autoDownload } from './download/autoDownload';
import { PreviewManager } from './preview/registerPreview';
import { onDidChangeSettings, readSettings } from './config/settings';
import { Logger } from './log/logger';
import { notifyFinished } from './notifications/completionNotifier';
import { PollingController } from './polling/pollingController';
import type { Services } from './services';
import { RunningStatusItem } from './statusBar/runningStatusItem';
import { TaskStore } from './store/taskStore';
import { TasksView } from './treeViews/tasksView';
import { keyStateSync } from './auth/keyState';

const COMMANDS = [
  registerSetApiKey,
  registerClearApiKey,
  registerTrackTask,
  registerRemoveTask,
  registerClearFinished,
  registerRefresh,
  registerCopyTaskId,
  registerRenameTask,
  registerShowTask,
  registerShowLog,
  registerDownloadVideo,
  registerDownloadAllCompleted,
  registerCopyVideoUrl,
  registerVideoFileCommands,
];

/** Returned by `activate` only in test mode (never to other extensions in normal use). */
export interface TestApi {
  services: Services;
  context: vscode.ExtensionContext;
  previews: PreviewManager;
}

export async function activate(context: vscode.ExtensionContext): Promise<TestApi | undefined> {
  let settings = readSettings();
  const keys = await ApiKeyStore.create(context.secrets);
  const log = new Logger(() => [keys.key]);
  const store = new TaskStore(context.globalState);
  const view = new TasksView(store);
  const polling = new PollingController(store, keys, settings, log);
  const downloads = new DownloadManager(store, log);
  const services: Services = { store, keys, polling, view, log, downloads };
  context.subscriptions.push(log, keys, view, polling, new RunningStatusItem(view), new ExpiryWatcher(store), { dispose: () => store.dispose() });
  context.subscriptions.push(...COMMANDS.map((register) => register(services)));
  context.subscriptions.push(
    keyStateSync(services, readSettings),
    polling.onDidFinishTask((task) => void notifyFinished(task, store, settings.notifyOnCompletion, settings.autoDownload)),
    polling.onDidFinishTask((task) => void autoDownload(task, downloads, settings)),
    // Another window may have changed the shared task list while this one was in the background.
    vscode.window.onDidChangeWindowState((state) => state.focused && store.catchUp()),
    onDidChangeSettings((next) => {
      settings = next;
      if (!next.baseUrl.ok) void vscode.window.showErrorMessage(next.baseUrl.message);
      polling.updateSettings(next);
    }),
  );
  if (!settings.baseUrl.ok) void vscode.window.showErrorMessage(settings.baseUrl.message);
  // Registered during activation so the serializer can restore panels after a reload.
  const previews = PreviewManager.register(services, context.extensionUri);
  context.subscriptions.push(previews);
  return context.extensionMode === vscode.ExtensionMode.Test ? { services, context, previews } : undefined;
}

export function deactivate(): void {}
