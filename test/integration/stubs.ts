// Test-only observation of what the extension asks VS Code to do where doing it would leave
// the test (a browser, a dialog, the OS file manager). The extension and the tests share
// one `vscode` API object, so a stub here is what the extension calls.
import * as vscode from 'vscode';

export type Writable<T, K extends keyof T> = { -readonly [P in K]: T[P] };

/** Records what `vscode.env.openExternal` is asked to open (opening nothing) until `restore()`. */
export function stubOpenExternal(): { opened: unknown[]; restore(): void } {
  const env = vscode.env as Writable<typeof vscode.env, 'openExternal'>;
  const original = env.openExternal;
  const opened: unknown[] = [];
  env.openExternal = async (target) => {
    opened.push(target);
    return true;
  };
  return { opened, restore: () => (env.openExternal = original) };
}

/** Answers the save dialog with `file` (cancels when none), recording each time it is asked, until `restore()`. */
export function stubSaveDialog(file?: string): { asked: vscode.SaveDialogOptions[]; restore(): void } {
  const window = vscode.window as Writable<typeof vscode.window, 'showSaveDialog'>;
  const original = window.showSaveDialog;
  const asked: vscode.SaveDialogOptions[] = [];
  window.showSaveDialog = async (options) => {
    asked.push(options ?? {});
    return file === undefined ? undefined : vscode.Uri.file(file);
  };
  return { asked, restore: () => (window.showSaveDialog = original) };
}

/**
 * Registers command `id` in the extension host, where `executeCommand` looks first, so the
 * extension's calls land here (recorded, doing nothing) until `dispose()`. For commands whose
 * effect is outside the workbench, e.g. `revealFileInOS` (which the web workbench lacks).
 */
export function interceptCommand(id: string): { calls: unknown[][]; dispose(): void } {
  const calls: unknown[][] = [];
  const registration = vscode.commands.registerCommand(id, (...args: unknown[]) => void calls.push(args));
  return { calls, dispose: () => registration.dispose() };
}

/** Answers the open dialog with `file` (cancels when none), recording each time it is asked, until `restore()`. */
export function stubOpenDialog(file?: string): { asked: vscode.OpenDialogOptions[]; restore(): void } {
  const window = vscode.window as Writable<typeof vscode.window, 'showOpenDialog'>;
  const original = window.showOpenDialog;
  const asked: vscode.OpenDialogOptions[] = [];
  window.showOpenDialog = async (options) => {
    asked.push(options ?? {});
    return file === undefined ? undefined : [vscode.Uri.file(file)];
  };
  return { asked, restore: () => (window.showOpenDialog = original) };
}

/** Answers every warning (modal or not) with `answer` (undefined: Cancel), recording message and options, until `restore()`. */
export function stubWarning(answer?: string): { asked: { message: string; options: unknown }[]; restore(): void } {
  const window = vscode.window as unknown as Record<'showWarningMessage', unknown>;
  const original = window.showWarningMessage;
  const asked: { message: string; options: unknown }[] = [];
  window.showWarningMessage = async (message: string, options?: unknown) => {
    asked.push({ message, options });
    return answer;
  };
  return { asked, restore: () => (window.showWarningMessage = original) };
}
