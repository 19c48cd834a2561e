// The tracked tasks, in insertion order. Each change is one small record handed to a
// `TaskPersistence` (the journal on disk, shared by every window of the profile); changes other
// windows made arrive as records too and are merged per task. No `vscode` import.
import { isDeepStrictEqual } from 'node:util';
import { Disposable } from '../util/disposable';
import { Emitter, reportListenerError } from '../util/emitter';
import { applyRecord, diffRecord, JournalRecord } from './journalFormat';
import { storedTask } from './storedShape';
import { planMerge } from './taskExport';
import type { ElsewhereChange, TaskPersistence } from './taskPersistence';
import { isFinished, TrackedTask } from './trackedTask';

export interface MementoLike {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

/** Which tasks changed (`undefined`: tasks were added or removed, or everything was read again). */
export type StoreChange = { ids: string[] } | { ids: undefined };

export class TaskStore extends Disposable {
  private tasks = new Map<string, TrackedTask>();
  private readonly changed = this._register(new Emitter<StoreChange>());
  readonly onDidChange = this.changed.event;
  /** Resolves once the stored tasks are loaded (before that the store holds only changes made here). */
  readonly ready: Promise<void>;
  private loaded = false;
  /** Records not handed to the persistence yet, and those being written. */
  private queued: JournalRecord[] = [];
  private inFlight: JournalRecord[] = [];
  /** The write loop (at most one `append` at a time). */
  private writing: Promise<void> | undefined;

  constructor(
    readonly persistence: TaskPersistence,
    private readonly onError: (error: unknown) => void = reportListenerError,
  ) {
    super();
    this._register(persistence);
    this._register(persistence.onDidChangeElsewhere((change) => this.mergeElsewhere(change)));
    this.ready = this.load();
  }

  private async load(): Promise<void> {
    let stored: TrackedTask[] = [];
    try {
      stored = await this.persistence.load();
    } catch (e) {
      this.onError(e);
    }
    if (this.isDisposed) return;
    this.replaceAll(stored);
    this.loaded = true;
    this.changed.fire({ ids: undefined });
    if (this.queued.length) this.writing ??= this.writeQueued();
  }

  /** Reads the stored tasks again (changes made here that are not written yet are kept). */
  async reload(): Promise<void> {
    await this.ready;
    const stored = await this.persistence.load();
    if (this.isDisposed) return;
    this.replaceAll(stored);
    this.changed.fire({ ids: undefined });
  }

  /** Asks the persistence to look for other windows' changes now (they arrive as events). Returns false: nothing is re-read synchronously. */
  catchUp(): boolean {
    if (this.loaded) this.persistence.poll?.();
    return false;
  }

  all(): TrackedTask[] {
    return [...this.tasks.values()];
  }

  get(id: string): TrackedTask | undefined {
    return this.tasks.get(id);
  }

  has(id: string): boolean {
    return this.tasks.has(id);
  }

  get size(): number {
    return this.tasks.size;
  }

  /** Adds tasks not tracked yet; returns the ids added. */
  add(ids: string[], now: number): string[] {
    const added = [...new Set(ids)].filter((id) => !this.tasks.has(id));
    for (const id of added) this.tasks.set(id, { id, addedAt: now });
    if (added.length) this.commit(added.map((id) => ({ id, add: now })), { ids: undefined });
    return added;
  }

  remove(ids: string[]): string[] {
    const removed = [...new Set(ids)].filter((id) => this.tasks.delete(id));
    if (removed.length) this.commit(removed.map((id) => ({ id, del: 1 as const })), { ids: undefined });
    return removed;
  }

  /** Applies `patch` to task `id`; fields set to undefined are removed. A patch that changes nothing is not written or announced. */
  update(id: string, patch: Partial<Omit<TrackedTask, 'id'>>): TrackedTask | undefined {
    const current = this.tasks.get(id);
    if (!current) return undefined;
    const merged: TrackedTask = { ...current, ...patch, id };
    for (const key of Object.keys(merged) as (keyof TrackedTask)[]) if (merged[key] === undefined) delete merged[key];
    // Held exactly as it is stored and read back (the same validation, plain objects): a value
    // from the network (another prototype, an uncapped field) would otherwise differ from the
    // same value read back from the journal, and every poll would write it again.
    const next = storedTask(merged) ?? merged;
    const record = diffRecord(current, next);
    if (!record) return current;
    this.tasks.set(id, next);
    this.commit([record], { ids: [id] });
    return next;
  }

  /**
   * Merges tasks read from an export (see `planMerge`) in one change: new ids are added whole,
   * tracked ones only get fields they lack. Returns the ids added and updated, and how many were tracked already.
   */
  importTasks(tasks: readonly TrackedTask[], now: number): { added: string[]; updated: string[]; existing: number } {
    const plan = planMerge((id) => this.tasks.get(id), tasks, now);
    const records: JournalRecord[] = [];
    for (const task of plan.added) {
      const next = storedTask(task) ?? task;
      records.push({ id: task.id, add: next.addedAt });
      const rest = diffRecord({ id: task.id, addedAt: next.addedAt }, next);
      if (rest) records.push(rest);
      this.tasks.set(task.id, next);
    }
    const updated: string[] = [];
    for (const task of plan.updated) {
      const current = this.tasks.get(task.id);
      const next = storedTask(task) ?? task;
      const record = current && diffRecord(current, next);
      if (!record) continue;
      records.push(record);
      this.tasks.set(task.id, next);
      updated.push(task.id);
    }
    if (records.length) this.commit(records, { ids: undefined });
    return { added: plan.added.map((t) => t.id), updated, existing: plan.existing };
  }

  /**
   * Keeps at most `max` tasks: removes the oldest finished ones (by when they finished, else
   * when they were tracked) beyond it. Unfinished tasks are never removed. Returns the ids removed.
   */
  trim(max: number): string[] {
    const excess = this.tasks.size - Math.max(0, Math.floor(max));
    if (!(excess > 0)) return [];
    const finished = this.all()
      .filter(isFinished)
      .sort((a, b) => (a.completedAt ?? a.addedAt) - (b.completedAt ?? b.addedAt));
    return this.remove(finished.slice(0, excess).map((t) => t.id));
  }

  /** Resolves when the tasks are loaded and every change so far is written (or failed to be). */
  async flush(): Promise<void> {
    await this.ready;
    while (this.writing) await this.writing;
  }

  private commit(records: JournalRecord[], change: StoreChange): void {
    this.queued.push(...records);
    if (this.loaded) this.writing ??= this.writeQueued();
    this.changed.fire(change);
  }

  /**
   * One append at a time; records queued meanwhile go into the next one. A failed append is
   * reported and its records are tried again with the next change.
   */
  private async writeQueued(): Promise<void> {
    try {
      while (this.queued.length && !this.isDisposed) {
        this.inFlight = this.queued;
        this.queued = [];
        try {
          await this.persistence.append(this.inFlight);
        } catch (e) {
          this.onError(e);
          this.queued = [...this.inFlight, ...this.queued];
          this.inFlight = [];
          return;
        }
        this.inFlight = [];
      }
    } finally {
      this.writing = undefined;
    }
  }

  /** Replaces the tasks with `stored`, then applies this window's changes not written yet. */
  private replaceAll(stored: TrackedTask[]): void {
    this.tasks = new Map(stored.map((t) => [t.id, t]));
    for (const r of [...this.inFlight, ...this.queued]) applyRecord(this.tasks, r);
  }

  /**
   * Another window's records, merged per task: applied in the order they were written, then
   * this window's unwritten changes again on top (they will be written after them).
   */
  private mergeElsewhere(change: ElsewhereChange): void {
    if (!this.loaded || this.isDisposed) return;
    if ('tasks' in change) {
      this.replaceAll(change.tasks);
      this.changed.fire({ ids: undefined });
      return;
    }
    const before = new Map<string, TrackedTask | undefined>();
    const apply = (r: JournalRecord): void => {
      if (!before.has(r.id)) before.set(r.id, this.tasks.get(r.id));
      applyRecord(this.tasks, r);
    };
    change.records.forEach(apply);
    [...this.inFlight, ...this.queued].forEach(apply);
    const ids: string[] = [];
    let membership = false;
    for (const [id, was] of before) {
      const now = this.tasks.get(id);
      if ((was === undefined) !== (now === undefined)) membership = true;
      else if (!isDeepStrictEqual(was, now)) ids.push(id);
    }
    if (membership) this.changed.fire({ ids: undefined });
    else if (ids.length) this.changed.fire({ ids });
  }
}
