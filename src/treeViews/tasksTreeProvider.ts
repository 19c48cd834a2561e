// Tree of tracked tasks. Elements are task ids (and group elements, see `taskOrganizer.ts`), so
// one changed task refreshes one row unless it has to move.
import * as vscode from 'vscode';
import type { TaskStore } from '../store/taskStore';
import { taskLabel, taskState, TrackedTask, videoAvailability } from '../store/trackedTask';
import { Disposable } from '../util/disposable';
import { Emitter } from '../util/emitter';
import { iconForState } from './icons';
import { isGroupElement, Organized, TaskOrganizer } from './taskOrganizer';
import { taskContextValue, taskDescription, taskTooltip } from './taskPresentation';
import type { ViewOptions } from './viewOptions';
import { taskUri } from './taskDecorations';
import { t } from '../util/l10n';

export class TasksTreeProvider extends Disposable implements vscode.TreeDataProvider<string> {
  private readonly changed = this._register(new vscode.EventEmitter<string | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  /** Descriptions as last rendered, so the clock tick refreshes only rows whose text moved. */
  private readonly rendered = new Map<string, string>();
  private hidden = false;
  private readonly organizer: TaskOrganizer;
  private last: Organized | undefined;
  private readonly reorganized = this._register(new Emitter<Organized>());
  /** The rows were worked out again (counts for the view's message). */
  readonly onDidReorganize = this.reorganized.event;

  constructor(private readonly store: TaskStore) {
    super();
    this.organizer = new TaskOrganizer(store);
    this._register(
      store.onDidChange((change) => {
        if (change.ids !== undefined) {
          const tasks = change.ids.map((id) => store.get(id)).filter((t): t is TrackedTask => t !== undefined);
          if (this.organizer.changed(tasks, Date.now())) this.changed.fire(undefined);
          else for (const id of change.ids) this.changed.fire(id);
          return;
        }
        // Tasks were added or removed: rows of removed tasks are forgotten.
        for (const id of this.rendered.keys()) if (!store.has(id)) this.rendered.delete(id);
        this.organizer.invalidate();
        this.changed.fire(undefined);
      }),
    );
  }

  get options(): ViewOptions {
    return this.organizer.current;
  }

  /** Prepares the text filter's search text for up to `budgetMs`; true when every task's is ready. */
  warmSearch(budgetMs: number): boolean {
    return this.organizer.warmSearch(budgetMs);
  }

  /** Regroups, re-sorts or filters the rows; returns whether anything changed. */
  setOptions(options: ViewOptions): boolean {
    if (!this.organizer.setOptions(options)) return false;
    this.changed.fire(undefined);
    return true;
  }

  /** The rows as they are now (cached until something moves). */
  organized(): Organized {
    const r = this.organizer.organize(Date.now());
    if (r !== this.last) {
      this.last = r;
      this.reorganized.fire(r);
    }
    return r;
  }

  /** Shows nothing (so the welcome view shows) while `hidden`, e.g. with no API key. */
  setHidden(hidden: boolean): void {
    if (this.hidden === hidden) return;
    this.hidden = hidden;
    this.changed.fire(undefined);
  }

  getChildren(element?: string): string[] {
    if (this.hidden) return [];
    if (element === undefined) return this.organized().top;
    return isGroupElement(element) ? (this.organized().groups.get(element)?.ids ?? []) : [];
  }

  /** A task row's group (for `reveal`), undefined at the top level. */
  getParent(element: string): string | undefined {
    return isGroupElement(element) ? undefined : this.organized().parentOf.get(element);
  }

  getTreeItem(id: string): vscode.TreeItem {
    if (isGroupElement(id)) return this.groupItem(id);
    const task = this.store.get(id);
    const item = new vscode.TreeItem(task ? taskLabel(task) : id, vscode.TreeItemCollapsibleState.None);
    item.id = id;
    if (!task) return item;
    const now = Date.now();
    item.description = taskDescription(task, now);
    this.rendered.set(id, item.description);
    item.iconPath = iconForState(taskState(task), task.problem !== undefined);
    // Only for TaskDecorations (colour, badge): the extension's own scheme, never a file.
    item.resourceUri = taskUri(id);
    item.contextValue = taskContextValue(task, now);
    if (videoAvailability(task, now) !== 'none') item.command = { command: 'veo.previewVideo', title: t('Preview Video'), arguments: [id] };
    item.accessibilityInformation = { label: `${taskLabel(task)}, ${item.description}` };
    return item;
  }

  /** A group row: its name and how many tasks it holds; the id stays the same, so VS Code keeps it collapsed or expanded. */
  private groupItem(element: string): vscode.TreeItem {
    const group = this.organized().groups.get(element);
    const item = new vscode.TreeItem(group?.label ?? '', vscode.TreeItemCollapsibleState.Expanded);
    item.id = element;
    const count = group?.ids.length ?? 0;
    item.description = String(count);
    item.contextValue = 'veoGroup';
    item.accessibilityInformation = { label: count === 1 ? t('{0}, 1 task', group?.label ?? '') : t('{0}, {1} tasks', group?.label ?? '', count) };
    return item;
  }

  /** Tooltips are built on hover only: for thousands of rows they would cost most of a render. */
  resolveTreeItem(item: vscode.TreeItem, id: string): vscode.TreeItem {
    if (isGroupElement(id)) return item;
    const task = this.store.get(id);
    if (task) item.tooltip = new vscode.MarkdownString(taskTooltip(task, Date.now()));
    return item;
  }

  /** Refreshes rows whose time-based description changed since they were drawn. */
  tick(): void {
    const now = Date.now();
    // Past local midnight the day groups are stale.
    if (this.last && now >= this.last.validUntil) {
      this.changed.fire(undefined);
      return;
    }
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
