// Timers that fire only when a test says so, for the windows mutation tests: installed over the
// global setTimeout/clearTimeout (mocha keeps its own references), with a clock to match, so a
// test can read which timers are pending, for how long, and fire them in order. No real waiting.

interface Pending {
  at: number;
  seq: number;
  ms: number;
  fire: () => void;
}

const realSetTimeout = globalThis.setTimeout;
const realClearTimeout = globalThis.clearTimeout;
const realSetImmediate = globalThis.setImmediate;

export class ManualTimers {
  now: number;
  private pending: Pending[] = [];
  private seq = 0;
  private installed = false;

  constructor(start = 1_700_000_000_000) {
    this.now = start;
  }

  install(): this {
    const setTimer = (fire: () => void, ms?: number): Pending => {
      const delay = Math.max(0, ms ?? 0);
      const timer = { at: this.now + delay, seq: this.seq++, ms: delay, fire };
      this.pending.push(timer);
      return timer;
    };
    const clearTimer = (timer: unknown): void => {
      const i = this.pending.indexOf(timer as Pending);
      if (i >= 0) this.pending.splice(i, 1);
      else if (timer !== undefined) realClearTimeout(timer as NodeJS.Timeout);
    };
    globalThis.setTimeout = setTimer as unknown as typeof setTimeout;
    globalThis.clearTimeout = clearTimer as typeof clearTimeout;
    this.installed = true;
    return this;
  }

  uninstall(): void {
    if (!this.installed) return;
    globalThis.setTimeout = realSetTimeout;
    globalThis.clearTimeout = realClearTimeout;
    this.installed = false;
  }

  /** The delays (ms) of the pending timers, the next due first. */
  get delays(): number[] {
    return this.sorted().map((t) => t.ms);
  }

  /** When (on this clock) the pending timers are due, the next first. */
  get dueTimes(): number[] {
    return this.sorted().map((t) => t.at);
  }

  /** Lets promise chains and I/O callbacks run (a few turns of the event loop; no time passes). */
  async settle(): Promise<void> {
    for (let i = 0; i < 10; i++) await new Promise<void>((resolve) => realSetImmediate(resolve));
  }

  /** Fires the next due timer (the clock moves to its instant), then settles. Returns its delay. */
  async next(): Promise<number> {
    await this.settle();
    const timer = this.sorted()[0];
    if (!timer) throw new Error('no timer pending');
    this.pending.splice(this.pending.indexOf(timer), 1);
    this.now = Math.max(this.now, timer.at);
    timer.fire();
    await this.settle();
    return timer.ms;
  }

  /** Moves the clock `ms` forward, firing the timers due meanwhile in order. */
  async advance(ms: number): Promise<void> {
    const target = this.now + ms;
    await this.settle();
    for (;;) {
      const timer = this.sorted()[0];
      if (!timer || timer.at > target) break;
      await this.next();
    }
    this.now = target;
    await this.settle();
  }

  private sorted(): Pending[] {
    return [...this.pending].sort((a, b) => a.at - b.at || a.seq - b.seq);
  }
}
