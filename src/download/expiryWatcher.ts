// Warns once per task when its video link is about to expire and it is not downloaded.
// One timer, armed for the next warning only.
import * as vscode from 'vscode';
import { readSettings } from '../config/settings';
import type { TaskStore } from '../store/taskStore';
import { linkExpiresAt, taskLabel, videoAvailability } from '../store/trackedTask';
import { formatDuration } from '../util/formatDuration';

const HOUR = 3_600_000;

export class ExpiryWatcher implements vscode.Disposable {
  private timer: NodeJS.Timeout | undefined;
  private readonly subscriptions: vscode.Disposable[];
  /** Read once and on change, not on every store change (every poll answer is one). */
  private windowMs = readSettings().expiryWarningHours * HOUR;

  constructor(private readonly store: TaskStore) {
    this.subscriptions = [
      store.onDidChange(() => this.arm()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('veo.expiryWarningHours')) return;
        this.windowMs = readSettings().expiryWarningHours * HOUR;
        this.arm();
      }),
    ];
    this.arm();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subscriptions.forEach((s) => s.dispose());
  }

  private arm(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const windowMs = this.windowMs;
    if (windowMs <= 0) return;
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
    void vscode.window
      .showWarningMessage(`The video link of ${taskLabel(task)} expires in about ${formatDuration(leftMs)} and it is not downloaded.`, 'Download')
      .then((choice) => choice === 'Download' && vscode.commands.executeCommand('veo.downloadVideo', id));
  }
}
