// The "Tasks" view: tree, badge of running tasks, and a clock that keeps times current.
import * as vscode from 'vscode';
import type { TaskStore } from '../store/taskStore';
import { isFinished } from '../store/trackedTask';
import { TasksTreeProvider } from './tasksTreeProvider';

export const TASKS_VIEW_ID = 'veo.tasks';
const TICK_MS = 5_000;

export function runningCount(store: TaskStore): number {
  return store.all().filter((t) => !isFinished(t)).length;
}

export class TasksView implements vscode.Disposable {
  readonly provider: TasksTreeProvider;
  readonly treeView: vscode.TreeView<string>;
  private ticker: NodeJS.Timeout | undefined;
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
      store.onDidChange(() => this.updateBadge()),
    );
    this.updateBadge();
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

  private updateBadge(): void {
    const running = runningCount(this.store);
    this.treeView.badge = running > 0 ? { value: running, tooltip: `${running} VEO task${running === 1 ? '' : 's'} running` } : undefined;
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
