// Reads the `veo.*` settings.
import * as vscode from 'vscode';
import { BaseUrlCheck, checkBaseUrl, DEFAULT_BASE_URL } from './baseUrl';

export const MIN_POLL_SECONDS = 10;
export const MAX_POLL_SECONDS = 600;
const DEFAULT_POLL_SECONDS = 30;

export interface Settings {
  baseUrl: BaseUrlCheck;
  pollIntervalMs: number;
  notifyOnCompletion: boolean;
  /** Empty: the default (first workspace folder, else ~/Downloads). */
  downloadDirectory: string;
  autoDownload: boolean;
  expiryWarningHours: number;
}

export function readSettings(): Settings {
  const c = vscode.workspace.getConfiguration('veo');
  const seconds = Number(c.get<number>('pollIntervalSeconds', DEFAULT_POLL_SECONDS));
  const clamped = Number.isFinite(seconds) ? Math.min(MAX_POLL_SECONDS, Math.max(MIN_POLL_SECONDS, seconds)) : DEFAULT_POLL_SECONDS;
  return {
    baseUrl: checkBaseUrl(c.get<string>('baseUrl', DEFAULT_BASE_URL) || DEFAULT_BASE_URL),
    pollIntervalMs: clamped * 1000,
    notifyOnCompletion: c.get<boolean>('notifyOnCompletion', true),
    downloadDirectory: c.get<string>('downloadDirectory', '').trim(),
    autoDownload: c.get<boolean>('autoDownload', false),
    expiryWarningHours: Math.min(23, Math.max(0, Number(c.get<number>('expiryWarningHours', 3)) || 0)),
  };
}

export function onDidChangeSettings(listener: (s: Settings) => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('veo')) listener(readSettings());
  });
}
