// Warns once per task when its video link is about to expire and it is not downloaded.
// One timer, armed for the next warning only, and only in the window that leads polling
// (the warning is for the profile, not for each window).
import * as vscode from 'vscode';
import type { Configuration } from '../config/configuration';
import { showWarning } from '../ui/notify';
import type { TaskStore } from '../store/taskStore';
import { linkExpiresAt, taskLabel, videoAvailability } from '../store/trackedTask';
import { Disposable, toDisposable } from '../util/disposable';
import { formatDuration } from '../util/formatDuration';
import { t } from '../util/l10n';

const HOUR = 3_600_000;
/** Store changes re-arm the timer at most this often: a poll round changes one task per answer, and each re-arm looks at every task. */
const REARM_MS = 1_000;

/** Whether this window is the one that warns (see `windows/windowLeadership.ts`). */
export interface WarningWindow {
  readonly isLeader: boolean;
  onDidChangeLeadership(listener: (leader: boolean) => void): vscode.Disposable;
}

export class ExpiryWatcher extends Disposable {
  private timer: NodeJS.Timeout | undefined;
  private rearm: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: TaskStore,
    private readonly configuration: Configuration,
    private readonly window: WarningWindow,
  ) {
    super();
    this._register(
      toDisposable(() => {
        clearTimeout(this.timer);
        clearTimeout(this.rearm);
      }),
    );
    this._register(window.onDidChangeLeadership(() => this.arm()));
    this._register(
      store.onDidChange(() => {
        this.rearm ??= setTimeout(() => {
          this.rearm = undefined;
          this.arm();
        }, REARM_MS);
      }),
    );
    this._register(configuration.onDidChange(({ changed }) => changed.has('expiryWarningHours') && this.arm()));
    this.arm();
  }

  private arm(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const windowMs = this.configuration.current.expiryWarningHours * HOUR;
    if (windowMs <= 0 || !this.window.isLeader) return;
    const now = Date.now();
    let next = Infinity;
    const due: Array<[string, number]> = [];
    for (const task of this.store.all()) {
      const expires = linkExpiresAt(task);
      if (task.expiryWarned || expires === undefined || videoAvailability(task, now) !== 'online') continue;
      const warnAt = expires - windowMs;
      if (warnAt <= now) due.push([task.id, expires - now]);
      else next = Math.min(next, warnAt);
    }
    // setTimeout cannot wait longer than ~24.8 days; re-arming then is harmless.
    if (next !== Infinity) this.timer = setTimeout(() => this.arm(), Math.min(next - now, 2 ** 31 - 1));
    // Warning updates the store, which re-enters arm(): each task is checked again first.
    for (const [id, leftMs] of due) if (!this.store.get(id)?.expiryWarned) this.warn(id, leftMs);
  }

  private warn(id: string, leftMs: number): void {
    const task = this.store.update(id, { expiryWarned: true });
    if (!task) return;
    const message = t('The video link of {0} expires in about {1} and it is not downloaded.', taskLabel(task), formatDuration(leftMs));
    const download = t('Download');
    void showWarning(message, download).then((choice) => choice === download && vscode.commands.executeCommand('veo.downloadVideo', id));
  }
}
