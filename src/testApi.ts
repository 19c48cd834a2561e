// What integration tests may reach inside the running extension: returned by `activate`
// only in test mode (never to other extensions in normal use), and kept narrow so tests
// follow behaviour, not internals.
import type * as vscode from 'vscode';
import type { Services } from './services';
import type { Settings } from './config/settings';
import type { FormStatus } from './create/formMessages';
import type { StateReport } from './preview/messages';
import type { RequestErrors } from './request/videoRequest';
import type { TaskStore } from './store/taskStore';
import type { TasksTreeProvider } from './treeViews/tasksTreeProvider';
import { VIEW_OPTIONS_KEY } from './treeViews/tasksView';
import type { ViewOptions } from './treeViews/viewOptions';

export interface TestApi {
  /** The tracked tasks (tests set up and read state through it). */
  store: TaskStore;
  /** The key the extension holds now. */
  apiKey(): string | undefined;
  /** Where the extension keeps its state, to check what is (and is not) persisted. */
  globalState: vscode.Memento;
  /** `context.globalStorageUri`'s folder: the task store's files, and `windows/` (the lease). */
  storageDir: string;
  secrets: vscode.SecretStorage;
  /** The tree as VS Code sees it. */
  tree: Pick<TasksTreeProvider, 'getChildren' | 'getTreeItem' | 'resolveTreeItem' | 'onDidChangeTreeData'>;
  /** The tree's top-level rows (task ids, or group elements when grouped), as VS Code asks for them. */
  rows(): string[];
  /** The tree as text, e.g. `["Completed (2): a, b", "Failed (1): c"]`, or the task ids when not grouped. */
  shape(): string[];
  /** Grouping, sorting and filters in use, and as remembered in workspaceState. */
  viewOptions(): ViewOptions;
  storedViewOptions(): unknown;
  /** A row as VS Code renders it, tooltip resolved as on hover. */
  row(id: string): vscode.TreeItem;
  /** The selected rows (task ids), as VS Code last reported them. */
  selection(): string[];
  /** How many rows' texts the tree remembers. */
  rememberedRows(): number;
  badge(): vscode.ViewBadge | undefined;
  viewMessage(): string | undefined;
  /** The decoration (badge, tooltip, colour id) VS Code gets for a task row's `resourceUri`. */
  decoration(id: string): { badge?: string; tooltip?: string; color?: string } | undefined;
  /** The settings as this window's extension reads them now. */
  settings(): Settings;
  /** This window's part in "one window of the profile polls". */
  windows: {
    isLeader(): boolean;
    windowId(): string;
    /** The window that leads, as this one last read the lease (undefined: none). */
    leaderId(): string | undefined;
  };
  previews: {
    panelFor(id: string): vscode.WebviewPanel | undefined;
    lastState(id: string): StateReport | undefined;
    htmlFor(id: string): string | undefined;
  };
  /** The New Video form: open it, feed it what its page would post, read what it says. */
  createForm: {
    show(values?: Record<string, unknown>): void;
    isOpen(): boolean;
    /** Handles `raw` as if the form's page had posted it. */
    receive(raw: unknown): Promise<void>;
    status(): FormStatus | undefined;
    errors(): RequestErrors;
    /** The values the form was last opened or filled with. */
    shownValues(): Record<string, unknown> | undefined;
    /** The fields as the form's page last reported them. */
    reportedValues(): Record<string, unknown> | undefined;
  };
  /** What VS Code calls for task ids in terminal output, and for `vscode://veo-tools.veo-tasks/...` links. */
  links: { terminal: vscode.TerminalLinkProvider; uri: vscode.UriHandler };
  /** Writes pending state, then disposes everything the extension registered (as a window reload does). */
  disposeAll(): Promise<void>;
  /** `activate` again with the same context (after `disposeAll`). */
  activateAgain(): Promise<TestApi>;
}

export function createTestApi(services: Services, context: vscode.ExtensionContext, activateAgain: () => Promise<TestApi>, links: TestApi['links']): TestApi {
  const { store, view, previews, keys } = services;
  return {
    store,
    apiKey: () => keys.key,
    globalState: context.globalState,
    storageDir: context.globalStorageUri.fsPath,
    secrets: context.secrets,
    tree: view.provider,
    rows: () => view.provider.getChildren(),
    shape: () =>
      view.provider.getChildren().map((element) => {
        const children = view.provider.getChildren(element);
        if (children.length === 0 && !view.provider.organized().groups.has(element)) return element;
        return `${view.provider.getTreeItem(element).label} (${view.provider.getTreeItem(element).description}): ${children.join(', ')}`;
      }),
    viewOptions: () => view.options,
    storedViewOptions: () => context.workspaceState.get(VIEW_OPTIONS_KEY),
    row: (id) => {
      const item = view.provider.getTreeItem(id);
      return view.provider.resolveTreeItem(item, id);
    },
    selection: () => [...view.treeView.selection],
    rememberedRows: () => view.provider.renderedCount,
    badge: () => view.treeView.badge,
    viewMessage: () => view.treeView.message,
    settings: () => services.configuration.current,
    decoration: (id) => {
      const uri = view.provider.getTreeItem(id).resourceUri;
      const d = uri && services.decorations.provideFileDecoration(uri);
      return d ? { badge: d.badge, tooltip: d.tooltip, color: d.color?.id } : undefined;
    },
    windows: {
      isLeader: () => services.leadership.isLeader,
      windowId: () => services.leadership.windowId,
      leaderId: () => services.leadership.leaderId,
    },
    previews,
    createForm: {
      show: (values) => void services.createForm.show(values),
      isOpen: () => services.createForm.isOpen,
      receive: (raw) => services.createForm.receive(raw),
      status: () => services.createForm.status,
      errors: () => services.createForm.errors,
      shownValues: () => services.createForm.shownValues,
      reportedValues: () => services.createForm.reportedValues,
    },
    links,
    disposeAll: async () => {
      await store.flush();
      for (const d of context.subscriptions.splice(0)) d.dispose();
    },
    activateAgain,
  };
}
