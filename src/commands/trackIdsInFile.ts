import * as vscode from 'vscode';
import { trackIdsInText } from '../links/trackIdsInText';
import type { Services } from '../services';
import { showInfo } from '../ui/notify';
import { t } from '../util/l10n';

/** "VEO: Track Task IDs in File" (editor context menu, palette): the whole active document. */
export function registerTrackIdsInFile(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand('veo.trackIdsInFile', async () => {
    const document = vscode.window.activeTextEditor?.document;
    if (!document) {
      void showInfo(t('Open the file with the task ids first.'));
      return undefined;
    }
    return trackIdsInText(services, document.getText(), 'this file');
  });
}
