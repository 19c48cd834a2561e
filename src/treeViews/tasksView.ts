// The "Tasks" view: tree, badge of running tasks, and a clock that keeps times current.
import * as vscode from 'vscode';
import type { TaskStore } from '../store/taskStore';
import { isFinished } from '../store/trackedTask';
import { TasksTreeProvider } from './tasksTreeProvider';

export const TASKS_VIEW_ID = 'veo.tasks';
const TICK_MS = 5_000;


export class TasksView implements vscode.Disposable {
  readonly provider: TasksTreeProvider;
  readonly treeView: vscode.TreeView<string>;
  private ticker: NodeJS.Timeout | undefined;
  /** -1 until first counted, so the first count always applies. */
  private running = -1;
  private readonly runningChanged = new vscode.EventEmitter<number>();
  /** How many tasks are still running, counted once per store change for badge and status bar. */
  readonly onDidChangeRunning = this.runningChanged.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly store: TaskStore) {
    this.provider = new TasksTreeProvider(store);
    this.treeView = vscode.window.createTreeView(TASKS_VIEW_ID, {
      treeDataProvider: this.provider,
      canSelectMany: true,
      showCollapseAll: false,
    });
    this.disposables.push(
      this.provider,
      this.treeView,
      this.treeView.onDidChangeVisibility(() => this.syncTicker()),
      this.runningChanged,
      store.onDidChange(() => this.countRunning()),
    );
    this.countRunning();
    this.syncTicker();
  }

  /** Message shown above the rows (e.g. the key was refused); undefined clears it. */
  setMessage(message: string | undefined): void {
    this.treeView.message = message;
  }

  dispose(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.disposables.forEach((d) => d.dispose());
  }

  get runningCount(): number {
    return Math.max(0, this.running);
  }

  private countRunning(): void {
    const running = this.store.all().filter((t) => !isFinished(t)).length;
    if (running === this.running) return;
    this.running = running;
    this.treeView.badge = running > 0 ? { value: running, tooltip: `${running} VEO task${running === 1 ? '' : 's'} running` } : undefined;
    this.runningChanged.fire(running);
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
