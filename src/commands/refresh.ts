import * as vscode from 'vscode';
import type { Services } from '../services';

/** "VEO: Refresh": polls every unfinished task now. */
export function registerRefresh({ polling }: Services): vscode.Disposable {
  return vscode.commands.registerCommand('veo.refresh', () => polling.refresh());
}
