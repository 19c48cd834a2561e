// The "New Video" form: one webview panel, reused and revealed. Checks every change with the
// same rules the request is sent with, and sends one request per Generate.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { checkRequest, RequestErrors } from '../request/videoRequest';
import { Disposable, toDisposable } from '../util/disposable';
import type { Creator } from './creator';
import { FormAction, FormStatus, FormValues, parseFormMessage, resultStatus, savedFormValues } from './formMessages';
import { renderFormHtml } from './formHtml';
import { t } from '../util/l10n';

export const CREATE_VIEW_TYPE = 'veo.newVideo';

type HostMessage = { type: 'validation'; errors: RequestErrors } | { type: 'status'; status: FormStatus } | { type: 'fill'; values: FormValues };

export class CreateForm extends Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private inFlight = false;
  /** What the form last said (for tests and diagnostics). */
  private lastStatus: FormStatus | undefined;
  private lastErrors: RequestErrors = {};
  private lastValues: FormValues | undefined;
  /** What the page last reported it holds (its `change` messages). */
  private pageValues: FormValues | undefined;

  constructor(
    private readonly creator: Creator,
    private readonly extensionUri: vscode.Uri,
  ) {
    super();
    this._register(toDisposable(() => this.panel?.dispose()));
    // Registered during activation, so a form left open comes back after a reload with what
    // the user had typed (the page saves its fields with setState on every change).
    this._register(
      vscode.window.registerWebviewPanelSerializer(CREATE_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: unknown) => this.restore(panel, state),
      }),
    );
  }

  private restore(panel: vscode.WebviewPanel, state: unknown): void {
    if (this.panel) {
      // A form is open already (one form at a time): keep it.
      panel.dispose();
      return;
    }
    const values = savedFormValues(state);
    this.lastValues = values;
    this.adopt(panel, values);
  }

  /** Opens the form (pre-filled with `values`), or reveals it and fills it when it is open. */
  show(values: FormValues = {}): vscode.WebviewPanel {
    this.lastValues = values;
    if (this.panel) {
      this.panel.reveal();
      if (Object.keys(values).length > 0) void this.post({ type: 'fill', values });
      return this.panel;
    }
    const panel = vscode.window.createWebviewPanel(CREATE_VIEW_TYPE, t('New Video'), vscode.ViewColumn.Active, this.webviewOptions());
    this.adopt(panel, values);
    return panel;
  }

  private webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media'), vscode.Uri.joinPath(this.extensionUri, 'dist', 'codicons')],
    };
  }

  /** Makes `panel` (new, or restored after a reload) the form, showing `values`. */
  private adopt(panel: vscode.WebviewPanel, values: FormValues): void {
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    panel.iconPath = vscode.Uri.joinPath(media, 'veo.svg');
    this.panel = panel;
    this.lastStatus = undefined;
    this.pageValues = undefined;
    const webview = panel.webview;
    // A restored panel keeps the options it was saved with; set ours again.
    webview.options = this.webviewOptions();
    webview.html = renderFormHtml({
      values,
      nonce: randomBytes(16).toString('base64'),
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'create.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'create.css')).toString(),
      codiconsUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'codicons', 'codicon.css')).toString(),
    });
    const messages = webview.onDidReceiveMessage((raw) => void this.receive(raw));
    panel.onDidDispose(() => {
      messages.dispose();
      if (this.panel === panel) this.panel = undefined;
    });
  }

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  get status(): FormStatus | undefined {
    return this.lastStatus;
  }

  /** The values the form was last opened or filled with. */
  get shownValues(): FormValues | undefined {
    return this.lastValues;
  }

  /** The fields as the page last reported them (checked like every page message). */
  get reportedValues(): FormValues | undefined {
    return this.pageValues;
  }

  get errors(): RequestErrors {
    return this.lastErrors;
  }

  /** Handles one message as the page posts it (checked first: the page is not trusted). */
  async receive(raw: unknown): Promise<void> {
    const message = parseFormMessage(raw);
    if (!message) return;
    switch (message.type) {
      case 'change': {
        this.pageValues = message.values;
        const checked = checkRequest(message.values);
        await this.post({ type: 'validation', errors: (this.lastErrors = checked.ok ? {} : checked.errors) });
        return;
      }
      case 'generate':
        return this.generate(message.values);
      case 'action':
        return this.perform(message.action);
    }
  }

  private async generate(values: FormValues): Promise<void> {
    const checked = checkRequest(values);
    if (!checked.ok) {
      this.lastErrors = checked.errors;
      await this.post({ type: 'validation', errors: checked.errors });
      await this.say({ kind: 'failed', message: t('Nothing was sent: fix the fields marked above.') });
      return;
    }
    // One click is one task, whatever the page does.
    if (this.inFlight) return;
    this.inFlight = true;
    try {
      await this.say({ kind: 'busy', message: t('Sending the request...') });
      const result = await this.creator.create(checked.request);
      await this.say(resultStatus(result, Date.now()) ?? { kind: 'failed', message: t('Cancelled: nothing was sent.') });
    } catch (e) {
      await this.say({ kind: 'failed', message: t('Nothing was created: {0}', e instanceof Error ? e.message : String(e)) });
    } finally {
      this.inFlight = false;
    }
  }

  private async perform(action: FormAction): Promise<void> {
    if (action === 'setApiKey') await vscode.commands.executeCommand('veo.setApiKey');
    else if (action === 'openSettings') await vscode.commands.executeCommand('workbench.action.openSettings', 'veo.baseUrl');
    else if (action === 'showTask' && this.lastStatus?.taskId) await vscode.commands.executeCommand('veo.showTask', this.lastStatus.taskId);
  }

  private async say(status: FormStatus): Promise<void> {
    this.lastStatus = status;
    await this.post({ type: 'status', status });
  }

  private async post(message: HostMessage): Promise<void> {
    await this.panel?.webview.postMessage(message);
  }
}
