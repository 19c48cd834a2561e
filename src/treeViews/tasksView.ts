// The "Tasks" view: tree, badge of running tasks, the message above the rows, and a clock
// that keeps times current.
import * as vscode from 'vscode';
import type { KeyState } from '../auth/keyState';
import type { Configuration } from '../config/configuration';
import type { RunningTasks } from '../store/runningTasks';
import type { TaskStore } from '../store/taskStore';
import { Disposable, toDisposable } from '../util/disposable';
import { TasksTreeProvider } from './tasksTreeProvider';

export const TASKS_VIEW_ID = 'veo.tasks';
const TICK_MS = 5_000;
export const KEY_REFUSED_MESSAGE = 'The VEO API refused the API key. Polling is paused: run "VEO: Set API Key".';

export class TasksView extends Disposable {
  readonly provider: TasksTreeProvider;
  readonly treeView: vscode.TreeView<string>;
  private ticker: NodeJS.Timeout | undefined;

  constructor(
    store: TaskStore,
    private readonly running: RunningTasks,
    private readonly keyState: KeyState,
    private readonly configuration: Configuration,
  ) {
    super();
    this.provider = this._register(new TasksTreeProvider(store));
    this.treeView = this._register(
      vscode.window.createTreeView(TASKS_VIEW_ID, { treeDataProvider: this.provider, canSelectMany: true, showCollapseAll: false }),
    );
    this._register(toDisposable(() => this.ticker && clearInterval(this.ticker)));
    this._register(this.treeView.onDidChangeVisibility(() => this.syncTicker()));
    this._register(running.onDidChange(() => this.showBadge()));
    this._register(keyState.onDidChange(() => this.showKeyState()));
    this._register(configuration.onDidChange(({ changed }) => changed.has('baseUrl') && this.showKeyState()));
    this.showBadge();
    this.showKeyState();
    this.syncTicker();
  }

  /** Reveals and selects a task's row. */
  async reveal(id: string): Promise<void> {
    await this.treeView.reveal(id, { select: true, focus: true });
  }

  private showBadge(): void {
    const running = this.running.current;
    this.treeView.badge = running > 0 ? { value: running, tooltip: `${running} VEO task${running === 1 ? '' : 's'} running` } : undefined;
  }

  /** No key: no rows (the welcome view shows). A bad base URL or a refused key: a message above the rows. */
  private showKeyState(): void {
    this.provider.setHidden(!this.keyState.hasKey);
    const base = this.configuration.current.baseUrl;
    this.treeView.message = !base.ok ? base.message : this.keyState.rejected ? KEY_REFUSED_MESSAGE : undefined;
  }

  /** Ticks only while the view is visible; a hidden view costs nothing. */
  private syncTicker(): void {
    if (this.treeView.visible && !this.ticker) this.ticker = setInterval(() => this.provider.tick(), TICK_MS);
    else if (!this.treeView.visible && this.ticker) {
      clearInterval(this.ticker);
      this.ticker = undefined;
    }
  }
}
