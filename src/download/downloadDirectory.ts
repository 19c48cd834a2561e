// Where downloads go by default: `veo.downloadDirectory`, else the first workspace
// folder, else ~/Downloads (else home).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';

export function defaultDownloadDirectory(setting: string): string {
  if (setting) return path.resolve(setting.replace(/^~(?=$|[\\/])/, os.homedir()));
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file');
  if (folder) return folder.uri.fsPath;
  const downloads = path.join(os.homedir(), 'Downloads');
  return fs.existsSync(downloads) ? downloads : os.homedir();
}
