// `veo.autoDownload`: a task that completes is saved to the download folder without asking.
import type { Settings } from '../config/settings';
import type { TrackedTask } from '../store/trackedTask';
import { defaultDownloadDirectory } from './downloadDirectory';
import type { DownloadManager } from './downloadManager';

export async function autoDownload(task: TrackedTask, downloads: DownloadManager, settings: Settings): Promise<void> {
  if (!settings.autoDownload || task.result?.status !== 'completed' || task.localFile) return;
  await downloads.download([task.id], { kind: 'folder', path: defaultDownloadDirectory(settings.downloadDirectory) });
}
