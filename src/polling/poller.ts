// Decides when each unfinished task is queried. Pure scheduling: no `vscode`, no HTTP
// of its own (it calls `query`), time from an injected `Clock`.
//
// - One timer at most, armed for the next due task; none at all when nothing is due.
// - Each task is due one interval after its previous request started, so every
//   unfinished task gets exactly one request per interval.
// - At most `concurrency` requests in flight, starts spread by a small gap.
// - 429 blocks every request until Retry-After (or a growing backoff) has passed.
// - Errors back off per task, exponentially with jitter, capped.
// - Terminal states (completed, failed, not found) stop polling that task;
//   401/403 suspends all polling until `resume()`.
import type { QueryOutcome } from '../api/queryOutcome';
import { backoffDelay } from './backoff';
import type { Clock, TimerHandle } from './clock';

export interface PollerOptions {
  clock: Clock;
  query(id: string, signal: AbortSignal): Promise<QueryOutcome>;
  /** Called after every request; `nextPollAt` is when this task will be asked again (undefined: never). */
  onOutcome(id: string, outcome: QueryOutcome, nextPollAt: number | undefined): void;
  intervalMs: number;
  concurrency?: number;
  /** Largest gap between two request starts; shrinks when many tasks share an interval. */
  maxSpacingMs?: number;
  random?: () => number;
}

interface Entry {
  dueAt: number;
  attempt: number;
  inFlight?: AbortController;
}

const TERMINAL = new Set(['completed', 'failed']);

export class Poller {
  private readonly entries = new Map<string, Entry>();
  private readonly clock: Clock;
  private readonly concurrency: number;
  private readonly maxSpacingMs: number;
  private readonly random: () => number;
  private intervalMs: number;
  private timer: TimerHandle | undefined;
  private timerAt = Infinity;
  private running = 0;
  private lastStartAt = -Infinity;
  private blockedUntil = 0;
  private rateLimitAttempt = 0;
  private suspended = false;
  private disposed = false;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly options: PollerOptions) {
    this.clock = options.clock;
    this.intervalMs = options.intervalMs;
    this.concurrency = options.concurrency ?? 4;
    this.maxSpacingMs = options.maxSpacingMs ?? 250;
    this.random = options.random ?? Math.random;
  }

  /** Starts polling `id` (at once) unless already polled. */
  track(id: string): void {
    if (this.disposed || this.entries.has(id)) return;
    this.entries.set(id, { dueAt: this.clock.now(), attempt: 0 });
    this.schedule();
  }

  untrack(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    entry.inFlight?.abort();
    this.entries.delete(id);
    this.schedule();
  }

  trackedIds(): string[] {
    return [...this.entries.keys()];
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  /** Polls every tracked task now (still honouring a Retry-After window). */
  pollNow(): void {
    const now = this.clock.now();
    for (const entry of this.entries.values()) if (!entry.inFlight) entry.dueAt = now;
    this.schedule();
  }

  setIntervalMs(ms: number): void {
    if (ms === this.intervalMs) return;
    const delta = ms - this.intervalMs;
    this.intervalMs = ms;
    for (const entry of this.entries.values()) if (entry.attempt === 0) entry.dueAt += delta;
    this.schedule();
  }

  /** Stops all requests (no key, or the key was refused) without forgetting tasks. */
  suspend(): void {
    this.suspended = true;
    for (const entry of this.entries.values()) entry.inFlight?.abort();
    this.cancelTimer();
  }

  /** Resumes after `suspend()`; every task is polled at once. */
  resume(): void {
    if (!this.suspended) return;
    this.suspended = false;
    this.pollNow();
  }

  get isSuspended(): boolean {
    return this.suspended;
  }

  /** True when a timer is armed (false while idle: nothing to poll). */
  get timerArmed(): boolean {
    return this.timer !== undefined;
  }

  get inFlight(): number {
    return this.running;
  }

  /** Resolves when no request is in flight. */
  settled(): Promise<void> {
    if (this.running === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  dispose(): void {
    this.disposed = true;
    this.suspend();
    this.entries.clear();
  }

  /** Most tasks tracked since the poller was last idle: finished tasks leaving must not widen the gap. */
  private peakSize = 0;

  private spacing(): number {
    this.peakSize = this.entries.size === 0 ? 0 : Math.max(this.peakSize, this.entries.size);
    return Math.min(this.maxSpacingMs, this.intervalMs / Math.max(1, 2 * this.peakSize));
  }

  private schedule(): void {
    if (this.disposed || this.suspended) return this.cancelTimer();
    for (;;) {
      if (this.running >= this.concurrency) return this.cancelTimer();
      const next = this.nextDue();
      if (!next) return this.cancelTimer();
      const now = this.clock.now();
      const startAt = Math.max(next[1].dueAt, this.blockedUntil, this.lastStartAt + this.spacing());
      if (startAt > now) return this.armTimer(startAt);
      this.start(next[0], next[1]);
    }
  }

  private nextDue(): [string, Entry] | undefined {
    let best: [string, Entry] | undefined;
    for (const item of this.entries) {
      if (item[1].inFlight) continue;
      if (!best || item[1].dueAt < best[1].dueAt) best = item;
    }
    return best;
  }

  private armTimer(at: number): void {
    if (this.timer && this.timerAt === at) return;
    this.cancelTimer();
    this.timerAt = at;
    this.timer = this.clock.setTimer(() => {
      this.timer = undefined;
      this.timerAt = Infinity;
      this.schedule();
    }, at - this.clock.now());
  }

  private cancelTimer(): void {
    this.timer?.cancel();
    this.timer = undefined;
    this.timerAt = Infinity;
  }

  private start(id: string, entry: Entry): void {
    const startedAt = this.clock.now();
    const controller = new AbortController();
    entry.inFlight = controller;
    this.running++;
    this.lastStartAt = startedAt;
    this.options
      .query(id, controller.signal)
      .catch((e): QueryOutcome => ({ kind: 'error', message: String(e) }))
      .then((outcome) => {
        this.running--;
        if (this.entries.get(id) === entry && !controller.signal.aborted) {
          entry.inFlight = undefined;
          this.options.onOutcome(id, outcome, this.afterOutcome(id, entry, outcome, startedAt));
        } else {
          entry.inFlight = undefined;
        }
        if (this.running === 0) this.idleWaiters.splice(0).forEach((resolve) => resolve());
        this.schedule();
      });
  }

  /** Updates the schedule after a request; returns when this task is asked next. */
  private afterOutcome(id: string, entry: Entry, outcome: QueryOutcome, startedAt: number): number | undefined {
    const now = this.clock.now();
    switch (outcome.kind) {
      case 'ok':
        this.rateLimitAttempt = 0;
        if (TERMINAL.has(outcome.result.status)) {
          this.entries.delete(id);
          return undefined;
        }
        entry.attempt = 0;
        entry.dueAt = startedAt + this.intervalMs;
        return entry.dueAt;
      case 'notFound':
        this.entries.delete(id);
        return undefined;
      case 'unauthorized':
        entry.dueAt = now;
        this.suspend();
        return undefined;
      case 'rateLimited': {
        const wait = outcome.retryAfterMs ?? backoffDelay(++this.rateLimitAttempt, this.intervalMs, this.random);
        this.blockedUntil = Math.max(this.blockedUntil, now + wait);
        entry.dueAt = this.blockedUntil;
        return entry.dueAt;
      }
      case 'error':
        entry.attempt++;
        entry.dueAt = now + backoffDelay(entry.attempt, this.intervalMs, this.random);
        return entry.dueAt;
    }
  }
}
