import * as vscode from 'vscode';
import type { Services } from '../services';
import { targetIds } from './taskArgs';

/** "Copy Video URL" (context menu and preview). */
export function registerCopyVideoUrl({ store }: Services): vscode.Disposable {
  return vscode.commands.registerCommand('veo.copyVideoUrl', async (clicked?: unknown, selected?: unknown) => {
    const urls = targetIds(clicked, selected)
      .map((id) => store.get(id)?.result?.video_url)
      .filter((u): u is string => typeof u === 'string');
    if (urls.length) await vscode.env.clipboard.writeText(urls.join('\n'));
  });
}
