// Runs downloads with VS Code's progress UI and records the result on the task.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { loadNetwork } from '../lazyNetwork';
import { showError, showInfo, showWarning, withNotificationProgress } from '../ui/notify';
import type { Configuration } from '../config/configuration';
import { apiIsLocal } from '../config/settings';
import type { Logger } from '../log/logger';
import type { TaskStore } from '../store/taskStore';
import { downloadable, taskLabel, TrackedTask, videoAvailability } from '../store/trackedTask';
import { progressMessage } from '../util/formatBytes';
import { defaultDownloadDirectory } from './downloadDirectory';
import { DownloadError, isDownloadError } from './downloadError';
import { uniqueName, videoFileName } from './fileName';
import { t } from '../util/l10n';

export type DownloadOutcome = { id: string; file: string } | { id: string; error: string; reason: DownloadError['reason'] };

/** One task's download: where it goes, and whether the user agreed to replace a file there. */
interface Target {
  task: TrackedTask;
  file: string;
  replace: boolean;
}

/** Where to save: ask the user (default), a given file (one task), or a folder without asking. */
export type Destination = { kind: 'ask' } | { kind: 'file'; path: string } | { kind: 'folder'; path: string };

const PROGRESS_EVERY_MS = 250;

export class DownloadManager {
  private readonly running = new Set<string>();

  constructor(
    private readonly store: TaskStore,
    private readonly log: Logger,
    private readonly configuration: Configuration,
  ) {}

  /** Downloads each task's video; a multi-task "ask" asks for one folder. */
  async download(ids: string[], destination: Destination = { kind: 'ask' }): Promise<DownloadOutcome[]> {
    const now = Date.now();
    const tasks = ids.map((id) => this.store.get(id)).filter((t): t is TrackedTask => t !== undefined);
    const unavailable = tasks.filter((t) => videoAvailability(t, now) !== 'downloaded' && !downloadable(t, now));
    if (unavailable.length && destination.kind === 'ask') {
      void showWarning(
        t('Not downloadable (not completed, or the video host refused its link): {0}', unavailable.map(taskLabel).join(', ')),
      );
    }
    const ready = tasks.filter((t) => !unavailable.includes(t) && !this.running.has(t.id));
    if (ready.length === 0) return [];
    const targets = await this.chooseTargets(ready, destination);
    if (!targets) return [];
    const outcomes: DownloadOutcome[] = [];
    for (const target of targets) outcomes.push(await this.downloadOne(target, destination.kind !== 'ask'));
    return outcomes;
  }

  private async chooseTargets(tasks: TrackedTask[], destination: Destination): Promise<Target[] | undefined> {
    if (destination.kind === 'file') return [{ task: tasks[0], file: destination.path, replace: false }];
    const defaultDir = defaultDownloadDirectory(this.configuration.current.downloadDirectory);
    if (destination.kind === 'ask' && tasks.length === 1) {
      const uri = await vscode.window.showSaveDialog({
        title: t('Save the video of {0}', taskLabel(tasks[0])),
        defaultUri: vscode.Uri.file(path.join(defaultDir, videoFileName(tasks[0].id))),
        filters: { [t('MP4 video')]: ['mp4'] },
        saveLabel: t('Download'),
      });
      // VS Code's dialog asked before returning a file that exists: the user agreed to replace it.
      return uri ? [{ task: tasks[0], file: uri.fsPath, replace: fs.existsSync(uri.fsPath) }] : undefined;
    }
    let folder = destination.kind === 'folder' ? destination.path : undefined;
    if (!folder) {
      const picked = await vscode.window.showOpenDialog({
        title: t('Download {0} videos to...', tasks.length),
        defaultUri: vscode.Uri.file(defaultDir),
        canSelectFiles: false,
        canSelectFolders: true,
        openLabel: t('Download Here'),
      });
      folder = picked?.[0]?.fsPath;
      if (!folder) return undefined;
    }
    await fs.promises.mkdir(folder, { recursive: true });
    const taken = new Set<string>();
    return tasks.map((task) => {
      const name = uniqueName(videoFileName(task.id), (n) => taken.has(n) || fs.existsSync(path.join(folder, n)) || fs.existsSync(path.join(folder, `${n}.part`)));
      taken.add(name);
      return { task, file: path.join(folder, name), replace: false };
    });
  }

  private async downloadOne({ task, file, replace }: Target, quiet: boolean): Promise<DownloadOutcome> {
    const url = task.result?.video_url;
    if (!url) return { id: task.id, error: t('no video URL'), reason: 'http' };
    this.running.add(task.id);
    const name = taskLabel(task);
    try {
      const result = await withNotificationProgress(t('Downloading {0}', name), async (report, token) => {
        const controller = new AbortController();
        const sub = token.onCancellationRequested(() => controller.abort());
        const started = Date.now();
        let lastReport = 0;
        let lastPercent = 0;
        try {
          return await loadNetwork().downloadVideo({
            url,
            destination: file,
            maxBytes: this.configuration.current.maxDownloadBytes,
            allowLocalLinks: apiIsLocal(this.configuration.current),
            signal: controller.signal,
            onProgress: ({ received, total }) => {
              const now = Date.now();
              if (now - lastReport < PROGRESS_EVERY_MS && received !== total) return;
              lastReport = now;
              const percent = total ? (received / total) * 100 : 0;
              report(progressMessage(received, total, received / Math.max(0.001, (now - started) / 1000)), percent - lastPercent);
              lastPercent = percent;
            },
          });
        } finally {
          sub.dispose();
        }
      });
      const saved = await this.placeChosen(result.path, file, replace);
      this.store.update(task.id, { localFile: saved, linkExpired: undefined });
      const elsewhere = saved !== file ? ` (not ${file}: a file appeared there while downloading)` : '';
      this.log.info(`${task.id}: video saved to ${saved}${elsewhere}`);
      if (!quiet) void this.offerOpen(name, saved, saved !== file ? file : undefined);
      return { id: task.id, file: saved };
    } catch (e) {
      const reason = isDownloadError(e) ? e.reason : 'file';
      const message = e instanceof Error ? e.message : String(e);
      if (reason === 'expired') this.store.update(task.id, { linkExpired: true });
      this.log[reason === 'cancelled' ? 'info' : 'error'](`${task.id}: download failed: ${message}`);
      if (reason !== 'cancelled') void showError(this.failureText(name, reason, message));
      return { id: task.id, error: message, reason };
    } finally {
      this.running.delete(task.id);
    }
  }

  private failureText(name: string, reason: DownloadError['reason'], message: string): string {
    switch (reason) {
      case 'expired':
        return t('The video link of {0} expired, so it can no longer be downloaded. Create the task again to get a new video.', name);
      case 'notVideo':
        return t('The video link of {0} returned a web page instead of a video; nothing was saved. Try "Open in Browser" from the preview.', name);
      case 'network':
      case 'truncated':
      case 'timeout':
        return t('Downloading {0} failed: {1}. Nothing incomplete was kept; try again.', name, message);
      case 'tooLarge':
        return t('Downloading {0} stopped: {1}. Nothing was kept; raise "veo.maxDownloadSizeMB" if the video really is that large.', name, message);
      case 'refused':
        return t('The video link of {0} was not followed: {1}. Nothing was downloaded.', name, message);
      default:
        return t('Downloading {0} failed: {1}.', name, message);
    }
  }

  /**
   * The download never replaces a file. When the user chose an existing file in the save
   * dialog (and so agreed to replace it), the finished copy takes its place, unless what is
   * there now is no longer a plain file (e.g. a link planted meanwhile).
   */
  private async placeChosen(saved: string, chosen: string, replace: boolean): Promise<string> {
    if (!replace || saved === chosen) return saved;
    try {
      if (!(await fs.promises.lstat(chosen)).isFile()) return saved;
      await fs.promises.rename(saved, chosen);
      return chosen;
    } catch {
      return saved;
    }
  }

  private async offerOpen(name: string, file: string, chosen: string | undefined): Promise<void> {
    const open = t('Open Video File');
    const reveal = t('Reveal in File Explorer');
    const message =
      chosen === undefined
        ? t('Saved the video of {0} to {1}', name, file)
        : t('Saved the video of {0} to {1} (not {2}: a file appeared there while downloading)', name, file, chosen);
    const choice = await showInfo(message, open, reveal);
    if (choice === open) await vscode.commands.executeCommand('vscode.open', vscode.Uri.file(file));
    if (choice === reveal) await vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(file));
  }
}
