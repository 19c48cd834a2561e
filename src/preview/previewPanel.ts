// One preview webview for one task: renders its page, follows the page's reports, finds
// out why playback failed, and performs the page's buttons.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { loadNetwork } from '../lazyNetwork';
import type { LinkState } from '../download/probeLink';
import type { Logger } from '../log/logger';
import type { TaskStore } from '../store/taskStore';
import { showError } from '../ui/notify';
import { Disposable } from '../util/disposable';
import { HostAction, HostMessage, parsePageMessage, StateReport } from './messages';
import { renderPreviewHtml } from './previewHtml';
import { playbackError, PreviewModel, previewModel } from './previewModel';
import { soundNotice } from './soundNotice';
import { soundTracksOfFile } from './soundTracksOfFile';
import { t } from '../util/l10n';

export interface PreviewPanelHost {
  store: TaskStore;
  log: Logger;
  extensionUri: vscode.Uri;
  /** The API is on this machine, so its video links may be too (see `linkRefusal`). */
  allowLocalLinks(): boolean;
  /** The panel closed. */
  closed(panel: PreviewPanel): void;
}

export class PreviewPanel extends Disposable {
  private model: PreviewModel | undefined;
  private renderedKey: string | undefined;
  private renderedHtml: string | undefined;
  private reported: StateReport | undefined;
  private probing = false;

  constructor(
    readonly taskId: string,
    readonly panel: vscode.WebviewPanel,
    private readonly host: PreviewPanelHost,
  ) {
    super();
    panel.iconPath = vscode.Uri.joinPath(host.extensionUri, 'media', 'veo.svg');
    this._register(panel.onDidDispose(() => this.dispose()));
    this._register(panel.webview.onDidReceiveMessage((raw) => this.onMessage(raw)));
    this.refresh();
  }

  /** The last state the page reported since it was last rendered. */
  get lastState(): StateReport | undefined {
    return this.reported;
  }

  /** The HTML last rendered. */
  get html(): string | undefined {
    return this.renderedHtml;
  }

  /** Renders the page again when what it shows changed (e.g. a download finished); true when it did. */
  refresh(): boolean {
    if (this.isDisposed) return false;
    const task = this.host.store.get(this.taskId);
    const local = task?.localFile;
    const model = previewModel(this.taskId, task, Date.now(), local !== undefined && fs.existsSync(local), this.host.allowLocalLinks());
    const webview = this.panel.webview;
    const src = model.source?.kind === 'local' ? webview.asWebviewUri(vscode.Uri.file(model.source.path)).toString() : model.source?.url;
    this.panel.title = `▶ ${model.title}`;
    const sound = soundNotice(model, task?.result?.model, model.source?.kind === 'local' ? soundTracksOfFile(model.source.path) : undefined);
    const key = JSON.stringify([model, src, sound]);
    if (key === this.renderedKey) return false;
    this.renderedKey = key;
    this.model = model;
    this.reported = undefined;

    const media = vscode.Uri.joinPath(this.host.extensionUri, 'media');
    const roots = [media];
    // The downloaded file's folder (VS Code matches roots as folders: a file root never matches).
    if (model.source?.kind === 'local') roots.push(vscode.Uri.file(path.dirname(model.source.path)));
    webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: roots };
    this.renderedHtml = renderPreviewHtml({
      model,
      src,
      nonce: randomBytes(16).toString('base64'),
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.css')).toString(),
      sound,
    });
    webview.html = this.renderedHtml;
    return true;
  }

  override dispose(): void {
    if (this.isDisposed) return;
    super.dispose();
    this.panel.dispose();
    this.host.closed(this);
  }

  private onMessage(raw: unknown): void {
    const message = parsePageMessage(raw);
    if (!message || this.isDisposed) return;
    switch (message.type) {
      case 'state': {
        this.reported = { state: message.state, detail: message.detail, currentTime: message.currentTime };
        return;
      }
      case 'playbackFailed':
        void this.diagnose(message.code);
        return;
      case 'action':
        void this.perform(message.action);
        return;
    }
  }

  /** Playback failed: asks the video host why, then shows the matching error. */
  private async diagnose(code: number | undefined): Promise<void> {
    const model = this.model;
    const source = model?.source;
    if (!model || !source || this.probing) return;
    const log = this.host.log;
    if (source.kind === 'local') {
      // A deleted copy: render again, which falls back to the link.
      if (!fs.existsSync(source.path) && this.refresh()) return;
      log.warn(`Preview of ${this.taskId}: the downloaded file does not play (MediaError ${code ?? '?'})`);
      this.post({ type: 'showError', error: playbackError(model, 'ok', code) });
      return;
    }
    this.probing = true;
    let probe: LinkState;
    try {
      probe = await loadNetwork().probeVideoLink(source.url, { allowLocalLinks: this.host.allowLocalLinks() });
    } catch {
      probe = 'network';
    } finally {
      this.probing = false;
    }
    if (this.isDisposed || this.model !== model) return;
    log.info(`Preview of ${this.taskId}: playback failed (MediaError ${code ?? '?'}); the video host says: ${probe}`);
    if (probe === 'expired') {
      // Recorded on the task; the store change renders the expired page.
      this.host.store.update(this.taskId, { linkExpired: true });
      if (this.model !== model) return;
    }
    this.post({ type: 'showError', error: playbackError(model, probe, code) });
  }

  private async perform(action: HostAction): Promise<void> {
    const task = this.host.store.get(this.taskId);
    const url = task?.result?.video_url ?? undefined;
    try {
      switch (action) {
        case 'download':
          await vscode.commands.executeCommand('veo.downloadVideo', this.taskId);
          return;
        case 'copyUrl':
          if (!url) return;
          await vscode.env.clipboard.writeText(url);
          vscode.window.setStatusBarMessage(t('VEO: video URL copied'), 3000);
          return;
        case 'openInSystemPlayer':
          // The task's own download, never a path from the page.
          await vscode.commands.executeCommand('veo.openInSystemPlayer', this.taskId);
          return;
        case 'openExternal':
          // A string, not Uri.parse(url): Uri re-encodes the query and breaks signed links
          // (microsoft/vscode#85930); openExternal opens a string exactly as given.
          if (url) await vscode.env.openExternal(url as unknown as vscode.Uri);
          return;
      }
    } catch (err) {
      void showError(t('VEO: {0}', err instanceof Error ? err.message : String(err)));
    }
  }

  private post(message: HostMessage): void {
    void this.panel.webview.postMessage(message);
  }
}
