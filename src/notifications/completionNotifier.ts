// One notification per task when it completes or fails (`veo.notifyOnCompletion`).
import * as vscode from 'vscode';
import type { TaskStore } from '../store/taskStore';
import type { TrackedTask } from '../store/trackedTask';
import { taskLabel } from '../treeViews/taskPresentation';

export async function notifyFinished(task: TrackedTask, store: TaskStore, enabled: boolean): Promise<void> {
  if (task.notified) return;
  // Marked before showing, so a reload while the toast is up never shows it twice.
  store.update(task.id, { notified: true });
  if (!enabled) return;
  const name = taskLabel(task);
  const completed = task.result?.status === 'completed';
  const message = completed ? `VEO task ${name} completed.` : `VEO task ${name} failed: ${task.result?.error ?? 'no reason given'}`;
  const show = completed ? vscode.window.showInformationMessage : vscode.window.showErrorMessage;
  const choice = await show(message, 'Show');
  if (choice === 'Show') await vscode.commands.executeCommand('veo.showTask', task.id);
}
