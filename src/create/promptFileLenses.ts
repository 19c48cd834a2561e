// A "Generate video" CodeLens above each request of a prompt file (`*.veo.json`); a lens
// with what is wrong instead when the request breaks a documented rule.
import * as vscode from 'vscode';
import { checkRequest, requestFromBody } from '../request/videoRequest';
import { Disposable } from '../util/disposable';
import { plainText } from '../util/plainText';
import { readPromptFile } from './promptFile';
import { t } from '../util/l10n';

export const PROMPT_FILE_SELECTOR: vscode.DocumentSelector = { pattern: '**/*.veo.json' };

export class PromptFileLenses extends Disposable implements vscode.CodeLensProvider {
  constructor() {
    super();
    this._register(vscode.languages.registerCodeLensProvider(PROMPT_FILE_SELECTOR, this));
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const file = readPromptFile(document.getText());
    if (!file.ok) return [];
    return file.requests.map(({ offset, body }, index) => {
      const range = new vscode.Range(document.positionAt(offset), document.positionAt(offset));
      const checked = checkRequest(requestFromBody(body));
      if (!checked.ok) {
        // Plain text: a lens title renders $(icon) syntax, and the message may quote the file.
        const first = plainText(Object.values(checked.errors)[0] ?? t('This request breaks a rule of the API.'), 200);
        return new vscode.CodeLens(range, { title: `$(warning) ${first}`, command: '' });
      }
      return new vscode.CodeLens(range, {
        title: `$(play) ${t('Generate video')}`,
        tooltip: t('Send this request to the VEO API (spends credits) and track the new task'),
        command: 'veo.generateFromPromptFile',
        arguments: [document.uri, index],
      });
    });
  }
}
