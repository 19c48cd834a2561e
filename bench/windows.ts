// Bench 7: several windows of one profile (issue #17). Each "window" is a child process
// (windowChild.ts) running the real LeaderLease, Poller and TaskStore on one shared temp
// folder, against the simulator in its own process. Short interval and lease so it takes
// seconds, not minutes: the lease's life relative to the interval is what matters.
//
// 1. 1, then 2, then 3 windows: requests per unfinished task per interval (sim's log).
// 2. A task added in one window's store: when it is in each other window's store.
// 3. kill -9 of the leading window while tasks finish: when another window's poller sends
//    again, tasks lost (every surviving store and a fresh load of the folder), and how many
//    windows' pollers moved each finishing task to finished (= notifications, downloads).
import { fork, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openTaskStore } from '../src/store/openTaskStore';
import type { Figure } from './lib/figure';
import { IpcClient } from './lib/ipc';
import { SimProcess } from './lib/simProcess';
import { fixed, max, median, min, sleep } from './lib/stats';
import type { WindowChildOptions, WindowEvent } from './windowChild';

export interface WindowsBenchOptions {
  tasks: number;
  intervalMs: number;
  ttlMs: number;
  /** Intervals measured per window count. */
  intervals: number;
  log(line: string): void;
}

const FOREVER = 1e12;

interface Win {
  id: string;
  child: ChildProcess;
  ipc: IpcClient;
}

interface WinState {
  leader: boolean;
  size: number;
  queries: number;
  tracked: number;
  suspended: boolean;
  finished: number;
}

export async function windowsBench(options: WindowsBenchOptions): Promise<Figure[]> {
  const section = '7 windows';
  const { intervalMs: I, ttlMs, intervals } = options;
  const sim = await SimProcess.start();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veo-windows-bench-'));
  const windows: Win[] = [];
  const events: WindowEvent[] = [];
  const spawn = async (id: string): Promise<Win> => {
    const child = fork(path.join(__dirname, 'windowChild.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const start: WindowChildOptions = { dir, windowId: id, ttlMs, intervalMs: I, apiBaseUrl: sim.info.apiBaseUrl, apiKey: sim.info.apiKey };
    await new Promise<void>((resolve, reject) => {
      child.send({ start });
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`window ${id} exited with ${code}`)));
    });
    child.on('message', (m: WindowEvent) => 'event' in m && events.push(m));
    const win = { id, child, ipc: new IpcClient(child) };
    windows.push(win);
    await win.ipc.call('ready');
    return win;
  };
  const alive = (): Win[] => windows.filter((w) => w.child.exitCode === null && w.child.signalCode === null);
  const state = (w: Win): Promise<WinState> => w.ipc.call<WinState>('state');
  const leaders = async (): Promise<Win[]> => {
    const live = alive();
    const states = await Promise.all(live.map(state));
    return live.filter((_, i) => states[i].leader);
  };
  const until = async (what: string, test: () => Promise<boolean>, limitMs: number): Promise<void> => {
    const t0 = Date.now();
    while (!(await test())) {
      if (Date.now() - t0 > limitMs) throw new Error(`${what}: not within ${limitMs / 1000} s`);
      await sleep(50);
    }
  };

  try {
    const ids = (await sim.addTasks(options.tasks, { queuedMs: FOREVER })).map((t) => t.id);
    const idSet = new Set(ids);
    const everyId = new Set(ids);
    options.log(`  windows: ${ids.length} unfinished tasks, interval ${I / 1000} s, lease ${ttlMs / 1000} s, ${intervals} intervals per window count`);

    // --- 1. requests per task per interval with 1, 2, 3 windows
    const w1 = await spawn('w1');
    await sim.clearRequests();
    await w1.ipc.call('add', { ids });
    await until('a leader polled every task once', async () => (await sim.requestCount()) >= ids.length, 20_000);
    const firstRound = (await sim.requests()).filter((r) => r.server === 'api' && r.taskId !== undefined && idSet.has(r.taskId));
    const phase = min(firstRound.map((r) => r.wallTime));
    const perWindows: Array<{ n: number; cells: number[]; requests: number; queries: number[] }> = [];
    for (let n = 1; n <= 3; n++) {
      if (n > 1) await spawn(`w${n}`);
      await sleep(300); // the new window loaded the store and looked at the lease
      const queries0 = await Promise.all(alive().map(async (w) => (await state(w)).queries));
      // Windows aligned on the leader's rounds: each starts 200 ms before a round's first request.
      const m = Math.ceil((Date.now() + 200 - phase) / I);
      const t0 = phase + m * I - 200;
      const t1 = t0 + intervals * I;
      await sleep(t1 - Date.now() + 300);
      const requests = (await sim.requests()).filter((r) => r.server === 'api' && r.wallTime >= t0 && r.wallTime < t1);
      const counts = new Map<string, number[]>(ids.map((id) => [id, new Array<number>(intervals).fill(0)]));
      for (const r of requests) {
        const row = r.taskId === undefined ? undefined : counts.get(r.taskId);
        if (row) row[Math.floor((r.wallTime - t0) / I)]++;
      }
      const queries1 = await Promise.all(alive().map(async (w) => (await state(w)).queries));
      perWindows.push({ n, cells: [...counts.values()].flat(), requests: requests.length, queries: queries1.map((q, i) => q - (queries0[i] ?? 0)) });
      options.log(`  windows: ${n} open: ${requests.length} requests in ${intervals} intervals; queries sent per window ${perWindows[n - 1].queries.join(' / ')}`);
    }
    const leaderEventsBefore = events.filter((e) => e.event === 'leader').length;

    // --- 2. a task added in one window reaches the others
    const lags: number[] = [];
    const propIds = (await sim.addTasks(6, { queuedMs: FOREVER })).map((t) => t.id);
    for (let r = 0; r < propIds.length; r++) {
      const id = propIds[r];
      everyId.add(id);
      const from = windows[r % 3];
      const seen = windows.filter((w) => w !== from).map((w) => w.ipc.call<number>('waitFor', { id }));
      const addedAt = await from.ipc.call<number>('add', { ids: [id] });
      for (const at of await Promise.all(seen)) lags.push(at - addedAt);
      await sleep(100);
    }
    options.log(`  windows: propagation ${lags.map((l) => fixed(l, 0)).join(', ')} ms`);

    // --- 3. kill -9 of the leader while tasks finish
    const finishing: string[] = [];
    const killAt = Date.now() + 3000;
    const groups = 12;
    for (let g = 0; g < groups; g++) {
      // Finishing from 1 s before the kill to 3 intervals after it.
      const finishAt = killAt - 1000 + Math.round((g / (groups - 1)) * (1000 + 3 * I));
      const made = await sim.addTasks(4, { queuedMs: 0, processingMs: Math.max(0, finishAt - Date.now()), outcome: g % 3 === 2 ? 'failed' : 'completed' });
      finishing.push(...made.map((t) => t.id));
    }
    finishing.forEach((id) => everyId.add(id));
    const [leaderBefore] = await leaders();
    if (!leaderBefore) throw new Error('no leader before the kill');
    // Tracked in a window that does not lead (the leader picks them up through the store).
    const follower = alive().find((w) => w !== leaderBefore)!;
    await follower.ipc.call('add', { ids: finishing });
    await sleep(killAt - Date.now());
    const killedAt = Date.now();
    leaderBefore.child.kill('SIGKILL');
    await new Promise<void>((resolve) => (leaderBefore.child.exitCode !== null || leaderBefore.child.signalCode !== null ? resolve() : leaderBefore.child.once('exit', () => resolve())));
    const finishedBeforeKill = new Set(events.filter((e) => e.event === 'finished' && e.at <= killedAt).map((e) => (e as { id: string }).id));
    // Every finishing task finished in every surviving window's store.
    await until(
      'every finishing task finished in the surviving windows',
      async () => (await Promise.all(alive().map(async (w) => (await w.ipc.call<Array<{ id: string; status?: string }>>('ids')).filter((t) => finishing.includes(t.id) && (t.status === 'completed' || t.status === 'failed')).length))).every((n) => n === finishing.length),
      30_000,
    );
    await sleep(I); // a late duplicate would show up here
    const after = (await sim.requests()).filter((r) => r.server === 'api' && r.wallTime > killedAt);
    const firstAfter = min(after.map((r) => r.wallTime));
    const resumedMs = firstAfter - killedAt;
    const newLeader = events.find((e) => e.event === 'leader' && e.leader && e.at > killedAt);
    const wasted = after.filter((r) => r.taskId !== undefined && finishedBeforeKill.has(r.taskId)).length;
    const notifications = new Map<string, number>(finishing.map((id) => [id, 0]));
    for (const e of events) if (e.event === 'finished' && notifications.has(e.id)) notifications.set(e.id, notifications.get(e.id)! + 1);
    const perTask = [...notifications.values()];
    const byWindow = new Map<string, number>();
    for (const e of events) if (e.event === 'finished') byWindow.set(e.windowId, (byWindow.get(e.windowId) ?? 0) + 1);

    // Tasks lost: in each surviving window, and in a fresh load of the folder.
    const lostIn: number[] = [];
    for (const w of alive()) {
      const have = new Set((await w.ipc.call<Array<{ id: string }>>('ids')).map((t) => t.id));
      lostIn.push([...everyId].filter((id) => !have.has(id)).length);
    }
    await Promise.all(alive().map((w) => w.ipc.call('flush')));
    const fresh = openTaskStore(dir, { get: () => undefined, update: () => Promise.resolve() }, { info: () => undefined, error: () => undefined });
    await fresh.ready;
    const lostOnDisk = [...everyId].filter((id) => !fresh.has(id)).length;
    const unfinishedOnDisk = finishing.filter((id) => !['completed', 'failed'].includes(fresh.get(id)?.result?.status ?? '')).length;
    fresh.dispose();

    // Leadership as the windows reported it: changes, and any time with two leaders.
    const leaderEvents = events.filter((e): e is Extract<WindowEvent, { event: 'leader' }> => e.event === 'leader');
    const overlapMs = twoLeadersMs(leaderEvents, leaderBefore.id, killedAt, Date.now());
    options.log(
      `  windows: killed ${leaderBefore.id} at +0; first request after it +${fixed(resumedMs, 0)} ms; ${newLeader ? `${newLeader.windowId} leads at +${newLeader.at - killedAt} ms` : 'no new leader reported'}; finished events by window ${[...byWindow].map(([w, n]) => `${w}:${n}`).join(' ')}`,
    );

    const basis = `${ids.length} unfinished tasks, interval ${I / 1000} s, lease ${ttlMs / 1000} s (renewed every ${fixed(ttlMs / 3000, 2)} s), each window a process with the real LeaderLease + Poller + TaskStore on one folder, sim in another process`;
    const cellText = (c: number[]): string => `${min(c)}/${median(c)}/${max(c)}`;
    return [
      {
        section,
        name: 'requests per unfinished task per interval, 1 / 2 / 3 windows (min/median/max)',
        value: perWindows.map((p) => cellText(p.cells)).join(' · '),
        goal: 'exactly 1',
        met: perWindows.every((p) => min(p.cells) === 1 && max(p.cells) === 1),
        basis: `${basis}; ${intervals} intervals per window count aligned on the leader's rounds; requests ${perWindows.map((p) => p.requests).join(' / ')}; sent per window ${perWindows.map((p) => `[${p.queries.join(',')}]`).join(' ')}; leadership events before the kill: ${leaderEventsBefore} (1 = the first window took it and kept it)`,
      },
      {
        section,
        name: 'a task tracked in one window appears in another',
        value: `${fixed(median(lags), 0)} ms (max ${fixed(max(lags), 0)})`,
        goal: '< 2 s',
        met: max(lags) < 2000,
        basis: `${propIds.length} store.add in a window, round robin, timed until each of the 2 others has it (${lags.length} lags; Date.now() across processes); fs.watch on the folder + 1 s stat`,
      },
      {
        section,
        name: 'leader killed (kill -9): another window polls again after',
        value: `${fixed(resumedMs / 1000, 2)} s = ${fixed(resumedMs / I, 2)} intervals`,
        goal: '<= 2 intervals',
        met: resumedMs <= 2 * I,
        basis: `${basis}; from the SIGKILL to the first API request the simulator got from another window${newLeader ? ` (${newLeader.windowId} reported leading after ${newLeader.at - killedAt} ms)` : ''}; bound: lease life + a third of it (the followers' tick) + the 200 ms confirmation`,
      },
      {
        section,
        name: 'leader killed: tasks lost',
        value: `${lostOnDisk} on disk, ${lostIn.join(' / ')} in the surviving windows`,
        goal: '0',
        met: lostOnDisk === 0 && lostIn.every((n) => n === 0),
        basis: `${everyId.size} tasks tracked in all; a fresh TaskStore on the folder after the run, and each surviving window's store; ${unfinishedOnDisk} of the ${finishing.length} finishing tasks not finished on disk`,
      },
      {
        section,
        name: 'tasks finishing around the take-over: windows that notified, per task (min / max)',
        value: `${min(perTask)} / ${max(perTask)}`,
        goal: 'exactly 1 (no duplicate notification or download)',
        met: min(perTask) === 1 && max(perTask) === 1,
        basis: `${finishing.length} tasks finishing from 1 s before the kill to ${3} intervals after it (1 in 3 failed), tracked from a follower; a window "notifies" when its poller's outcome moved the task to finished (justFinished, what fires onDidFinishTask); by window: ${[...byWindow].map(([w, n]) => `${w} ${n}`).join(', ')}; ${finishedBeforeKill.size} finished before the kill`,
      },
      {
        section,
        name: 'take-over: requests for tasks already finished before it',
        value: String(wasted),
        basis: `${finishedBeforeKill.size} tasks finished (by the old leader) before the kill; the new leader's poller, suspended while it followed, still tracked them and asks each once when it resumes`,
      },
      {
        section,
        name: 'time with two windows leading at once',
        value: `${fixed(overlapMs, 0)} ms`,
        goal: '0',
        met: overlapMs === 0,
        basis: `from the windows' leadership events over the whole run (${leaderEvents.length} events; the killed window's leadership ends at the kill)`,
      },
    ];
  } finally {
    await Promise.all(alive().map((w) => Promise.race([w.ipc.call('close').catch(() => undefined), sleep(2000)])));
    for (const w of alive()) w.child.kill('SIGKILL');
    await sim.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Total time during which two windows both said they led. */
function twoLeadersMs(events: ReadonlyArray<{ windowId: string; leader: boolean; at: number }>, killed: string, killedAt: number, endAt: number): number {
  const spans: Array<[number, number]> = [];
  const since = new Map<string, number>();
  for (const e of [...events].sort((a, b) => a.at - b.at)) {
    if (e.leader) since.set(e.windowId, e.at);
    else if (since.has(e.windowId)) {
      spans.push([since.get(e.windowId)!, e.at]);
      since.delete(e.windowId);
    }
  }
  for (const [w, at] of since) spans.push([at, w === killed ? killedAt : endAt]);
  let overlap = 0;
  for (let i = 0; i < spans.length; i++) {
    for (let j = i + 1; j < spans.length; j++) {
      const o = Math.min(spans[i][1], spans[j][1]) - Math.max(spans[i][0], spans[j][0]);
      if (o > 0) overlap += o;
    }
  }
  return overlap;
}
