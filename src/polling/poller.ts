// Decides when each unfinished task is queried. Pure scheduling: no `vscode`, no HTTP
// of its own (it calls `query`), time from an injected `Clock`.
//
// - One timer at most, armed for the next due task; none at all when nothing is due.
// - Each task is due one interval after its previous request started, so every
//   unfinished task gets exactly one request per interval.
// - At most `concurrency` requests in flight, starts spread by a small gap.
// - 429 blocks every request until Retry-After (or a growing backoff) has passed, never
//   less than one interval nor more than an hour (see `rateLimit.ts`).
// - Errors back off per task, exponentially with jitter, capped.
// - Completed and failed stop polling that task; a 404 does only once it repeated
//   (see `notFound.ts`); 401/403 suspends all polling until `resume()`.
// - A `query` or `onOutcome` that throws or rejects never stops the poller.
import { isQueryOutcome, NotFoundStreak, QueryOutcome } from '../api/queryOutcome';
import { backoffDelay } from './backoff';
import type { Clock, TimerHandle } from './clock';
import { afterNotFound } from './notFound';
import { rateLimitWait } from './rateLimit';
import { t } from '../util/l10n';

export interface PollerOptions {
  clock: Clock;
  query(id: string, signal: AbortSignal): Promise<QueryOutcome>;
  /**
   * Called after every request; `nextPollAt` is when this task will be asked again
   * (undefined: never). A 404 comes with its `streak` and whether it is `final`.
   * A throw or a rejected promise goes to `onListenerError`; polling goes on.
   */
  onOutcome(id: string, outcome: QueryOutcome, nextPollAt: number | undefined): void;
  /** What `onOutcome` threw (or rejected with). */
  onListenerError?(id: string, error: unknown): void;
  intervalMs: number;
  concurrency?: number;
  /** Largest gap between two request starts; shrinks when many tasks share an interval. */
  maxSpacingMs?: number;
  random?: () => number;
}

interface Entry {
  dueAt: number;
  /** Consecutive errors (5xx, network, bad bodies). */
  attempt: number;
  /** Consecutive 404s, while not final. */
  notFound?: NotFoundStreak;
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

  /**
   * Starts polling `id` (at once) unless already polled. `notFound`: the 404s it already
   * had (kept with the task), so a reload does not start the count again.
   */
  track(id: string, notFound?: NotFoundStreak): void {
    if (this.disposed || this.entries.has(id)) return;
    this.entries.set(id, { dueAt: this.clock.now(), attempt: 0, ...(notFound ? { notFound: { ...notFound } } : {}) });
    this.schedule();
  }

  /** Forgets the 404s `id` had (e.g. they came from another base URL); asks it at once if it had any. */
  forgetNotFound(id: string): void {
    const entry = this.entries.get(id);
    if (!entry?.notFound) return;
    entry.notFound = undefined;
    if (!entry.inFlight) entry.dueAt = this.clock.now();
    this.schedule();
  }

  untrack(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    entry.inFlight?.abort();
    this.remove(id);
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
    for (const entry of this.entries.values()) if (entry.attempt === 0 && !entry.notFound) entry.dueAt += delta;
    this.schedule();
  }

  /** No request starts before `at` (a Retry-After another window's poller was given). */
  blockUntil(at: number): void {
    if (at <= this.blockedUntil) return;
    this.blockedUntil = at;
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

  /** Stops following a task; once none is left the poller is idle and the peak starts again. */
  private remove(id: string): void {
    this.entries.delete(id);
    if (this.entries.size === 0) this.peakSize = 0;
  }

  private spacing(): number {
    this.peakSize = Math.max(this.peakSize, this.entries.size);
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
    void this.ask(id, controller.signal).then((outcome) => this.finish(id, entry, controller, outcome, startedAt));
  }

  /** What `query` answered; a throw, a rejection or something that is no outcome is an error outcome. */
  private async ask(id: string, signal: AbortSignal): Promise<QueryOutcome> {
    try {
      const outcome = await this.options.query(id, signal);
      return isQueryOutcome(outcome) ? outcome : { kind: 'error', message: t('the query gave no usable answer') };
    } catch (e) {
      return { kind: 'error', message: String(e) };
    }
  }

  private finish(id: string, entry: Entry, controller: AbortController, outcome: QueryOutcome, startedAt: number): void {
    this.running--;
    entry.inFlight = undefined;
    try {
      if (this.entries.get(id) === entry && !controller.signal.aborted) {
        const after = this.afterOutcome(id, entry, outcome, startedAt);
        this.notify(id, after.outcome, after.next);
      }
    } finally {
      if (this.running === 0) this.idleWaiters.splice(0).forEach((resolve) => resolve());
      this.schedule();
    }
  }

  /** Calls `onOutcome`; what it throws or rejects with goes to `onListenerError`, nowhere else. */
  private notify(id: string, outcome: QueryOutcome, next: number | undefined): void {
    const failed = (e: unknown) => {
      try {
        this.options.onListenerError?.(id, e);
      } catch {
        // A failing error listener changes nothing either.
      }
    };
    try {
      const returned: unknown = this.options.onOutcome(id, outcome, next);
      if (returned instanceof Promise) returned.catch(failed);
    } catch (e) {
      failed(e);
    }
  }

  /** Updates the schedule after a request; returns the outcome to report and when this task is asked next. */
  private afterOutcome(id: string, entry: Entry, outcome: QueryOutcome, startedAt: number): { outcome: QueryOutcome; next: number | undefined } {
    const now = this.clock.now();
    switch (outcome.kind) {
      case 'ok':
        this.rateLimitAttempt = 0;
        entry.attempt = 0;
        entry.notFound = undefined;
        if (TERMINAL.has(outcome.result.status)) {
          this.remove(id);
          return { outcome, next: undefined };
        }
        entry.dueAt = startedAt + this.intervalMs;
        return { outcome, next: entry.dueAt };
      case 'notFound': {
        const verdict = afterNotFound(entry.notFound, startedAt);
        const reported: QueryOutcome = { kind: 'notFound', streak: verdict.streak, final: verdict.final };
        if (verdict.final) {
          this.remove(id);
          return { outcome: reported, next: undefined };
        }
        entry.notFound = verdict.streak;
        entry.dueAt = verdict.retryAt;
        return { outcome: reported, next: entry.dueAt };
      }
      case 'unauthorized':
        entry.dueAt = now;
        this.suspend();
        return { outcome, next: undefined };
      case 'rateLimited': {
        const wait = rateLimitWait(outcome.retryAfterMs, ++this.rateLimitAttempt, this.intervalMs, this.random);
        this.blockedUntil = Math.max(this.blockedUntil, now + wait);
        entry.dueAt = this.blockedUntil;
        return { outcome, next: entry.dueAt };
      }
      case 'error':
        entry.attempt++;
        entry.dueAt = now + backoffDelay(entry.attempt, this.intervalMs, this.random);
        return { outcome, next: entry.dueAt };
    }
  }
}
