// The "Tasks" view: tree, badge of running tasks, the message above the rows, and a clock
// that keeps times current.
import * as vscode from 'vscode';
import type { KeyState } from '../auth/keyState';
import type { Configuration } from '../config/configuration';
import type { RunningTasks } from '../store/runningTasks';
import type { TaskStore } from '../store/taskStore';
import { Disposable, toDisposable } from '../util/disposable';
import { TasksTreeProvider } from './tasksTreeProvider';
import { filterMessage, isFiltered, parseViewOptions, ViewOptions } from './viewOptions';
import { t } from '../util/l10n';

/** Where the grouping, sort order and filters are remembered (per workspace; a few bytes). */
export const VIEW_OPTIONS_KEY = 'veo.viewOptions';

export interface MementoLike {
  get(key: string): unknown;
  update(key: string, value: unknown): Thenable<void>;
}

export const TASKS_VIEW_ID = 'veo.tasks';
const TICK_MS = 5_000;
export const keyRefusedMessage = (): string => t('The VEO API refused the API key. Polling is paused: run "VEO: Set API Key".');

export class TasksView extends Disposable {
  readonly provider: TasksTreeProvider;
  readonly treeView: vscode.TreeView<string>;
  private ticker: NodeJS.Timeout | undefined;

  constructor(
    store: TaskStore,
    private readonly running: RunningTasks,
    private readonly keyState: KeyState,
    private readonly configuration: Configuration,
    private readonly viewState?: MementoLike,
  ) {
    super();
    this.provider = this._register(new TasksTreeProvider(store));
    this.provider.setOptions(parseViewOptions(viewState?.get(VIEW_OPTIONS_KEY)));
    this._register(this.provider.onDidReorganize(() => this.showMessage()));
    this.treeView = this._register(
      vscode.window.createTreeView(TASKS_VIEW_ID, { treeDataProvider: this.provider, canSelectMany: true, showCollapseAll: false }),
    );
    this._register(toDisposable(() => this.ticker && clearInterval(this.ticker)));
    this._register(this.treeView.onDidChangeVisibility(() => this.syncTicker()));
    this._register(running.onDidChange(() => this.showBadge()));
    this._register(keyState.onDidChange(() => this.showKeyState()));
    this._register(configuration.onDidChange(({ changed }) => changed.has('baseUrl') && this.showKeyState()));
    this.showBadge();
    this.showKeyState();
    this.syncTicker();
    void vscode.commands.executeCommand('setContext', 'veo.filtered', isFiltered(this.provider.options));
  }

  /**
   * Prepares the text filter's search text in slices of 4 ms between other work (so neither
   * this nor the first keystroke blocks the extension host); stops when disposed.
   */
  prepareTextFilter(): vscode.Disposable {
    let timer: NodeJS.Timeout | undefined;
    const slice = () => {
      timer = this.provider.warmSearch(4) ? undefined : setTimeout(slice, 0);
    };
    slice();
    return new vscode.Disposable(() => clearTimeout(timer));
  }

  get options(): ViewOptions {
    return this.provider.options;
  }

  /** Regroups, re-sorts or filters the rows, and remembers it for this workspace. */
  async setOptions(options: ViewOptions): Promise<void> {
    if (!this.provider.setOptions(options)) return;
    this.showMessage();
    await vscode.commands.executeCommand('setContext', 'veo.filtered', isFiltered(options));
    await this.viewState?.update(VIEW_OPTIONS_KEY, options);
  }

  /** Reveals and selects a task's row, in its group; a filter that hides the row is cleared first. */
  async reveal(id: string): Promise<void> {
    const { parentOf, top } = this.provider.organized();
    if (!parentOf.has(id) && !top.includes(id)) await this.setOptions({ ...this.options, statuses: undefined, text: undefined });
    // A view that is not shown yet is opened first: a selection made while it is still being
    // created can be lost.
    if (!this.treeView.visible) await vscode.commands.executeCommand('veo.tasks.focus');
    await this.treeView.reveal(id, { select: true, focus: true });
  }

  private showBadge(): void {
    const running = this.running.current;
    this.treeView.badge = running > 0 ? { value: running, tooltip: running === 1 ? t('1 VEO task running') : t('{0} VEO tasks running', running) } : undefined;
  }

  /** No key: no rows (the welcome view shows). A bad base URL or a refused key: a message above the rows. */
  private showKeyState(): void {
    this.provider.setHidden(!this.keyState.hasKey);
    this.showMessage();
  }

  /** Plain text above the rows: a bad base URL or a refused key first, else what the filter hides. */
  private showMessage(): void {
    const base = this.configuration.current.baseUrl;
    let message = !base.ok ? base.message : this.keyState.rejected ? keyRefusedMessage() : undefined;
    if (message === undefined && this.keyState.hasKey && isFiltered(this.provider.options)) {
      const { shown, total } = this.provider.organized();
      message = filterMessage(this.provider.options, shown, total);
    }
    if (this.treeView.message !== message) this.treeView.message = message;
  }

  /** Ticks only while the view is visible; a hidden view costs nothing. */
  private syncTicker(): void {
    if (this.treeView.visible && !this.ticker) this.ticker = setInterval(() => this.provider.tick(), TICK_MS);
    else if (!this.treeView.visible && this.ticker) {
      clearInterval(this.ticker);
      this.ticker = undefined;
    }
  }
}
