import * as vscode from 'vscode';
import { trackIdsInText } from '../links/trackIdsInText';
import type { Services } from '../services';
import { showInfo } from '../ui/notify';
import { t } from '../util/l10n';

/** "VEO: Track Task IDs in Selection" (editor context menu, palette): every selection of the active editor. */
export function registerTrackIdsInSelection(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand('veo.trackIdsInSelection', async () => {
    const editor = vscode.window.activeTextEditor;
    const text = editor?.selections.map((s) => editor.document.getText(s)).join('\n') ?? '';
    if (text.trim() === '') {
      void showInfo(t('Select the text with the task ids first, or use "VEO: Track Task IDs in File".'));
      return undefined;
    }
    return trackIdsInText(services, text, 'the selection');
  });
}
