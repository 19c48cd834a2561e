// The tracked tasks, in insertion order, persisted on every change. No `vscode` import:
// it takes a Memento-like object, so it is unit-tested in plain Node.
import { isDeepStrictEqual } from 'node:util';
import { Disposable } from '../util/disposable';
import { Emitter } from '../util/emitter';
import { randomUUID } from 'node:crypto';
import { deserializeTasks, serializeTasks, STORE_KEY, storedRev } from './storedShape';
import type { TrackedTask } from './trackedTask';

export interface MementoLike {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

/** Which tasks changed (`undefined`: tasks were added or removed). */
export type StoreChange = { ids: string[] } | { ids: undefined };

export class TaskStore extends Disposable {
  private readonly tasks = new Map<string, TrackedTask>();
  private readonly changed = this._register(new Emitter<StoreChange>());
  /** The write in flight (at most one), and whether a change came after it started. */
  private writing: Promise<void> | undefined;
  private dirty = false;
  /** `rev` of the persisted value this store last read or wrote. */
  private rev: string | undefined;
  readonly onDidChange = this.changed.event;

  constructor(private readonly memento: MementoLike) {
    super();
    this.reload();
  }

  /** Re-reads persisted state. */
  reload(): void {
    const raw = this.memento.get(STORE_KEY);
    this.rev = storedRev(raw);
    this.tasks.clear();
    for (const t of deserializeTasks(raw)) this.tasks.set(t.id, t);
  }

  /**
   * Another window shares globalState and may have written since: read its state before
   * changing anything, so a write from here never drops a task tracked over there. Returns
   * true (and announces a full change) when it re-read.
   */
  catchUp(): boolean {
    if (this.writing || this.dirty) return false;
    if (storedRev(this.memento.get(STORE_KEY)) === this.rev) return false;
    this.reload();
    this.changed.fire({ ids: undefined });
    return true;
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
    this.catchUp();
    const added = [...new Set(ids)].filter((id) => !this.tasks.has(id));
    for (const id of added) this.tasks.set(id, { id, addedAt: now });
    if (added.length) this.commit({ ids: undefined });
    return added;
  }

  remove(ids: string[]): string[] {
    this.catchUp();
    const removed = ids.filter((id) => this.tasks.delete(id));
    if (removed.length) this.commit({ ids: undefined });
    return removed;
  }

  /** Applies `patch` to task `id`; fields set to undefined are removed. A patch that changes nothing is not written or announced. */
  update(id: string, patch: Partial<Omit<TrackedTask, 'id'>>): TrackedTask | undefined {
    this.catchUp();
    const current = this.tasks.get(id);
    if (!current) return undefined;
    const next: TrackedTask = { ...current, ...patch };
    for (const key of Object.keys(next) as (keyof TrackedTask)[]) if (next[key] === undefined) delete next[key];
    if (isDeepStrictEqual(next, current)) return current;
    this.tasks.set(id, next);
    this.commit({ ids: [id] });
    return next;
  }

  /** Resolves when every change so far is written. */
  flush(): Promise<void> {
    return this.writing ?? Promise.resolve();
  }

  /**
   * Every change is written at once, but at most one write is in flight: changes that
   * come during a write are folded into one more write of the latest state. (Each
   * globalState write copies every task, so a queue of one write per change falls behind.)
   */
  private commit(change: StoreChange): void {
    this.dirty = true;
    this.writing ??= this.writeLatest();
    this.changed.fire(change);
  }

  private async writeLatest(): Promise<void> {
    try {
      while (this.dirty) {
        this.dirty = false;
        const rev = randomUUID();
        await Promise.resolve(this.memento.update(STORE_KEY, serializeTasks(this.tasks.values(), rev))).then(
          () => (this.rev = rev),
          () => undefined,
        );
      }
    } finally {
      this.writing = undefined;
    }
  }
}
