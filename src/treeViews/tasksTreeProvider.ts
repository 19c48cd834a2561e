// Tree of tracked tasks. Elements are task ids, so one changed task refreshes one row.
import * as vscode from 'vscode';
import type { TaskStore } from '../store/taskStore';
import { taskLabel, taskState, videoAvailability } from '../store/trackedTask';
import { Disposable } from '../util/disposable';
import { iconForState } from './icons';
import { taskContextValue, taskDescription, taskTooltip } from './taskPresentation';

export class TasksTreeProvider extends Disposable implements vscode.TreeDataProvider<string> {
  private readonly changed = this._register(new vscode.EventEmitter<string | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  /** Descriptions as last rendered, so the clock tick refreshes only rows whose text moved. */
  private readonly rendered = new Map<string, string>();
  private hidden = false;

  constructor(private readonly store: TaskStore) {
    super();
    this._register(
      store.onDidChange((change) => {
        if (change.ids !== undefined) {
          for (const id of change.ids) this.changed.fire(id);
          return;
        }
        // Tasks were added or removed: rows of removed tasks are forgotten.
        for (const id of this.rendered.keys()) if (!store.has(id)) this.rendered.delete(id);
        this.changed.fire(undefined);
      }),
    );
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

  /** How many rows' descriptions are remembered (for tests: removed tasks must not stay). */
  get renderedCount(): number {
    return this.rendered.size;
  }
}
