// Connects the Poller to the task store, the API key and the settings.
import * as vscode from 'vscode';
import type { QueryOutcome } from '../api/queryOutcome';
import type { VeoClient } from '../api/veoClient';
import { loadNetwork } from '../lazyNetwork';
import type { ApiKeyStore } from '../auth/apiKeyStore';
import type { Configuration } from '../config/configuration';
import type { Logger } from '../log/logger';
import { Poller } from './poller';
import { systemClock } from './clock';
import type { TaskStore } from '../store/taskStore';
import { isFinished, TrackedTask } from '../store/trackedTask';
import { Disposable, toDisposable } from '../util/disposable';
import type { WindowLeadership } from '../windows/windowLeadership';
import { applyOutcome, justFinished, reviveNotFound } from './applyOutcome';
import { t } from '../util/l10n';

export class PollingController extends Disposable {
  private readonly poller: Poller;
  private client: VeoClient | undefined;
  /** The API refused the key (401/403) at this base URL; cleared by a new key or URL. */
  private keyRefused = false;
  private readonly finished = this._register(new vscode.EventEmitter<TrackedTask>());
  private readonly keyRejected = this._register(new vscode.EventEmitter<number>());
  /** A task reached completed or failed. */
  readonly onDidFinishTask = this.finished.event;
  /** The API refused the key (401/403); polling is suspended until a key is set. */
  readonly onDidRejectKey = this.keyRejected.event;

  constructor(
    private readonly store: TaskStore,
    private readonly keys: ApiKeyStore,
    private readonly configuration: Configuration,
    private readonly log: Logger,
    private readonly leadership: WindowLeadership,
  ) {
    super();
    this.poller = new Poller({
      clock: systemClock,
      intervalMs: configuration.current.pollIntervalMs,
      query: (id, signal) => this.query(id, signal),
      onOutcome: (id, outcome, next) => this.onOutcome(id, outcome, next),
      onListenerError: (id, e) => this.log.error(`${id}: handling a poll answer failed: ${e instanceof Error ? e.message : String(e)}`),
    });
    this._register(toDisposable(() => this.closeClient()));
    this._register(this.poller);
    this._register(store.onDidChange((change) => change.ids === undefined && this.syncTracked()));
    this._register(
      keys.onDidChange(() => {
        this.keyRefused = false;
        this.syncKey();
      }),
    );
    // Only the window that leads polls (for every window of the profile); the others show what it finds.
    this._register(
      leadership.onDidChangeLeadership((leader) => {
        if (leader) {
          this.poller.blockUntil(leadership.sharedBlockedUntil);
          this.syncTracked();
        }
        this.syncKey();
      }),
    );
    this._register(leadership.onDidRequestRefresh(() => this.refreshHere()));
    this._register(configuration.onDidChange(({ current, changed }) => this.applySettings(current.pollIntervalMs, changed.has('baseUrl'))));
    // The first requests (and so loading undici) wait until activation has returned.
    this.poller.suspend();
    const start = setImmediate(() => {
      this.syncKey();
      this.syncTracked();
    });
    this._register(toDisposable(() => clearImmediate(start)));
  }

  /**
   * "VEO: Refresh" in this window: carried out by the window that polls (this one, or the
   * leader it asks; a leader that does not answer is taken over).
   */
  refresh(): void {
    void this.leadership.requestRefresh();
  }

  /** Polls every unfinished task now, and asks again about tasks the API said it does not know. */
  private refreshHere(): void {
    this.reviveNotFoundTasks();
    this.poller.pollNow();
  }

  /** Whether this window is the one that polls. */
  get isLeader(): boolean {
    return this.leadership.isLeader;
  }

  private applySettings(intervalMs: number, baseUrlChanged: boolean): void {
    this.poller.setIntervalMs(intervalMs);
    if (baseUrlChanged) {
      this.keyRefused = false;
      this.closeClient();
      // Another server (or a fixed proxy) may know tasks the old one did not.
      this.reviveNotFoundTasks();
      this.syncKey();
    }
  }

  /** Not-found tasks become unfinished again and are asked at once, their 404 count reset. */
  private reviveNotFoundTasks(): void {
    for (const task of this.store.all()) {
      const patch = reviveNotFound(task);
      if (!patch) continue;
      this.store.update(task.id, patch);
      this.poller.forgetNotFound(task.id);
      this.poller.track(task.id);
    }
  }

  private closeClient(): void {
    void this.client?.close();
    this.client = undefined;
  }

  /** A new key (or base URL) is tried at once; without one nothing polls, nor in a window that does not lead. */
  private syncKey(): void {
    // Requests still in flight carry the old key (or go to the old URL): their answers,
    // a late 401 among them, must not count against the new one.
    this.poller.suspend();
    const canPoll = !!this.keys.key && this.configuration.current.baseUrl.ok && !this.keyRefused;
    this.leadership.setCanPoll(canPoll);
    if (canPoll && this.leadership.isLeader) this.poller.resume();
  }

  private syncTracked(): void {
    // Finished elsewhere (by the leading window, while this one followed): nothing left to ask.
    for (const id of this.poller.trackedIds()) {
      const task = this.store.get(id);
      if (!task || isFinished(task)) this.poller.untrack(id);
    }
    for (const task of this.store.all()) if (!isFinished(task)) this.poller.track(task.id, task.notFoundStreak);
  }

  private async query(id: string, signal: AbortSignal): Promise<QueryOutcome> {
    const key = this.keys.key;
    const base = this.configuration.current.baseUrl;
    if (!key || !base.ok) return { kind: 'error', message: t('no API key or base URL') };
    if (!this.store.has(id)) return { kind: 'error', message: t('no longer tracked') };
    this.client ??= new (loadNetwork().VeoClient)({ baseUrl: base.url });
    return this.client.getTask(id, key, signal);
  }

  private onOutcome(id: string, outcome: QueryOutcome, nextPollAt: number | undefined): void {
    const before = this.store.get(id);
    if (!before) {
      this.poller.untrack(id);
      return;
    }
    if (outcome.kind === 'unauthorized') {
      // Another window, with another key, may lead instead.
      this.keyRefused = true;
      this.leadership.setCanPoll(false);
      this.log.error(`The VEO API refused the API key (HTTP ${outcome.status}); polling stopped until a key is set.`);
      this.keyRejected.fire(outcome.status);
      return;
    }
    if (outcome.kind === 'rateLimited' && nextPollAt !== undefined) this.leadership.shareBlockedUntil(nextPollAt);
    if (outcome.kind === 'error' || outcome.kind === 'rateLimited') {
      const wait = nextPollAt !== undefined ? `; next try in ${Math.round((nextPollAt - Date.now()) / 1000)} s` : '';
      this.log.warn(`${id}: ${outcome.kind === 'error' ? outcome.message : 'rate limited (429)'}${wait}`);
    } else if (outcome.kind === 'notFound') {
      const n = outcome.streak?.count ?? 1;
      const again = nextPollAt !== undefined ? `; asking again in ${Math.round((nextPollAt - Date.now()) / 1000)} s` : '';
      this.log.warn(
        outcome.final
          ? `${id}: the VEO API does not know this id (404, ${n} times over 10+ min); it is no longer polled.`
          : `${id}: 404 (not found), ${n} in a row${again}.`,
      );
    }
    const patch = applyOutcome(before, outcome, Date.now(), nextPollAt);
    if (!patch) return;
    const after = this.store.update(id, patch);
    if (after && outcome.kind === 'ok' && after.result?.status !== before.result?.status) {
      this.log.info(`${id}: ${before.result?.status ?? 'tracked'} -> ${after.result?.status}`);
    }
    if (after && justFinished(before, after)) this.finished.fire(after);
  }
}
