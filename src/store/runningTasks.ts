// How many tracked tasks are still running: counted once per store change, followed by
// the view's badge and the status bar. Pure.
import { Disposable } from '../util/disposable';
import { Emitter } from '../util/emitter';
import type { TaskStore } from './taskStore';
import { isFinished } from './trackedTask';

export class RunningTasks extends Disposable {
  private count: number;
  private readonly changed = this._register(new Emitter<number>());
  /** Fires with the new count when it changes. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly store: TaskStore) {
    super();
    this.count = this.countNow();
    this._register(store.onDidChange(() => this.recount()));
  }

  get current(): number {
    return this.count;
  }

  private recount(): void {
    const count = this.countNow();
    if (count === this.count) return;
    this.count = count;
    this.changed.fire(count);
  }

  private countNow(): number {
    let n = 0;
    for (const task of this.store.all()) if (!isFinished(task)) n++;
    return n;
  }
}
