// Builds the extension's TaskStore: the journal in the profile's global storage folder, the
// old globalState list migrated into it once, and memory as the fallback when that folder
// cannot be used. Pure (no `vscode`): it takes the folder path and a Memento-like object.
import { Emitter } from '../util/emitter';
import type { JournalRecord } from './journalFormat';
import { deserializeTasks, STORE_KEY } from './storedShape';
import { TaskJournal, type JournalOptions } from './taskJournal';
import type { ElsewhereChange, TaskPersistence } from './taskPersistence';
import { MementoLike, TaskStore } from './taskStore';
import type { TrackedTask } from './trackedTask';

/** Set in globalState once the old list (`veo.trackedTasks`) is in the journal; from then on it is never read. */
export const MIGRATED_KEY = 'veo.tasks.migratedTo';
export const MIGRATED_VERSION = 2;

export interface StoreLog {
  info(message: string): void;
  error(message: string): void;
}

/**
 * The journal, falling back to memory when it cannot be loaded (a read-only disk, a planted
 * link): then this window keeps its tasks in memory only and the error is logged. The old
 * globalState list is never changed.
 */
export class ProfilePersistence implements TaskPersistence {
  readonly journal: TaskJournal;
  private memoryOnly = false;
  private readonly elsewhere = new Emitter<ElsewhereChange>();
  readonly onDidChangeElsewhere = this.elsewhere.event;

  constructor(
    readonly dir: string,
    private readonly globalState: MementoLike,
    private readonly log: StoreLog,
    options: JournalOptions = {},
  ) {
    this.journal = new TaskJournal(dir, { ...options, initialTasks: () => this.oldList() ?? [] });
    this.journal.onDidChangeElsewhere((c) => this.elsewhere.fire(c));
  }

  get inMemoryOnly(): boolean {
    return this.memoryOnly;
  }

  async load(): Promise<TrackedTask[]> {
    try {
      const tasks = await this.journal.load();
      if (!this.migrated()) {
        await this.globalState.update(MIGRATED_KEY, MIGRATED_VERSION);
        this.log.info(`tasks: moved to ${this.dir} (the old list stays in globalState, unread)`);
      }
      return tasks;
    } catch (e) {
      this.memoryOnly = true;
      this.journal.dispose();
      this.log.error(
        `tasks: cannot use ${this.dir} (${e instanceof Error ? e.message : String(e)}): this window keeps its tasks in memory only; changes made here are lost when it closes`,
      );
      return this.oldList() ?? [];
    }
  }

  append(records: readonly JournalRecord[]): Promise<void> {
    return this.memoryOnly ? Promise.resolve() : this.journal.append(records);
  }

  poll(): void {
    if (!this.memoryOnly) this.journal.poll().catch((e: unknown) => this.log.error(`tasks: reading other windows' changes failed: ${String(e)}`));
  }

  /** Folds the journal into a new snapshot when it has outgrown it (call it from one window: the polling leader). */
  async compactIfNeeded(): Promise<boolean> {
    return !this.memoryOnly && this.journal.needsCompaction && this.journal.compact();
  }

  dispose(): void {
    this.journal.dispose();
    this.elsewhere.dispose();
  }

  private migrated(): boolean {
    return this.globalState.get(MIGRATED_KEY) === MIGRATED_VERSION;
  }

  /** The version 1 list, unless it was migrated already (then it is never read again). */
  private oldList(): TrackedTask[] | undefined {
    return this.migrated() ? undefined : deserializeTasks(this.globalState.get(STORE_KEY));
  }
}

/** The TaskStore of the extension: tasks in `dir` (context.globalStorageUri), migrated from `globalState`. */
export function openTaskStore(dir: string, globalState: MementoLike, log: StoreLog): TaskStore {
  return new TaskStore(new ProfilePersistence(dir, globalState, log), (e) => log.error(`tasks: ${e instanceof Error ? e.message : String(e)}`));
}
