// The one place that maps a task's state to its icon.
import * as vscode from 'vscode';
import type { TaskState } from '../store/trackedTask';
import { STATE_ICONS as ICONS } from './iconIds';

export function iconForState(state: TaskState, hasProblem: boolean): vscode.ThemeIcon {
  if (hasProblem && state !== 'completed' && state !== 'failed') {
    return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  }
  const [id, color] = ICONS[state];
  return new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(color) : undefined);
}
