// A tool answer as VS Code's tool result: plain text parts only (never markup a chat could render as a link).
import * as vscode from 'vscode';
import { answerParts, type ToolAnswer } from './toolResults';

export function toolResult(answer: ToolAnswer): vscode.LanguageModelToolResult {
  return new vscode.LanguageModelToolResult(answerParts(answer).map((text) => new vscode.LanguageModelTextPart(text)));
}
