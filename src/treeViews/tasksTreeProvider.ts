// Tree of tracked tasks. Elements are task ids, so one changed task refreshes one row.
import * as vscode from 'vscode';
import type { TaskStore } from '../store/taskStore';
import { taskLabel, taskState, videoAvailability } from '../store/trackedTask';
import { iconForState } from './icons';
import { taskContextValue, taskDescription, taskTooltip } from './taskPresentation';

export class TasksTreeProvider implements vscode.TreeDataProvider<string>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<string | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;
  /** Descriptions as last rendered, so the clock tick refreshes only rows whose text moved. */
  private readonly rendered = new Map<string, string>();
  private hidden = false;

  constructor(private readonly store: TaskStore) {
    this.subscription = store.onDidChange((change) => {
      if (change.ids === undefined) this.changed.fire(undefined);
      else for (const id of change.ids) this.changed.fire(id);
    });
  }

  /** Shows nothing (so the welcome view shows) while `hidden`, e.g. with no API key. */
  setHidden(hidden: boolean): void {
    if (this.hidden === hidden) return;
    this.hidden = hidden;
    this.changed.fire(undefined);
  }

  getChildren(element?: string): string[] {
    if (element !== undefined || this.hidden) return [];
    return this.store.all().map((t) => t.id);
  }

  getParent(): undefined {
    return undefined;
  }

  getTreeItem(id: string): vscode.TreeItem {
    const task = this.store.get(id);
    const item = new vscode.TreeItem(task ? taskLabel(task) : id, vscode.TreeItemCollapsibleState.None);
    item.id = id;
    if (!task) return item;
    const now = Date.now();
    item.description = taskDescription(task, now);
    this.rendered.set(id, item.description);
    item.iconPath = iconForState(taskState(task), task.problem !== undefined);
    item.contextValue = taskContextValue(task, now);
    if (videoAvailability(task, now) !== 'none') item.command = { command: 'veo.previewVideo', title: 'Preview Video', arguments: [id] };
    item.accessibilityInformation = { label: `${taskLabel(task)}, ${item.description}` };
    return item;
  }

  /** Tooltips are built on hover only: for thousands of rows they would cost most of a render. */
  resolveTreeItem(item: vscode.TreeItem, id: string): vscode.TreeItem {
    const task = this.store.get(id);
    if (task) item.tooltip = new vscode.MarkdownString(taskTooltip(task, Date.now()));
    return item;
  }

  /** Refreshes rows whose time-based description changed since they were drawn. */
  tick(): void {
    const now = Date.now();
    for (const task of this.store.all()) {
      const shown = this.rendered.get(task.id);
      if (shown !== undefined && shown !== taskDescription(task, now)) this.changed.fire(task.id);
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
