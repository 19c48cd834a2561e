// The long-lived parts of the extension, created once in `activate` and handed to commands.
import type { ApiKeyStore } from './auth/apiKeyStore';
import type { KeyState } from './auth/keyState';
import type { Configuration } from './config/configuration';
import type { CreateForm } from './create/createForm';
import type { Creator } from './create/creator';
import type { DownloadManager } from './download/downloadManager';
import type { Logger } from './log/logger';
import type { PollingController } from './polling/pollingController';
import type { PreviewManager } from './preview/previewManager';
import type { RunningTasks } from './store/runningTasks';
import type { TaskStore } from './store/taskStore';
import type { TasksView } from './treeViews/tasksView';
import type { WindowLeadership } from './windows/windowLeadership';
import type { TaskDecorations } from './treeViews/taskDecorations';

export interface Services {
  /**
   * Running under the integration tests. Only then do commands take a path, a folder or a
   * key as an argument: from a command link or another extension they ask the user.
   */
  testMode: boolean;
  configuration: Configuration;
  store: TaskStore;
  running: RunningTasks;
  keys: ApiKeyStore;
  keyState: KeyState;
  polling: PollingController;
  /** Whether this window is the one of the profile that polls, notifies and auto-downloads. */
  leadership: WindowLeadership;
  /** The rows' colour and badge (expiring soon, downloaded). */
  decorations: TaskDecorations;
  view: TasksView;
  log: Logger;
  downloads: DownloadManager;
  previews: PreviewManager;
  creator: Creator;
  createForm: CreateForm;
}
