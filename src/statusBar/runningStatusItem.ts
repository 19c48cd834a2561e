// "$(sync~spin) 2 VEO" while tasks run; hidden when none do. Click focuses the view.
import * as vscode from 'vscode';
import type { TasksView } from '../treeViews/tasksView';

export class RunningStatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('veo.running', vscode.StatusBarAlignment.Left, 10);
  private readonly subscription: vscode.Disposable;

  constructor(view: TasksView) {
    this.item.name = 'VEO Tasks';
    this.item.command = 'veo.tasks.focus';
    this.subscription = view.onDidChangeRunning((running) => this.update(running));
    this.update(view.runningCount);
  }

  private update(running: number): void {
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
