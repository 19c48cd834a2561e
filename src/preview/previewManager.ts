// The preview webview panels: one per task, re-rendered when its task changes, restored
// after a window reload.
import * as vscode from 'vscode';
import type { Logger } from '../log/logger';
import type { TaskStore } from '../store/taskStore';
import { taskLabel } from '../store/trackedTask';
import { Disposable, toDisposable } from '../util/disposable';
import type { StateReport } from './messages';
import { PreviewPanel } from './previewPanel';

export const PREVIEW_VIEW_TYPE = 'veo.preview';

export class PreviewManager extends Disposable {
  private readonly panels = new Map<string, PreviewPanel>();

  constructor(
    private readonly services: { store: TaskStore; log: Logger; allowLocalLinks(): boolean },
    private readonly extensionUri: vscode.Uri,
  ) {
    super();
    this._register(toDisposable(() => [...this.panels.values()].forEach((p) => p.dispose())));
    // Registered during activation so the serializer can restore panels after a reload.
    this._register(
      vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: unknown) => this.restore(panel, state),
      }),
    );
    this._register(
      services.store.onDidChange(({ ids }) => {
        for (const [id, panel] of this.panels) if (ids === undefined || ids.includes(id)) panel.refresh();
      }),
    );
  }

  /** Opens the preview of task `id`, or reveals it when it is open already. */
  show(id: string): vscode.WebviewPanel {
    const open = this.panels.get(id);
    if (open) {
      open.panel.reveal();
      return open.panel;
    }
    const task = this.services.store.get(id);
    const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, `▶ ${task ? taskLabel(task) : id}`, vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')],
    });
    return this.adopt(id, panel).panel;
  }

  panelFor(id: string): vscode.WebviewPanel | undefined {
    return this.panels.get(id)?.panel;
  }

  /** The last state task `id`'s page reported since it was last rendered. */
  lastState(id: string): StateReport | undefined {
    return this.panels.get(id)?.lastState;
  }

  /** The HTML last rendered for task `id`'s panel. */
  htmlFor(id: string): string | undefined {
    return this.panels.get(id)?.html;
  }

  /** After a window reload: the page saved `{ taskId }` with `setState`. */
  private restore(panel: vscode.WebviewPanel, state: unknown): void {
    const id = typeof state === 'object' && state !== null ? (state as { taskId?: unknown }).taskId : undefined;
    if (typeof id !== 'string' || this.panels.has(id)) {
      panel.dispose();
      return;
    }
    this.adopt(id, panel);
  }

  private adopt(id: string, panel: vscode.WebviewPanel): PreviewPanel {
    const preview = new PreviewPanel(id, panel, {
      store: this.services.store,
      log: this.services.log,
      allowLocalLinks: () => this.services.allowLocalLinks(),
      extensionUri: this.extensionUri,
      closed: (closed) => {
        if (this.panels.get(closed.taskId) === closed) this.panels.delete(closed.taskId);
      },
    });
    this.panels.set(id, preview);
    return preview;
  }
}
