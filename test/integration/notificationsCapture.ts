import * as vscode from 'vscode';

export interface Shown {
  kind: 'info' | 'warning' | 'error' | 'progress';
  message: string;
  actions: string[];
}

type Window = Record<'showInformationMessage' | 'showWarningMessage' | 'showErrorMessage' | 'withProgress', unknown>;

/**
 * Records every notification and progress title the extension shows (answering none),
 * until `restore()`. The extension and the tests share one `vscode.window` object.
 */
export function captureNotifications(): { shown: Shown[]; restore(): void } {
  const window = vscode.window as unknown as Window;
  const original = {
    showInformationMessage: window.showInformationMessage,
    showWarningMessage: window.showWarningMessage,
    showErrorMessage: window.showErrorMessage,
    withProgress: window.withProgress,
  };
  const shown: Shown[] = [];
  const record = (kind: Shown['kind']) => async (message: string, ...rest: unknown[]) => {
    shown.push({ kind, message, actions: rest.filter((a): a is string => typeof a === 'string') });
    return undefined;
  };
  window.showInformationMessage = record('info');
  window.showWarningMessage = record('warning');
  window.showErrorMessage = record('error');
  window.withProgress = (options: vscode.ProgressOptions, task: (p: vscode.Progress<{ message?: string }>, t: vscode.CancellationToken) => Thenable<unknown>) => {
    shown.push({ kind: 'progress', message: options.title ?? '', actions: [] });
    const token = new vscode.CancellationTokenSource().token;
    return task({ report: (p) => p.message && shown.push({ kind: 'progress', message: p.message, actions: [] }) }, token);
  };
  return { shown, restore: () => Object.assign(window, original) };
}

/** VS Code renders `[label](target)` in notifications as a link (vs/base/common/linkedText). */
export function rendersLink(message: string): boolean {
  return /\[[^\]]+\]\(((https?:\/\/|command:|file:)[^)\s]+)( (["']).+?\4)?\)/i.test(message);
}
