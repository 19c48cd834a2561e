// "$(sync~spin) 2 VEO" while tasks run; hidden when none do. Click focuses the view.
import * as vscode from 'vscode';
import type { RunningTasks } from '../store/runningTasks';
import { Disposable } from '../util/disposable';

export class RunningStatusItem extends Disposable {
  private readonly item = this._register(vscode.window.createStatusBarItem('veo.running', vscode.StatusBarAlignment.Left, 10));

  constructor(running: RunningTasks) {
    super();
    this.item.name = 'VEO Tasks';
    this.item.command = 'veo.tasks.focus';
    this._register(running.onDidChange((count) => this.update(count)));
    this.update(running.current);
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
}
