import * as vscode from 'vscode';
import type { Services } from '../services';
import { MAX_PROMPT_LENGTH } from '../request/createFields';

/** "VEO: New Video from Selection" (editor context menu): the form with the selection as prompt. */
export function registerNewVideoFromSelection({ createForm }: Services): vscode.Disposable {
  return vscode.commands.registerCommand('veo.newVideoFromSelection', () => {
    const editor = vscode.window.activeTextEditor;
    const text = editor ? editor.selections.map((s) => editor.document.getText(s)).join('\n').trim() : '';
    createForm.show(text ? { prompt: text.slice(0, MAX_PROMPT_LENGTH) } : {});
  });
}
