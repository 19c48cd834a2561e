// What happens when a tracked task completes or fails: one notification per task
// (`veo.notifyOnCompletion`) and, for a completed one, the download without asking
// (`veo.autoDownload`).
import * as vscode from 'vscode';
import type { Configuration } from '../config/configuration';
import { defaultDownloadDirectory } from '../download/downloadDirectory';
import type { DownloadManager } from '../download/downloadManager';
import type { TaskStore } from '../store/taskStore';
import { taskLabel, type TrackedTask } from '../store/trackedTask';
import { Disposable } from '../util/disposable';
import { showError, showInfo } from '../ui/notify';
import { t } from '../util/l10n';

const ACTIONS = { Preview: 'veo.previewVideo', Download: 'veo.downloadVideo', Show: 'veo.showTask' } as const;
type Action = keyof typeof ACTIONS;

export class FinishedTasks extends Disposable {
  constructor(
    onDidFinishTask: vscode.Event<TrackedTask>,
    private readonly store: TaskStore,
    private readonly downloads: DownloadManager,
    private readonly configuration: Configuration,
  ) {
    super();
    this._register(onDidFinishTask((task) => void this.finished(task)));
  }

  private async finished(task: TrackedTask): Promise<void> {
    const settings = this.configuration.current;
    const completed = task.result?.status === 'completed';
    const download = completed && settings.autoDownload && !task.localFile;
    if (download) void this.downloads.download([task.id], { kind: 'folder', path: defaultDownloadDirectory(settings.downloadDirectory) });
    if (task.notified) return;
    // Marked before showing, so a reload while the toast is up never shows it twice.
    this.store.update(task.id, { notified: true });
    if (!settings.notifyOnCompletion) return;
    const name = taskLabel(task);
    const labels: Record<Action, string> = { Preview: t('Preview'), Download: t('Download'), Show: t('Show') };
    const offered: Action[] = completed ? (download ? ['Preview', 'Show'] : ['Preview', 'Download', 'Show']) : ['Show'];
    const chosen = completed
      ? await showInfo(t('VEO task {0} completed.', name), ...offered.map((a) => labels[a]))
      : await showError(t('VEO task {0} failed: {1}', name, task.result?.error ?? t('no reason given')), ...offered.map((a) => labels[a]));
    const choice = offered.find((a) => labels[a] === chosen);
    if (choice) await vscode.commands.executeCommand(ACTIONS[choice], task.id);
  }
}
