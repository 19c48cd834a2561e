// The one place that maps a task's state to its icon.
import * as vscode from 'vscode';
import type { TaskState } from '../store/trackedTask';

const ICONS: Record<TaskState, [string, string | undefined]> = {
  pending: ['loading~spin', undefined],
  queued: ['clock', undefined],
  processing: ['sync~spin', undefined],
  completed: ['pass', 'testing.iconPassed'],
  failed: ['error', 'testing.iconFailed'],
  unknown: ['question', 'problemsWarningIcon.foreground'],
  notFound: ['circle-slash', 'problemsWarningIcon.foreground'],
};

export function iconForState(state: TaskState, hasProblem: boolean): vscode.ThemeIcon {
  if (hasProblem && state !== 'completed' && state !== 'failed') {
    return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  }
  const [id, color] = ICONS[state];
  return new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(color) : undefined);
}
