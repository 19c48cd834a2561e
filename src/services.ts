// The long-lived parts of the extension, created in `activate` and handed to commands.
import type { ApiKeyStore } from './auth/apiKeyStore';
import type { DownloadManager } from './download/downloadManager';
import type { Logger } from './log/logger';
import type { PollingController } from './polling/pollingController';
import type { TaskStore } from './store/taskStore';
import type { TasksView } from './treeViews/tasksView';

export interface Services {
  store: TaskStore;
  keys: ApiKeyStore;
  polling: PollingController;
  view: TasksView;
  log: Logger;
  downloads: DownloadManager;
}
