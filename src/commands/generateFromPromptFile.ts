import * as vscode from 'vscode';
import { resultStatus } from '../create/formMessages';
import { readPromptFile } from '../create/promptFile';
import { checkRequest, requestFromBody } from '../request/videoRequest';
import type { Services } from '../services';
import { showError, showInfo } from '../ui/notify';
import { t } from '../util/l10n';


/** The "Generate video" CodeLens of a prompt file: sends request `index` of the file (after the same confirmation). */
export function registerGenerateFromPromptFile({ creator }: Services): vscode.Disposable {
  return vscode.commands.registerCommand('veo.generateFromPromptFile', async (uri?: unknown, index?: unknown) => {
    if (!(uri instanceof vscode.Uri) || typeof index !== 'number') return undefined;
    const document = await vscode.workspace.openTextDocument(uri);
    const file = readPromptFile(document.getText());
    const body = file.ok ? file.requests[index]?.body : undefined;
    const checked = checkRequest(requestFromBody(body));
    if (!checked.ok) {
      void showError(t('This prompt file request cannot be sent: {0}', Object.values(checked.errors)[0] ?? t('it is not a request')));
      return undefined;
    }
    const result = await creator.create(checked.request);
    const status = resultStatus(result, Date.now());
    if (!status) return result;
    if (status.kind === 'created') {
      void showInfo(status.message, t('Show Task')).then((c) => c && vscode.commands.executeCommand('veo.showTask', status.taskId));
    } else if (status.action === 'setApiKey' || status.action === 'openSettings') {
      const setKey = status.action === 'setApiKey';
      void showError(status.message, setKey ? t('Set API Key') : t('Open Settings')).then((choice) => {
        if (choice) void (setKey ? vscode.commands.executeCommand('veo.setApiKey') : vscode.commands.executeCommand('workbench.action.openSettings', 'veo.baseUrl'));
      });
    } else {
      void showError(status.message);
    }
    return result;
  });
}
