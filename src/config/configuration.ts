// The one reader of the `veo.*` settings: `current` always holds the latest values, and
// `onDidChange` tells each part of the extension which settings changed. The only
// `onDidChangeConfiguration` listener of the extension.
import * as vscode from 'vscode';
import { Disposable } from '../util/disposable';
import { changedSettings, effectiveValue, parseSettings, Settings } from './settings';

export interface SettingsChange {
  previous: Settings;
  current: Settings;
  /** The settings whose value changed. */
  changed: ReadonlySet<keyof Settings>;
}

export class Configuration extends Disposable {
  private value: Settings;
  private readonly changed = this._register(new vscode.EventEmitter<SettingsChange>());
  /** Fires once per change of any `veo.*` setting whose effective value moved. */
  readonly onDidChange = this.changed.event;

  constructor() {
    super();
    this.value = Configuration.read();
    this._register(vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('veo') && this.reread()));
    // Trusting the workspace lets its own values of restricted settings apply.
    this._register(vscode.workspace.onDidGrantWorkspaceTrust(() => this.reread()));
  }

  private reread(): void {
    const previous = this.value;
    const current = Configuration.read();
    const changed = changedSettings(previous, current);
    if (changed.size === 0) return;
    this.value = current;
    this.changed.fire({ previous, current, changed });
  }

  get current(): Settings {
    return this.value;
  }

  private static read(): Settings {
    const c = vscode.workspace.getConfiguration('veo');
    const trusted = vscode.workspace.isTrusted;
    return parseSettings((key) => effectiveValue(key, c.inspect(key), trusted));
  }
}
