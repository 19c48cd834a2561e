// The "VEO" log output channel. Everything written is redacted of the API key first.
import * as vscode from 'vscode';
import { Disposable } from '../util/disposable';
import { logLine } from './logLine';

export class Logger extends Disposable {
  private readonly channel = this._register(vscode.window.createOutputChannel('VEO', { log: true }));

  constructor(private readonly secrets: () => readonly (string | undefined)[]) {
    super();
  }

  info(message: string): void {
    this.channel.info(this.clean(message));
  }

  warn(message: string): void {
    this.channel.warn(this.clean(message));
  }

  error(message: string): void {
    this.channel.error(this.clean(message));
  }

  show(): void {
    this.channel.show(true);
  }

  private clean(message: string): string {
    return logLine(message, this.secrets());
  }
}
