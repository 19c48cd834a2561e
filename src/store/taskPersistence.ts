// Where a TaskStore keeps its tasks: the journal on disk (production, `taskJournal.ts`) or
// memory (unit tests, and the fallback when the disk cannot be written). Pure.
import type { IDisposable } from '../util/disposable';
import { Emitter } from '../util/emitter';
import type { JournalRecord } from './journalFormat';
import type { TrackedTask } from './trackedTask';

/** What another window (or process) changed: records to apply in order, or the whole list again. */
export type ElsewhereChange = { records: JournalRecord[] } | { tasks: TrackedTask[] };

export interface TaskPersistence extends IDisposable {
  /** Every stored task, in order. Changes made elsewhere are announced only after it resolved. */
  load(): Promise<TrackedTask[]>;
  /** Stores the records (in order); resolves once they are written. */
  append(records: readonly JournalRecord[]): Promise<void>;
  readonly onDidChangeElsewhere: (listener: (change: ElsewhereChange) => void) => IDisposable;
  /** Looks for changes made elsewhere now instead of at the next interval (optional). */
  poll?(): void;
  /** Folds what was appended into a new snapshot when it outgrew it; true when it did (optional). */
  compactIfNeeded?(): Promise<boolean>;
}

/** Keeps the tasks in this process only. */
export class MemoryPersistence implements TaskPersistence {
  readonly records: JournalRecord[] = [];
  /** How many `append` calls there were. */
  appends = 0;
  inFlight = 0;
  maxInFlight = 0;
  /** Makes the next append fail (once). */
  failNext = false;
  private readonly elsewhere = new Emitter<ElsewhereChange>();
  readonly onDidChangeElsewhere = this.elsewhere.event;

  constructor(
    private readonly tasks: readonly TrackedTask[] = [],
    private readonly delayMs = 0,
  ) {}

  load(): Promise<TrackedTask[]> {
    return Promise.resolve(this.tasks.map((t) => structuredClone(t)));
  }

  append(records: readonly JournalRecord[]): Promise<void> {
    this.appends++;
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    const copy = structuredClone(records);
    const fail = this.failNext;
    this.failNext = false;
    return new Promise((resolve, reject) => {
      setTimeout(() => {
        this.inFlight--;
        if (fail) return reject(new Error('disk full'));
        this.records.push(...copy);
        resolve();
      }, this.delayMs);
    });
  }

  /** Announces a change as if another window had made it (tests). */
  changeElsewhere(change: ElsewhereChange): void {
    this.elsewhere.fire(change);
  }

  dispose(): void {
    this.elsewhere.dispose();
  }
}
