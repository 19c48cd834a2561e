// This window's part in "one window polls": the lease (`leaderLease.ts`) in the extension's
// global storage folder, which every window of the profile shares (in a remote window, the
// remote machine's), plus what only VS Code can tell: whether this window's workbench still
// answers. A browser tab of code-server that was closed keeps its extension host running for
// a while, polling for nobody and showing notifications nobody sees; such a window gives the
// lease up, and takes part again once its workbench answers.
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Configuration } from '../config/configuration';
import type { Logger } from '../log/logger';
import { Disposable, toDisposable } from '../util/disposable';
import { LeaderLease, RefreshRoute } from './leaderLease';

/** How long a lease lasts, from the poll interval: half of it, between 3 and 15 s. */
export function leaseTtlMs(pollIntervalMs: number): number {
  return Math.min(15_000, Math.max(3_000, Math.round(pollIntervalMs / 2)));
}

/** A workbench that has not answered within this is taken as gone. */
const PROBE_TIMEOUT_MS = 5_000;

export class WindowLeadership extends Disposable {
  private readonly lease: LeaderLease;
  private canPoll = false;
  private workbenchAnswers = true;
  private probing = false;
  readonly onDidChangeLeadership: LeaderLease['onDidChangeLeadership'];
  readonly onDidRequestRefresh: LeaderLease['onDidRequestRefresh'];

  constructor(globalStorageDir: string, configuration: Configuration, log: Logger) {
    super();
    const ttl = () => leaseTtlMs(configuration.current.pollIntervalMs);
    this.lease = this._register(
      new LeaderLease({
        dir: path.join(globalStorageDir, 'windows'),
        windowId: randomBytes(8).toString('hex'),
        ttlMs: ttl(),
        log: (m) => log.info(m),
      }),
    );
    this.onDidChangeLeadership = this.lease.onDidChangeLeadership;
    this.onDidRequestRefresh = this.lease.onDidRequestRefresh;
    this._register(configuration.onDidChange(({ changed }) => changed.has('pollIntervalMs') && this.lease.setTtl(ttl())));
    this._register(this.lease.onDidChangeLeadership((leader) => void vscode.commands.executeCommand('setContext', 'veo.leadsPolling', leader)));
    const probe = setInterval(() => this.probe(), Math.max(1_000, ttl() / 3));
    this._register(toDisposable(() => clearInterval(probe)));
    // The lease's file work waits until activation has returned.
    const start = setImmediate(() => this.lease.start());
    this._register(toDisposable(() => clearImmediate(start)));
  }

  get isLeader(): boolean {
    return this.lease.isLeader;
  }

  get windowId(): string {
    return this.lease.windowId;
  }

  /** Who leads, as this window last read it. */
  get leaderId(): string | undefined {
    const lease = this.lease.lease;
    return lease && lease.expiresAt > Date.now() ? lease.owner : undefined;
  }

  /** Whether this window could poll (a key, a base URL, the key not refused). */
  setCanPoll(canPoll: boolean): void {
    this.canPoll = canPoll;
    this.update();
  }

  requestRefresh(): Promise<RefreshRoute> {
    return this.lease.requestRefresh();
  }

  shareBlockedUntil(until: number): void {
    this.lease.shareBlockedUntil(until);
  }

  get sharedBlockedUntil(): number {
    return this.lease.sharedBlockedUntil;
  }

  private update(): void {
    this.lease.setEligible(this.canPoll && this.workbenchAnswers);
  }

  /** Asks the workbench something cheap; no answer in time: this window is not seen by anyone. */
  private probe(): void {
    if (this.probing) return;
    this.probing = true;
    let answered = false;
    const timer = setTimeout(() => {
      if (answered || this.isDisposed) return;
      if (this.workbenchAnswers) {
        this.workbenchAnswers = false;
        this.update();
      }
    }, PROBE_TIMEOUT_MS);
    void Promise.resolve(vscode.commands.executeCommand('setContext', 'veo.leadsPolling', this.lease.isLeader)).then(
      () => {
        answered = true;
        clearTimeout(timer);
        this.probing = false;
        if (!this.workbenchAnswers && !this.isDisposed) {
          this.workbenchAnswers = true;
          this.update();
        }
      },
      () => {
        answered = true;
        clearTimeout(timer);
        this.probing = false;
      },
    );
  }
}
