import * as vscode from 'vscode';

/** The text a command was given (automation, tests) or, when none, what the user types. */
export async function givenOrAsk(given: unknown, options: vscode.InputBoxOptions): Promise<string | undefined> {
  return typeof given === 'string' ? given : vscode.window.showInputBox(options);
}
