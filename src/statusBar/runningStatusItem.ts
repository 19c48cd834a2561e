// "$(sync~spin) 2 VEO" while tasks run; hidden when none do. Click focuses the view.
import * as vscode from 'vscode';
import type { TaskStore } from '../store/taskStore';
import { runningCount } from '../treeViews/tasksView';

export class RunningStatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('veo.running', vscode.StatusBarAlignment.Left, 10);
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: TaskStore) {
    this.item.name = 'VEO Tasks';
    this.item.command = 'veo.tasks.focus';
    this.subscription = store.onDidChange(() => this.update());
    this.update();
  }

  private update(): void {
    const running = runningCount(this.store);
    if (running === 0) {
      this.item.hide();
      return;
    }
    this.item.text = `$(sync~spin) ${running} VEO`;
    this.item.tooltip = `${running} VEO task${running === 1 ? '' : 's'} running. Click to show them.`;
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
