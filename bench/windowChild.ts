// One "window" of bench/windows.ts, in its own process: what a VS Code window of the profile
// runs for polling, built from the real modules. A LeaderLease on the shared folder gates a
// Poller the way PollingController does (suspend on every change, resume only while leading,
// blockUntil the shared Retry-After on take-over); the tasks are a TaskStore on the shared
// journal (openTaskStore, with an in-memory memento), and each poll outcome goes through
// applyOutcome / justFinished as in the controller. A "finished" event here is what would show
// a notification (and start an auto-download) in the extension: FinishedTasks listens to the
// controller's onDidFinishTask, fired by the window whose poller moved the task to finished.
import * as path from 'node:path';
import type { QueryOutcome } from '../src/api/queryOutcome';
import { VeoClient } from '../src/api/veoClient';
import { applyOutcome, justFinished } from '../src/polling/applyOutcome';
import { systemClock } from '../src/polling/clock';
import { Poller } from '../src/polling/poller';
import { openTaskStore } from '../src/store/openTaskStore';
import type { MementoLike } from '../src/store/taskStore';
import { isFinished } from '../src/store/trackedTask';
import { LeaderLease } from '../src/windows/leaderLease';
import { serveIpc } from './lib/ipc';

export interface WindowChildOptions {
  /** The profile's global storage folder (shared). */
  dir: string;
  windowId: string;
  ttlMs: number;
  intervalMs: number;
  apiBaseUrl: string;
  apiKey: string;
}

/** Unsolicited messages to the parent. */
export type WindowEvent =
  | { event: 'leader'; windowId: string; leader: boolean; at: number }
  | { event: 'finished'; windowId: string; id: string; status: string; at: number }
  | { event: 'sent'; windowId: string; at: number };

class MemoryMemento implements MementoLike {
  private readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  update(key: string, value: unknown): Thenable<void> {
    this.values.set(key, value);
    return Promise.resolve();
  }
}

function send(message: WindowEvent): void {
  process.send?.(message);
}

function start(o: WindowChildOptions): void {
  const log = { info: () => undefined, error: (m: string) => console.error(`[${o.windowId}] ${m}`) };
  const store = openTaskStore(o.dir, new MemoryMemento(), log);
  const client = new VeoClient({ baseUrl: o.apiBaseUrl });
  const lease = new LeaderLease({ dir: path.join(o.dir, 'windows'), windowId: o.windowId, ttlMs: o.ttlMs });
  let queries = 0;
  let firstSentSinceLeading = false;
  const poller = new Poller({
    clock: systemClock,
    intervalMs: o.intervalMs,
    query: (id, signal) => {
      queries++;
      if (!firstSentSinceLeading) {
        firstSentSinceLeading = true;
        send({ event: 'sent', windowId: o.windowId, at: Date.now() });
      }
      if (!store.has(id)) return Promise.resolve<QueryOutcome>({ kind: 'error', message: 'no longer tracked' });
      return client.getTask(id, o.apiKey, signal);
    },
    onOutcome: (id, outcome, next) => {
      const before = store.get(id);
      if (!before) return poller.untrack(id);
      if (outcome.kind === 'rateLimited' && next !== undefined) lease.shareBlockedUntil(next);
      const patch = applyOutcome(before, outcome, Date.now(), next);
      if (!patch) return;
      const after = store.update(id, patch);
      if (after && justFinished(before, after)) send({ event: 'finished', windowId: o.windowId, id, status: after.result?.status ?? '', at: Date.now() });
    },
  });
  // As PollingController.syncKey: suspend, then resume only in the leader (this window has a key).
  const syncKey = (): void => {
    poller.suspend();
    lease.setEligible(true);
    if (lease.isLeader) poller.resume();
  };
  // As PollingController.syncTracked, on changes that add or remove tasks.
  const syncTracked = (): void => {
    for (const id of poller.trackedIds()) if (!store.has(id)) poller.untrack(id);
    for (const task of store.all()) if (!isFinished(task)) poller.track(task.id, task.notFoundStreak);
  };
  store.onDidChange((change) => change.ids === undefined && syncTracked());
  lease.onDidChangeLeadership((leader) => {
    if (leader) {
      poller.blockUntil(lease.sharedBlockedUntil);
      firstSentSinceLeading = false;
    }
    send({ event: 'leader', windowId: o.windowId, leader, at: Date.now() });
    syncKey();
  });
  poller.suspend();
  lease.start();
  setImmediate(() => {
    syncKey();
    syncTracked();
  });

  const waiters = new Map<string, (at: number) => void>();
  store.onDidChange(() => {
    for (const [id, resolve] of waiters) {
      if (store.has(id)) {
        waiters.delete(id);
        resolve(Date.now());
      }
    }
  });

  serveIpc({
    ready: async () => {
      await store.ready;
      return store.size;
    },
    add: (args) => {
      const { ids } = args as { ids: string[] };
      const at = Date.now();
      store.add(ids, at);
      return at;
    },
    flush: () => store.flush(),
    /** Resolves with Date.now() when the task `id` is in this window's store. */
    waitFor: (args) => {
      const { id } = args as { id: string };
      if (store.has(id)) return Date.now();
      return new Promise<number>((resolve) => waiters.set(id, resolve));
    },
    state: () => ({
      leader: lease.isLeader,
      size: store.size,
      queries,
      tracked: poller.trackedIds().length,
      suspended: poller.isSuspended,
      finished: store.all().filter(isFinished).length,
    }),
    ids: () => store.all().map((t) => ({ id: t.id, status: t.result?.status })),
    close: async () => {
      poller.dispose();
      lease.dispose();
      await store.flush();
      store.dispose();
      await client.close();
      setImmediate(() => process.exit(0));
    },
  });
  process.on('disconnect', () => process.exit(0));
}

process.once('message', (msg: { start: WindowChildOptions }) => {
  start(msg.start);
  process.send?.({ started: true });
});
