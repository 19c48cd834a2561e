// The only way the extension shows notifications and progress titles: every message goes
// through `plainText`, so no text from outside can become a link, a command or an icon.
// (An ESLint rule forbids `vscode.window.show*Message` and `withProgress` anywhere else.)
import * as vscode from 'vscode';
import { plainText } from '../util/plainText';

export function showInfo<T extends string>(message: string, ...actions: T[]): Thenable<T | undefined> {
  return vscode.window.showInformationMessage(plainText(message), ...actions);
}

export function showWarning<T extends string>(message: string, ...actions: T[]): Thenable<T | undefined> {
  return vscode.window.showWarningMessage(plainText(message), ...actions);
}

export function showError<T extends string>(message: string, ...actions: T[]): Thenable<T | undefined> {
  return vscode.window.showErrorMessage(plainText(message), ...actions);
}

/** Notification progress whose title and messages are plain text. */
export function withNotificationProgress<R>(
  title: string,
  task: (report: (message: string, increment?: number) => void, token: vscode.CancellationToken) => Thenable<R>,
): Thenable<R> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: plainText(title), cancellable: true }, (progress, token) =>
    task((message, increment) => progress.report({ message: plainText(message), increment }), token),
  );
}

/** A modal question with one action (plus Cancel); resolves true when the user chose `action`. */
export async function confirmModal(message: string, detail: string, action: string): Promise<boolean> {
  return (await askModal(message, detail, action)) === action;
}

/**
 * A modal question with its actions (plus Cancel); resolves to the chosen one, undefined on
 * Cancel. The detail keeps its line breaks (a list reads one item a line), each line plain text.
 */
export async function askModal<T extends string>(message: string, detail: string, ...actions: T[]): Promise<T | undefined> {
  const lines = detail.split(/\r\n|\n|\r/).slice(0, MAX_DETAIL_LINES).map((line) => plainText(line, 1000));
  return vscode.window.showWarningMessage(plainText(message), { modal: true, detail: lines.join('\n') }, ...actions);
}

const MAX_DETAIL_LINES = 30;
