// Which window of a profile polls: the one holding the lease (`leaseFile.ts`). No `vscode`.
//
// - A window that may lead (`setEligible(true)`: it has a key, its workbench answers) takes a
//   missing or expired lease, then confirms after a short pause that its write is the one
//   that stayed (two windows racing: the last rename wins, the other reads it and stays
//   follower).
// - The leader renews every third of the lease's life; a leader that finds another owner in
//   a live lease steps down at once; one that cannot write steps down too (better no leader
//   for a moment than two).
// - A closed window releases its lease (deletes it) so another takes over at once; a crashed
//   one stops renewing, and another takes over once it expired: within `ttlMs` plus a tick.
// - Refresh from a follower: a request file the leader watches; the leader acknowledges it in
//   the lease (`refreshedAt`). No answer within a tick and a second: the leader is hung, the
//   follower takes the lease and polls itself.
// - A folder that cannot be written (read-only disk): the window polls on its own (logged
//   once), since no window could hold a lease there; it steps down for a live lease of another.
// - The API's Retry-After travels in the lease (`blockedUntil`), so a new leader honours it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Disposable, toDisposable } from '../util/disposable';
import { Emitter } from '../util/emitter';
import { Lease, LEASE_FILE, parseLease, parseRefreshRequest, readSmallFile, REFRESH_FILE, writeJsonAtomically } from './leaseFile';

export interface LeaderLeaseOptions {
  /** The shared folder (created if missing). */
  dir: string;
  /** This window's id (letters, digits, `_`, `-`). */
  windowId: string;
  /** How long a lease holds without renewal. */
  ttlMs: number;
  now?: () => number;
  /** Pause between taking the lease and checking it stayed ours. */
  confirmDelayMs?: number;
  log?: (message: string) => void;
}

/** Refresh requests from other windows are carried out at most this often. */
export const MIN_REFRESH_GAP_MS = 2_000;

export type RefreshRoute = 'here' | 'leader' | 'tookOver' | 'noLeader';

export class LeaderLease extends Disposable {
  private readonly file: string;
  private readonly refreshFile: string;
  private readonly now: () => number;
  private readonly confirmDelayMs: number;
  private readonly log: (message: string) => void;
  private leader = false;
  private eligible = false;
  private started = false;
  private ticking: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private watcher: fs.FSWatcher | undefined;
  private watchDebounce: NodeJS.Timeout | undefined;
  private ttlMs: number;
  private blockedUntil = 0;
  private lastRefreshHandled = 0;
  /** The last write of the lease failed (logged once until one succeeds). */
  private writeFailing = false;
  /** When a Refresh another window asked for was last carried out. */
  private lastRefreshRun = -Infinity;
  private lastRead: Lease | undefined;
  private readonly leadershipChanged = this._register(new Emitter<boolean>());
  private readonly refreshRequested = this._register(new Emitter<void>());
  /** Fires true when this window becomes the leader, false when it stops being one. */
  readonly onDidChangeLeadership = this.leadershipChanged.event;
  /** (Leader only) another window asked for a Refresh. */
  readonly onDidRequestRefresh = this.refreshRequested.event;

  constructor(private readonly options: LeaderLeaseOptions) {
    super();
    this.file = path.join(options.dir, LEASE_FILE);
    this.refreshFile = path.join(options.dir, REFRESH_FILE);
    this.now = options.now ?? Date.now;
    this.ttlMs = options.ttlMs;
    this.confirmDelayMs = options.confirmDelayMs ?? Math.min(200, Math.round(options.ttlMs / 5));
    this.log = options.log ?? (() => undefined);
    this._register(toDisposable(() => this.stop()));
  }

  get isLeader(): boolean {
    return this.leader;
  }

  get windowId(): string {
    return this.options.windowId;
  }

  /** The lease as last read (any owner). */
  get lease(): Lease | undefined {
    return this.lastRead;
  }

  /** Starts taking part: watches the folder and ticks every third of the lease's life. */
  start(): void {
    if (this.started || this.isDisposed) return;
    this.started = true;
    try {
      fs.mkdirSync(this.options.dir, { recursive: true });
      this.watcher = fs.watch(this.options.dir, { persistent: false }, (_event, name) => {
        if (name === LEASE_FILE || name === REFRESH_FILE || name === null) this.tickSoon();
      });
      this.watcher.on('error', () => this.closeWatcher());
    } catch (e) {
      // Ticks alone still work, only slower to notice.
      this.log(`windows: cannot watch ${this.options.dir}: ${e instanceof Error ? e.message : String(e)}`);
    }
    void this.tick();
  }

  /** Whether this window may lead (has a key, its workbench answers). Not eligible: a leader releases. */
  setEligible(eligible: boolean): void {
    if (eligible === this.eligible) return;
    this.eligible = eligible;
    if (!eligible && this.leader) this.release();
    if (this.started) void this.tick();
  }

  /** A new lease life (e.g. the poll interval changed); takes effect at the next renewal. */
  setTtl(ttlMs: number): void {
    this.ttlMs = ttlMs;
  }

  /** (Leader) the API asked to wait until `until`: shared with the windows through the lease. */
  shareBlockedUntil(until: number): void {
    if (until <= this.blockedUntil) return;
    this.blockedUntil = until;
    if (this.leader) this.renew();
  }

  /** The shared Retry-After, for a window that just became leader. */
  get sharedBlockedUntil(): number {
    return this.blockedUntil > this.now() ? this.blockedUntil : 0;
  }

  /**
   * A Refresh in this window: carried out here when this window leads; else asked of the
   * leader, and taken over from a leader that does not answer within a tick and a second.
   */
  async requestRefresh(): Promise<RefreshRoute> {
    if (this.leader) {
      this.refreshRequested.fire();
      return 'here';
    }
    const now = this.now();
    const lease = this.read();
    if (!lease || lease.expiresAt <= now || lease.owner === this.options.windowId) {
      // A look already under way may have begun before this window could lead: take a new one.
      await this.ticking;
      await this.tick();
      if (this.leader) {
        this.refreshRequested.fire();
        return 'here';
      }
      return 'noLeader';
    }
    try {
      writeJsonAtomically(this.refreshFile, { from: this.options.windowId, at: now });
    } catch (e) {
      this.log(`windows: cannot ask the leader to refresh: ${e instanceof Error ? e.message : String(e)}`);
    }
    const deadline = this.now() + this.ttlMs / 3 + 1000;
    while (this.now() < deadline && !this.isDisposed) {
      await delay(100);
      const seen = this.read();
      if (seen && seen.owner !== this.options.windowId && (seen.refreshedAt ?? 0) >= now) return 'leader';
      if (this.leader) {
        // This window took over meanwhile (it ignores requests older than its leadership).
        this.refreshRequested.fire();
        return 'here';
      }
    }
    if (!this.eligible || this.isDisposed) return 'noLeader';
    this.log('windows: the leading window did not answer a Refresh; this window takes over polling.');
    await this.acquire(this.read(), true);
    if (this.leader) {
      this.refreshRequested.fire();
      return 'tookOver';
    }
    return 'noLeader';
  }

  private stop(): void {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    if (this.watchDebounce) clearTimeout(this.watchDebounce);
    this.timer = this.watchDebounce = undefined;
    this.closeWatcher();
    if (this.leader) this.release(false);
  }

  private closeWatcher(): void {
    this.watcher?.close();
    this.watcher = undefined;
  }

  private tickSoon(): void {
    if (this.watchDebounce || !this.started) return;
    this.watchDebounce = setTimeout(() => {
      this.watchDebounce = undefined;
      void this.tick();
    }, 30);
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.started || this.isDisposed) return;
    this.timer = setTimeout(() => void this.tick(), Math.max(50, this.ttlMs / 3));
  }

  /** One look at the lease (never two at once). */
  private tick(): Promise<void> {
    this.ticking ??= this.tickOnce().finally(() => {
      this.ticking = undefined;
      this.schedule();
    });
    return this.ticking;
  }

  private async tickOnce(): Promise<void> {
    if (this.isDisposed) return;
    const now = this.now();
    const current = this.read();
    if (current?.blockedUntil && current.blockedUntil > this.blockedUntil) this.blockedUntil = current.blockedUntil;
    if (this.leader) {
      if (current && current.owner !== this.options.windowId && current.expiresAt > now) {
        this.log(`windows: window ${current.owner} leads now; this one stops polling.`);
        this.setLeader(false);
        return;
      }
      this.handleRefreshRequest();
      this.renew();
      return;
    }
    if (this.eligible && (!current || current.expiresAt <= now || current.owner === this.options.windowId)) await this.acquire(current, false);
  }

  private handleRefreshRequest(): void {
    const text = readSmallFile(this.refreshFile);
    const request = text === undefined ? undefined : parseRefreshRequest(text, this.now());
    if (!request || request.at <= this.lastRefreshHandled) return;
    this.lastRefreshHandled = request.at;
    // Acknowledged either way; but requests that come faster than one per MIN_REFRESH_GAP_MS
    // (a stuck key, or a process writing the file in a loop) do not make the API asked faster.
    const now = this.now();
    if (now - this.lastRefreshRun < MIN_REFRESH_GAP_MS) return;
    this.lastRefreshRun = now;
    this.refreshRequested.fire();
  }

  /** Writes our lease over `seen` (missing or expired, or any when `force`), then checks it stayed ours. */
  private async acquire(seen: Lease | undefined, force: boolean): Promise<void> {
    const now = this.now();
    if (!force && seen && seen.owner !== this.options.windowId && seen.expiresAt > now) return;
    if (!this.write({ owner: this.options.windowId, expiresAt: now + this.ttlMs, ...(seen?.blockedUntil ? { blockedUntil: seen.blockedUntil } : {}) })) {
      // The folder cannot be written (read-only disk, a file in its place): no window can hold
      // a lease there, so none would poll. Better this one alone than none.
      this.setLeader(true);
      return;
    }
    await delay(this.confirmDelayMs);
    if (this.isDisposed || !this.eligible) {
      this.release(false);
      return;
    }
    const after = this.read();
    if (after?.owner !== this.options.windowId) return;
    // Requests made before this window led were meant for the old leader: carry out only later ones.
    const pending = parseRefreshRequest(readSmallFile(this.refreshFile) ?? '', this.now());
    this.lastRefreshHandled = Math.max(this.lastRefreshHandled, pending?.at ?? 0);
    this.log(`windows: this window (${this.options.windowId}) leads polling${seen ? ` after ${seen.owner}` : ''}.`);
    this.setLeader(true);
  }

  private renew(): void {
    const lease: Lease = { owner: this.options.windowId, expiresAt: this.now() + this.ttlMs };
    if (this.blockedUntil > this.now()) lease.blockedUntil = this.blockedUntil;
    if (this.lastRefreshHandled > 0) lease.refreshedAt = this.lastRefreshHandled;
    if (this.write(lease)) return;
    // Cannot write: step down only for another window's live lease (it can write, so it polls).
    const current = this.read();
    if (current && current.owner !== this.options.windowId && current.expiresAt > this.now()) this.setLeader(false);
  }

  private write(lease: Lease): boolean {
    try {
      fs.mkdirSync(this.options.dir, { recursive: true });
      writeJsonAtomically(this.file, lease);
      this.lastRead = lease;
      if (this.writeFailing) this.log('windows: the lease can be written again.');
      this.writeFailing = false;
      return true;
    } catch (e) {
      if (!this.writeFailing) {
        this.log(`windows: cannot write the lease (${e instanceof Error ? e.message : String(e)}); this window polls on its own unless another window leads.`);
      }
      this.writeFailing = true;
      return false;
    }
  }

  private read(): Lease | undefined {
    const text = readSmallFile(this.file);
    this.lastRead = text === undefined ? undefined : parseLease(text, this.now());
    return this.lastRead;
  }

  /** Gives the lease up (deletes it when it is still ours) so another window takes over at once. */
  private release(announce = true): void {
    const current = this.read();
    if (current?.owner === this.options.windowId) {
      try {
        fs.rmSync(this.file, { force: true });
      } catch {
        // It expires on its own.
      }
    }
    if (announce) this.setLeader(false);
    else this.leader = false;
  }

  private setLeader(leader: boolean): void {
    if (leader === this.leader) return;
    this.leader = leader;
    this.leadershipChanged.fire(leader);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
