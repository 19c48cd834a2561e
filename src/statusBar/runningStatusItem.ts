// "$(sync~spin) 2 VEO" while tasks run; hidden when none do. Click focuses the view.
import * as vscode from 'vscode';
import type { RunningTasks } from '../store/runningTasks';
import { Disposable } from '../util/disposable';
import { t } from '../util/l10n';

export class RunningStatusItem extends Disposable {
  private readonly item = this._register(vscode.window.createStatusBarItem('veo.running', vscode.StatusBarAlignment.Left, 10));

  constructor(running: RunningTasks) {
    super();
    this.item.name = t('VEO Tasks');
    this.item.command = 'veo.tasks.focus';
    this._register(running.onDidChange((count) => this.update(count)));
    this.update(running.current);
  }

  private update(running: number): void {
    if (running === 0) {
      this.item.hide();
      return;
    }
    this.item.text = `$(sync~spin) ${t('{0} VEO', running)}`;
    this.item.tooltip = running === 1 ? t('1 VEO task running. Click to show it.') : t('{0} VEO tasks running. Click to show them.', running);
    this.item.show();
  }
}
