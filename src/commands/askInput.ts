import * as vscode from 'vscode';
import { plainText } from '../util/plainText';

/**
 * The text a command was given (tests only: `trusted`) or what the user types. An argument
 * from anywhere else (a command link, another extension) only pre-fills the box, so the user
 * sees and confirms it. Validation messages are plain text: VS Code renders `[x](command:...)`
 * in them as a link, and they may quote what was pasted.
 */
export async function givenOrAsk(given: unknown, trusted: boolean, options: vscode.InputBoxOptions): Promise<string | undefined> {
  if (trusted && typeof given === 'string') return given;
  const validate = options.validateInput;
  return vscode.window.showInputBox({
    ...options,
    ...(typeof given === 'string' && !options.password ? { value: given.slice(0, 10_000) } : {}),
    validateInput: validate
      ? async (value) => {
          const message = await validate(value);
          if (typeof message === 'string') return plainText(message);
          return message ? { ...message, message: plainText(message.message) } : message;
        }
      : undefined,
  });
}
