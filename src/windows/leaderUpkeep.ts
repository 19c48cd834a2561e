// Store upkeep that one window does for the profile: the leader folds the journal into a new
// snapshot when it grew (`compactIfNeeded`), and keeps the history within
// `veo.history.maxTasks`. No `vscode`.
import type { Settings } from '../config/settings';
import type { TaskStore } from '../store/taskStore';
import { Disposable, IDisposable, toDisposable } from '../util/disposable';

export interface UpkeepLeadership {
  readonly isLeader: boolean;
  onDidChangeLeadership(listener: (leader: boolean) => void): IDisposable;
}

export interface UpkeepOptions {
  store: TaskStore;
  leadership: UpkeepLeadership;
  settings: () => Settings;
  onDidChangeSettings(listener: () => void): IDisposable;
  /** Folds the journal when it outgrew the snapshot (the persistence's `compactIfNeeded`). */
  compact: () => Promise<boolean>;
  log: (message: string) => void;
  /** How long to wait after a change before looking (default 2 s). */
  delayMs?: number;
}

export class LeaderUpkeep extends Disposable {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly options: UpkeepOptions) {
    super();
    this._register(toDisposable(() => clearTimeout(this.timer)));
    this._register(options.leadership.onDidChangeLeadership((leader) => leader && this.soon()));
    this._register(options.onDidChangeSettings(() => this.soon()));
    this._register(options.store.onDidChange(() => this.soon()));
    if (options.leadership.isLeader) this.soon();
  }

  /** Runs the upkeep now (the leader only); resolves when done. */
  run(): Promise<void> {
    this.running ??= this.runOnce().finally(() => (this.running = undefined));
    return this.running;
  }

  private soon(): void {
    if (this.timer || this.isDisposed || !this.options.leadership.isLeader) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run();
    }, this.options.delayMs ?? 2_000);
  }

  private async runOnce(): Promise<void> {
    if (!this.options.leadership.isLeader || this.isDisposed) return;
    const { store } = this.options;
    await store.ready;
    const settings = this.options.settings();
    if (settings.historyWhenFull === 'forgetOldestFinished' && store.size > settings.historyLimit) {
      const forgotten = store.trim(settings.historyLimit);
      if (forgotten.length > 0) this.options.log(`History: forgot the ${forgotten.length} oldest finished task(s) beyond veo.history.maxTasks (${settings.historyLimit}).`);
    }
    try {
      if (await this.options.compact()) this.options.log('Task store: the journal was folded into a new snapshot.');
    } catch (e) {
      this.options.log(`Task store: compaction failed (the journal keeps every change): ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
