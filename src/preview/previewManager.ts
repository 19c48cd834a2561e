// "VEO: Preview Video": one webview panel per task, restored after a window reload.
import * as vscode from 'vscode';
import { taskLabel } from '../store/trackedTask';
import { targetIds } from '../commands/taskArgs';
import type { Services } from '../services';
import type { StateReport } from './messages';
import { PreviewPanel, PreviewPanelHost } from './previewPanel';

export const PREVIEW_VIEW_TYPE = 'veo.preview';

export interface PreviewReport extends StateReport {
  id: string;
}

export class PreviewManager implements vscode.Disposable {
  private readonly panels = new Map<string, PreviewPanel>();
  private readonly reports = new vscode.EventEmitter<PreviewReport>();
  private readonly disposables: vscode.Disposable[] = [this.reports];
  private readonly host: PreviewPanelHost;
  /** Every state a preview page reports (for tests and diagnostics). */
  readonly onDidReport = this.reports.event;

  private constructor(
    private readonly services: Services,
    private readonly extensionUri: vscode.Uri,
  ) {
    this.host = {
      services,
      extensionUri,
      report: (id, report) => this.reports.fire({ id, ...report }),
      closed: (panel) => {
        if (this.panels.get(panel.taskId) === panel) this.panels.delete(panel.taskId);
      },
    };
  }

  static register(services: Services, extensionUri: vscode.Uri): PreviewManager {
    const manager = new PreviewManager(services, extensionUri);
    manager.disposables.push(
      vscode.commands.registerCommand('veo.previewVideo', (clicked?: unknown, selected?: unknown) => manager.previewCommand(clicked, selected)),
      vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: unknown) => manager.restore(panel, state),
      }),
      services.store.onDidChange(({ ids }) => {
        for (const [id, panel] of manager.panels) if (ids === undefined || ids.includes(id)) panel.refresh();
      }),
    );
    return manager;
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

  lastState(id: string): StateReport | undefined {
    return this.panels.get(id)?.lastState;
  }

  /** The HTML last rendered for task `id`'s panel. */
  htmlFor(id: string): string | undefined {
    return this.panels.get(id)?.html;
  }

  dispose(): void {
    for (const panel of [...this.panels.values()]) panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  private previewCommand(clicked: unknown, selected: unknown): void {
    const ids = targetIds(clicked, selected);
    const unknown = ids.filter((id) => !this.services.store.has(id));
    if (unknown.length) void vscode.window.showWarningMessage(`VEO: not a tracked task: ${unknown.join(', ')}`);
    for (const id of ids.filter((i) => this.services.store.has(i))) this.show(id);
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
    const preview = new PreviewPanel(id, panel, this.host);
    this.panels.set(id, preview);
    return preview;
  }
}
