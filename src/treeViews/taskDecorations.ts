// Colours rows whose link expires soon and marks downloaded ones: a FileDecorationProvider on the
// rows' own scheme (see taskDecoration.ts), refreshed for the tasks that change and when a
// link enters its warning window.
import * as vscode from 'vscode';
import type { Configuration } from '../config/configuration';
import type { TaskStore } from '../store/taskStore';
import { Disposable, toDisposable } from '../util/disposable';
import { nextDecorationChange, TASK_URI_SCHEME, taskDecoration, taskIdOfUriPath, taskUriPath } from './taskDecoration';

export function taskUri(id: string): vscode.Uri {
  return vscode.Uri.from({ scheme: TASK_URI_SCHEME, path: taskUriPath(id) });
}

export class TaskDecorations extends Disposable implements vscode.FileDecorationProvider {
  private readonly changed = this._register(new vscode.EventEmitter<vscode.Uri[] | undefined>());
  readonly onDidChangeFileDecorations = this.changed.event;
  private timer: NodeJS.Timeout | undefined;
  private rearm: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: TaskStore,
    private readonly configuration: Configuration,
  ) {
    super();
    this._register(vscode.window.registerFileDecorationProvider(this));
    this._register(
      toDisposable(() => {
        clearTimeout(this.timer);
        clearTimeout(this.rearm);
      }),
    );
    this._register(
      store.onDidChange(({ ids }) => {
        this.changed.fire(ids === undefined ? undefined : ids.map(taskUri));
        this.armSoon();
      }),
    );
    this._register(
      configuration.onDidChange(({ changed }) => {
        if (!changed.has('expiryWarningHours')) return;
        this.changed.fire(undefined);
        this.arm();
      }),
    );
    this.arm();
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== TASK_URI_SCHEME) return undefined;
    const id = taskIdOfUriPath(uri.path);
    const task = id === undefined ? undefined : this.store.get(id);
    const d = task && taskDecoration(task, Date.now(), this.configuration.current.expiryWarningHours);
    if (!d) return undefined;
    const decoration = new vscode.FileDecoration(d.badge, d.tooltip, d.color ? new vscode.ThemeColor(d.color) : undefined);
    decoration.propagate = false;
    return decoration;
  }

  /** A poll round changes a task per answer: one look over every task per second is enough. */
  private armSoon(): void {
    this.rearm ??= setTimeout(() => {
      this.rearm = undefined;
      this.arm();
    }, 1_000);
  }

  /** One timer, for the next link that enters its warning window or expires. */
  private arm(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const now = Date.now();
    const hours = this.configuration.current.expiryWarningHours;
    let next = Infinity;
    for (const task of this.store.all()) next = Math.min(next, nextDecorationChange(task, now, hours) ?? Infinity);
    if (next === Infinity) return;
    this.timer = setTimeout(() => {
      this.changed.fire(undefined);
      this.arm();
    }, Math.min(Math.max(0, next - now) + 1_000, 2 ** 31 - 1));
  }
}
