/*
 * Bench module that VS Code's extension host calls (`extensionTestsPath`, see bench/inVscode.ts).
 * Measures activation, the tree's first render and its updates with 10,000 tasks, and the
 * extension host's event loop during a poll round of 1,000 of them, inside the real VS Code 1.100.3, and writes its figures (Figure[]) as JSON to the file named by
 * VEO_BENCH_RESULTS. No assertions on timing: it fails only if something crashes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/testApi';
import type { TaskResult } from '../../src/api/taskResult';
import { MemoryPersistence } from '../../src/store/taskPersistence';
import { TaskStore } from '../../src/store/taskStore';
import type { TrackedTask } from '../../src/store/trackedTask';
import { taskTooltip } from '../../src/treeViews/taskPresentation';
import { VeoSimulator } from '../../sim/simulator';
import { SimProcess } from '../lib/simProcess';
import type { Figure } from '../lib/figure';
import { fixed, max, median, min, sleep } from '../lib/stats';

const EXTENSION_ID = 'veo-tools.veo-tasks';
const ROUNDS = Number(process.env.VEO_BENCH_ROUNDS ?? 10);
const TASKS = Number(process.env.VEO_BENCH_TASKS ?? 10_000);
/** How many of the tasks get their result timed one by one (the rest through store.update too, untimed). */
const UPDATES = Number(process.env.VEO_BENCH_UPDATES ?? 50);
const VISIBLE_ROWS = 50;
/** Unfinished tasks the extension polls in pollRounds(). */
const RUNNING = Number(process.env.VEO_BENCH_RUNNING ?? 1000);
/** How long to wait for the store's queued writes before giving up on them. */
const DRAIN_LIMIT_MS = 60_000;


function log(line: string): void {
  console.log(`  vscode: ${line}`);
}

async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('veo').update(key, value, vscode.ConfigurationTarget.Global);
}

class Bench {
  readonly figures: Figure[] = [];
  private api!: TestApi;
  private networkJs!: string;
  private sim!: VeoSimulator;

  async setUp(): Promise<void> {
    const ext = vscode.extensions.getExtension<TestApi | undefined>(EXTENSION_ID);
    if (!ext) throw new Error(`${EXTENSION_ID} is not installed`);
    const api = await ext.activate();
    if (!api) throw new Error('the extension returned no test API (not in test mode?)');
    this.api = api;
    this.networkJs = path.join(ext.extensionPath, 'dist', 'network.js');
    // Any request that does get sent goes to a simulator here and is counted.
    this.sim = await VeoSimulator.start();
    await setSetting('baseUrl', this.sim.apiBaseUrl);
    await vscode.commands.executeCommand('veo.clearApiKey');
    await this.forgetAll();
  }

  async tearDown(): Promise<void> {
    await this.forgetAll().catch(() => undefined);
    await vscode.commands.executeCommand('veo.clearApiKey').then(undefined, () => undefined);
    await setSetting('baseUrl', undefined).catch(() => undefined);
    await this.sim?.close();
  }

  private get store() {
    return this.api.store;
  }

  private get provider(): TestApi['tree'] {
    return this.api.tree;
  }

  private async forgetAll(): Promise<void> {
    this.store.remove(this.store.all().map((t) => t.id));
    await this.store.flush();
  }

  private networkLoaded(): boolean {
    return require.cache[this.networkJs] !== undefined;
  }

  /** Re-activation as in tracking.test.ts: dispose everything, then the bundle's activate(). */
  private async reactivate(): Promise<{ ms: number; networkLoaded: boolean }> {
    await this.api.disposeAll();
    const before = this.networkLoaded();
    const t0 = performance.now();
    const api = await this.api.activateAgain();
    const ms = performance.now() - t0;
    const networkLoaded = !before && this.networkLoaded();
    if (!api) throw new Error('activate() returned no test API');
    this.api = api;
    // The tasks load after activate() returned (chunked, yielding): wait for them before rendering.
    await api.store.ready;
    return { ms, networkLoaded };
  }

  private async activations(label: string, rounds: number, after?: () => void): Promise<{ ms: number[]; networkLoaded: boolean }> {
    const ms: number[] = [];
    let networkLoaded = false;
    for (let i = 0; i < rounds; i++) {
      const r = await this.reactivate();
      ms.push(r.ms);
      networkLoaded ||= r.networkLoaded;
      after?.();
      await sleep(20); // let the deferred start-up (setImmediate) run, as between real activations
    }
    log(`${label}: activate() ${ms.map((m) => fixed(m, 1)).join(', ')} ms`);
    return { ms, networkLoaded };
  }

  /** Activation with nothing stored and no key (first run). */
  async activationEmpty(): Promise<void> {
    const loadedBefore = this.networkLoaded();
    const { ms, networkLoaded } = await this.activations('empty', ROUNDS);
    const m = median(ms);
    this.figures.push({
      section: '4 activation',
      name: 'activate() in VS Code: no key, no tasks',
      value: `${fixed(m, 1)} ms`,
      goal: '< 15 ms, undici not loaded',
      met: m < 15 && !networkLoaded,
      basis: `median of ${ms.length} re-activations in VS Code 1.100.3 (code-server); range ${fixed(min(ms), 1)}-${fixed(max(ms), 1)} ms; network.js loaded during activate(): ${networkLoaded ? 'YES' : loadedBefore ? 'already loaded before' : 'no'}`,
    });
    const secrets: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const t0 = performance.now();
      await this.api.secrets.get('veo.apiKey');
      secrets.push(performance.now() - t0);
    }
    this.figures.push({
      section: '4 activation',
      name: 'of which: one SecretStorage.get round trip',
      value: `${fixed(median(secrets), 1)} ms`,
      basis: `median of ${ROUNDS}; activate() awaits one (ApiKeyStore.create); in code-server it goes to the browser and back`,
    });
  }

  /**
   * TASKS tasks with results, written as a real profile has them: store.add, then store.update
   * for each (one journal record each), the first UPDATES timed one by one with the time their
   * writes take to drain; then a re-activation reads them from the task store's files.
   */
  async populate(): Promise<void> {
    const now = Date.now();
    const ids = Array.from({ length: TASKS }, (_, i) => `bench_${String(i).padStart(5, '0')}`);
    const result = (id: string): TaskResult => ({
      id,
      object: 'video',
      created: Math.floor(now / 1000) - 120,
      model: 'veo_3_1_fast',
      status: 'completed',
      video_url: `${this.sim.videoOrigin}/videos/${id}.mp4?expires=${now + 86_400_000}&sig=bench`,
      actualDuration: 8,
      error: null,
    });
    let t0 = performance.now();
    this.store.add(ids, now);
    const addMs = performance.now() - t0;
    await this.store.flush();
    const updateMs: number[] = [];
    for (const id of ids.slice(0, UPDATES)) {
      t0 = performance.now();
      this.store.update(id, { result: result(id), completedAt: now });
      updateMs.push(performance.now() - t0);
    }
    t0 = performance.now();
    await this.store.flush();
    const drainMs = performance.now() - t0;
    // The rest through the store too: each is one journal record, appended in batches.
    t0 = performance.now();
    for (const id of ids.slice(UPDATES)) this.store.update(id, { result: result(id), completedAt: now });
    await this.store.flush();
    const restMs = performance.now() - t0;
    // The same updates on a TaskStore with no listeners and persistence that costs nothing.
    const stored: TrackedTask[] = this.store.all().map((t) => ({ ...t, result: undefined, completedAt: undefined }));
    const bare = new TaskStore(new MemoryPersistence(stored));
    await bare.ready;
    const bareMs: number[] = [];
    for (const id of ids.slice(0, UPDATES)) {
      t0 = performance.now();
      bare.update(id, { result: result(id), completedAt: now });
      bareMs.push(performance.now() - t0);
    }
    await this.reactivate();
    if (this.store.all().some((t) => t.result?.status !== 'completed')) throw new Error('the store did not reload all tasks as completed');
    log(`store.add(${ids.length}) ${fixed(addMs, 1)} ms; ${UPDATES} store.update calls: median ${fixed(median(updateMs), 2)} ms, their writes drained in ${fixed(drainMs, 0)} ms`);
    const basis = `median of ${UPDATES} updates at ${TASKS} tasks (store filled by store.add, then these updates, then the rest)`;
    this.figures.push(
      {
        section: '5 tree updates',
        name: `one store.update with ${TASKS} tasks: synchronous part`,
        value: `${fixed(median(updateMs), 2)} ms`,
        basis: `${basis}; range ${fixed(min(updateMs), 2)}-${fixed(max(updateMs), 2)} ms; listeners included (tree, badge, status bar, expiry watcher); every poll outcome pays this`,
      },
      {
        section: '5 tree updates',
        name: 'of which: TaskStore alone (no listeners, free memento)',
        value: `${fixed(median(bareMs), 3)} ms`,
        basis: `the same ${UPDATES} updates on a bare TaskStore with the same ${TASKS} tasks`,
      },
      {
        section: '5 tree updates',
        name: `then persisting it: writes of ${UPDATES} updates drain in`,
        value: `${fixed(drainMs, 0)} ms (${fixed(drainMs / UPDATES, 1)} ms each)`,
        basis: `store.flush() after ${UPDATES} back-to-back updates: TaskStore keeps one journal append in flight and sends the records queued meanwhile in the next one`,
      },
      {
        section: '5 tree updates',
        name: `the other ${TASKS - UPDATES} updates, written to the journal`,
        value: `${fixed(restMs, 0)} ms`,
        basis: 'store.update for each, then store.flush(): one record each, appended in batches (one write in flight)',
      },
    );
  }

  private render(rows?: number): number {
    const t0 = performance.now();
    const ids = this.provider.getChildren();
    const n = rows === undefined ? ids.length : Math.min(rows, ids.length);
    for (let i = 0; i < n; i++) this.provider.getTreeItem(ids[i]);
    const ms = performance.now() - t0;
    if (ids.length !== TASKS) throw new Error(`the tree shows ${ids.length} rows, expected ${TASKS}`);
    return ms;
  }

  /** With 5,000 finished tasks and a key: activation, first render (all rows, first 50 rows). */
  async withTasks(): Promise<void> {
    // populate() ended with a re-activation: the poller that saw the tasks added (as pending,
    // with no key) is gone; the new one read them as finished and tracks none.
    await vscode.commands.executeCommand('veo.setApiKey', this.sim.apiKey);
    this.sim.clearRequests();
    const t0 = performance.now();
    const all: number[] = [];
    const visible: number[] = [];
    const act = await this.activations(`${TASKS} tasks`, ROUNDS, () => all.push(this.render()));
    await this.activations(`${TASKS} tasks (50 rows)`, ROUNDS, () => visible.push(this.render(VISIBLE_ROWS)));
    const m = median(act.ms);
    this.figures.push({
      section: '4 activation',
      name: `activate() in VS Code: key set, ${TASKS} finished tasks`,
      value: `${fixed(m, 1)} ms`,
      goal: '< 15 ms, undici not loaded',
      met: m < 15 && !act.networkLoaded,
      basis: `median of ${act.ms.length} re-activations; range ${fixed(min(act.ms), 1)}-${fixed(max(act.ms), 1)} ms; network.js loaded during activate(): ${act.networkLoaded ? 'YES' : 'no'}`,
    });
    const mAll = median(all);
    this.figures.push(
      {
        section: '4 activation',
        name: `first render: getChildren + getTreeItem x ${TASKS}`,
        value: `${fixed(mAll, 1)} ms`,
        goal: '< 50 ms',
        met: mAll < 50,
        basis: `median of ${all.length}, each right after a re-activation; range ${fixed(min(all), 1)}-${fixed(max(all), 1)} ms (VS Code asks getTreeItem for every child, not only visible ones)`,
      },
      {
        section: '4 activation',
        name: `first render: getChildren + getTreeItem x ${VISIBLE_ROWS} (visible rows)`,
        value: `${fixed(median(visible), 2)} ms`,
        basis: `median of ${visible.length}, each right after a re-activation; range ${fixed(min(visible), 2)}-${fixed(max(visible), 2)} ms`,
      },
    );
    const tooltip: number[] = [];
    for (let k = 0; k < ROUNDS; k++) {
      const now = Date.now();
      const t1 = performance.now();
      for (const task of this.store.all()) void new vscode.MarkdownString(taskTooltip(task, now));
      tooltip.push(performance.now() - t1);
    }
    this.figures.push({
      section: '4 activation',
      name: `of which: tooltips (taskTooltip + MarkdownString) x ${TASKS}`,
      value: `${fixed(median(tooltip), 1)} ms`,
      basis: `median of ${ROUNDS}; what getTreeItem spends on tooltips, which VS Code can instead ask for on hover (resolveTreeItem)`,
    });
    await this.treeUpdate();
    await sleep(500);
    const seconds = (performance.now() - t0) / 1000;
    const requests = this.sim.requests.length;
    const networkLoaded = this.networkLoaded();
    this.figures.push({
      section: '3 idle',
      name: `in VS Code: API requests with ${TASKS} finished tasks`,
      value: String(requests),
      goal: '0',
      met: requests === 0,
      basis: `key set, ${2 * ROUNDS} activations, renders and one update over ${fixed(seconds, 0)} s; network.js ever loaded: ${networkLoaded ? 'YES' : 'no'}`,
    });
  }

  /**
   * Polling as the extension does it: RUNNING more tasks, queued on a simulator in another
   * process (its work is not this event loop's), with the TASKS finished ones still stored;
   * interval 10 s (the setting's minimum), two rounds. Counts the store's updates and row
   * refreshes per round, its journal appends (by wrapping the persistence's append), and the
   * extension host's event-loop delay during each round.
   */
  async pollRounds(): Promise<void> {
    const sim = await SimProcess.start();
    const persistence = this.store.persistence;
    const append = persistence.append;
    const subscriptions: vscode.Disposable[] = [];
    let ids: string[] = [];
    const delay1 = monitorEventLoopDelay({ resolution: 1 });
    const delay2 = monitorEventLoopDelay({ resolution: 1 });
    try {
      await setSetting('pollIntervalSeconds', 10);
      await setSetting('baseUrl', sim.info.apiBaseUrl);
      await vscode.commands.executeCommand('veo.setApiKey', sim.info.apiKey);
      for (let t = 0; !this.api.windows.isLeader(); t += 50) {
        if (t > 20_000) throw new Error('this window did not lead polling within 20 s');
        await sleep(50);
      }
      ids = (await sim.addTasks(RUNNING, { queuedMs: 1e12 })).map((t) => t.id);
      const tracked = new Set(ids);
      const answered = new Set<string>();
      let updates = 0;
      let rows = 0;
      subscriptions.push(
        this.store.onDidChange((c) => c.ids?.forEach((id) => tracked.has(id) && (updates++, answered.add(id)))),
        this.provider.onDidChangeTreeData((e) => typeof e === 'string' && tracked.has(e) && rows++),
      );
      const appends: Array<{ records: number; start: number; end?: number }> = [];
      persistence.append = function (this: typeof persistence, records) {
        const a: { records: number; start: number; end?: number } = { records: records.length, start: performance.now() };
        appends.push(a);
        return append.call(this, records).then(() => void (a.end = performance.now()));
      };
      const waitUntil = async (what: string, test: () => boolean | Promise<boolean>): Promise<void> => {
        const t0 = performance.now();
        while (!(await test())) {
          if (performance.now() - t0 > 60_000) throw new Error(`${what}: not within 60 s`);
          await sleep(100);
        }
      };
      await sim.clearRequests();
      delay1.enable();
      const t0 = performance.now();
      this.store.add(ids, Date.now()); // the controller tracks them and polls at once
      await waitUntil('every task answered once', () => answered.size === ids.length);
      await this.store.flush();
      const round1 = { ms: performance.now() - t0, updates, rows, appends: appends.length, records: appends.reduce((n, a) => n + a.records, 0) };
      delay1.disable();
      delay2.enable();
      await waitUntil('every task asked twice', async () => (await sim.requestCount()) >= 2 * ids.length);
      await sleep(300); // the last answers
      await this.store.flush();
      delay2.disable();
      const round2 = { updates: updates - round1.updates, rows: rows - round1.rows, appends: appends.length - round1.appends };
      const done = appends.filter((a) => a.end !== undefined);
      const total = this.store.size;
      log(`poll rounds: ${round1.updates} + ${round2.updates} store updates, ${round1.appends} + ${round2.appends} journal appends; round 1 took ${fixed(round1.ms / 1000, 1)} s`);
      const basis = `${RUNNING} queued tasks polled by the extension among ${total} stored, interval 10 s, sim in another process`;
      const ms = (ns: number): string => fixed(ns / 1e6, 1);
      this.figures.push(
        {
          section: '5 tree updates',
          name: `extension host event-loop delay during a poll round, ${RUNNING} running among ${total} (p99 / max)`,
          value: `${ms(delay1.percentile(99))} / ${ms(delay1.max)} ms`,
          goal: '< 10 ms / < 30 ms',
          met: delay1.percentile(99) / 1e6 < 10 && delay1.max / 1e6 < 30,
          basis: `${basis}; perf_hooks.monitorEventLoopDelay (1 ms resolution) from store.add of the ${RUNNING} until every one was answered and written (${fixed(round1.ms / 1000, 1)} s: ${round1.updates} store updates, ${round1.rows} row refreshes, ${round1.records} journal records in ${round1.appends} appends); mean ${ms(delay1.mean)} ms; every extension in the host shares this loop`,
        },
        {
          section: '5 tree updates',
          name: 'poll round 1 (new results): store updates / row refreshes',
          value: `${round1.updates} / ${round1.rows}`,
          basis: `${basis}; every task asked once`,
        },
        {
          section: '5 tree updates',
          name: 'poll round 2 (same results): store updates / row refreshes / appends',
          value: `${round2.updates} / ${round2.rows} / ${round2.appends}`,
          basis: `${basis}; every task asked again, the simulator answering the same JSON: an unchanged task is neither written nor redrawn; event-loop delay in this round p99 ${ms(delay2.percentile(99))} ms, max ${ms(delay2.max)} ms`,
        },
        {
          section: '5 tree updates',
          name: `one journal append during round 1 (${total} tasks stored): until done`,
          value: `${fixed(median(done.map((a) => a.end! - a.start)), 1)} ms (median; ${fixed(round1.records / Math.max(1, round1.appends), 1)} records each)`,
          basis: 'TaskStore keeps one append in flight and sends the records queued meanwhile in the next one; no globalState write',
        },
      );
    } finally {
      delay1.disable();
      delay2.disable();
      persistence.append = append;
      subscriptions.forEach((d) => d.dispose());
      this.store.remove(ids);
      await Promise.race([this.store.flush(), sleep(DRAIN_LIMIT_MS)]);
      await setSetting('pollIntervalSeconds', undefined);
      await setSetting('baseUrl', this.sim.apiBaseUrl);
      await sim.close();
    }
  }

  /** What VS Code keeps for the extension in globalState (it warns when one extension's is over 512 KiB). */
  extensionState(): void {
    const state = this.api.globalState;
    const keys = state.keys();
    const bytes = JSON.stringify(Object.fromEntries(keys.map((k) => [k, state.get(k)]))).length;
    this.figures.push({
      section: '5 tree updates',
      name: `the extension's globalState with ${TASKS} tasks stored`,
      value: `${bytes} B (${keys.length} key${keys.length === 1 ? '' : 's'})`,
      goal: '< 512 KiB (VS Code warns above)',
      met: bytes < 512 * 1024,
      basis: `JSON of every key after the bench (${keys.join(', ') || 'none'}); VS Code's mainThreadStorage logs "large extension state detected" whenever it reads a state over 512 KiB, i.e. on every write of it`,
    });
  }

  /** One status change fires one row refresh, for that row. */
  private async treeUpdate(): Promise<void> {
    const ids = this.provider.getChildren();
    const id = ids[Math.floor(ids.length / 2)];
    const task = this.store.get(id);
    if (!task?.result) throw new Error(`task ${id} has no result`);
    const events: Array<string | undefined> = [];
    const subscription = this.provider.onDidChangeTreeData((e) => events.push(e ?? undefined));
    const t0 = performance.now();
    this.store.update(id, { result: { ...task.result, status: 'failed', video_url: null, error: 'bench' } });
    const ms = performance.now() - t0;
    await sleep(200);
    subscription.dispose();
    const shown = events.map((e) => (e === undefined ? 'undefined' : e === id ? 'that id' : `other id ${e}`));
    this.figures.push({
      section: '5 tree updates',
      name: `refresh events for one status change (${TASKS} tasks)`,
      value: `${events.length} (${shown.join(', ') || 'none'})`,
      goal: '1, for that id',
      met: events.length === 1 && events[0] === id,
      basis: `onDidChangeTreeData events within 200 ms after one store.update(id, {result}) (the update took ${fixed(ms, 2)} ms)`,
    });
  }
}

export async function run(): Promise<void> {
  const bench = new Bench();
  let error: unknown;
  try {
    await bench.setUp();
    await bench.activationEmpty();
    await bench.populate();
    await bench.withTasks();
    await bench.pollRounds();
    bench.extensionState();
  } catch (e) {
    error = e;
    console.error(e);
  } finally {
    await bench.tearDown().catch((e: unknown) => console.error(e));
    const out = process.env.VEO_BENCH_RESULTS;
    if (out) fs.writeFileSync(out, JSON.stringify({ figures: bench.figures, error: error === undefined ? undefined : String(error) }));
    const counts = process.env.VEO_TEST_RESULTS;
    if (counts) fs.writeFileSync(counts, JSON.stringify({ passed: error === undefined ? 1 : 0, failed: error === undefined ? 0 : 1 }));
  }
  if (error !== undefined) throw error;
}
