// One notification per task when it completes or fails (`veo.notifyOnCompletion`).
import * as vscode from 'vscode';
import type { TaskStore } from '../store/taskStore';
import { taskLabel, type TrackedTask } from '../store/trackedTask';

export async function notifyFinished(task: TrackedTask, store: TaskStore, enabled: boolean, autoDownload = false): Promise<void> {
  if (task.notified) return;
  // Marked before showing, so a reload while the toast is up never shows it twice.
  store.update(task.id, { notified: true });
  if (!enabled) return;
  const name = taskLabel(task);
  const completed = task.result?.status === 'completed';
  const message = completed ? `VEO task ${name} completed.` : `VEO task ${name} failed: ${task.result?.error ?? 'no reason given'}`;
  const show = completed ? vscode.window.showInformationMessage : vscode.window.showErrorMessage;
  const actions = completed ? (autoDownload ? ['Preview', 'Show'] : ['Preview', 'Download', 'Show']) : ['Show'];
  const choice = await show(message, ...actions);
  const command = ({ Preview: 'veo.previewVideo', Download: 'veo.downloadVideo', Show: 'veo.showTask' } as Record<string, string>)[choice ?? ''];
  if (command) await vscode.commands.executeCommand(command, task.id);
}
