// Every command of the extension, one per file, registered by `extension.ts`.
import type * as vscode from 'vscode';
import type { Services } from '../services';
import { registerClearApiKey } from './clearApiKey';
import { registerClearFilter } from './clearFilter';
import { registerCopyGroupTaskIds } from './copyGroupTaskIds';
import { registerDownloadGroupCompleted } from './downloadGroupCompleted';
import { registerExportTasks } from './exportTasks';
import { registerImportTasks } from './importTasks';
import { registerRemoveGroupTasks } from './removeGroupTasks';
import { registerFilterByStatus } from './filterByStatus';
import { registerFilterByText } from './filterByText';
import { registerGoToTask } from './goToTask';
import { registerGroupBy } from './groupBy';
import { registerPinTask } from './pinTask';
import { registerSortBy } from './sortBy';
import { registerUnpinTask } from './unpinTask';
import { registerClearFinished } from './clearFinished';
import { registerCopyTaskId } from './copyTaskId';
import { registerCopyVideoUrl } from './copyVideoUrl';
import { registerCopyAsMarkdown } from './copyAsMarkdown';
import { registerDownloadAllCompleted } from './downloadAllCompleted';
import { registerDownloadVideo } from './downloadVideo';
import { registerDuplicateAsNewVideo } from './duplicateAsNewVideo';
import { registerGenerateFromPromptFile } from './generateFromPromptFile';
import { registerNewVideo } from './newVideo';
import { registerNewVideoFromSelection } from './newVideoFromSelection';
import { registerOpenVideoFile } from './openVideoFile';
import { registerOpenInSystemPlayer } from './openInSystemPlayer';
import { registerPreviewVideo } from './previewVideo';
import { registerRefresh } from './refresh';
import { registerRemoveTask } from './removeTask';
import { registerRenameTask } from './renameTask';
import { registerRevealDownload } from './revealDownload';
import { registerSetApiKey } from './setApiKey';
import { registerShowLog } from './showLog';
import { registerShowTask } from './showTask';
import { registerTrackTask } from './trackTask';
import { registerTrackIdsInFile } from './trackIdsInFile';
import { registerTrackIdsInSelection } from './trackIdsInSelection';

export const COMMANDS: ReadonlyArray<(services: Services) => vscode.Disposable> = [
  registerSetApiKey,
  registerClearApiKey,
  registerTrackTask,
  registerTrackIdsInSelection,
  registerTrackIdsInFile,
  registerRemoveTask,
  registerClearFinished,
  registerRefresh,
  registerCopyTaskId,
  registerRenameTask,
  registerShowTask,
  registerShowLog,
  registerPreviewVideo,
  registerDownloadVideo,
  registerDownloadAllCompleted,
  registerCopyVideoUrl,
  registerCopyAsMarkdown,
  registerOpenVideoFile,
  registerOpenInSystemPlayer,
  registerRevealDownload,
  registerNewVideo,
  registerNewVideoFromSelection,
  registerDuplicateAsNewVideo,
  registerGenerateFromPromptFile,
  registerGroupBy,
  registerSortBy,
  registerFilterByStatus,
  registerFilterByText,
  registerClearFilter,
  registerGoToTask,
  registerPinTask,
  registerUnpinTask,
  registerDownloadGroupCompleted,
  registerRemoveGroupTasks,
  registerCopyGroupTaskIds,
  registerExportTasks,
  registerImportTasks,
];
