// Bench 2: the real Poller + VeoClient with 1,000 unfinished tasks against the simulator,
// which runs in another process so this process's CPU time is the poller's own.
//
// Part A (real clock, as in the extension): interval 5 s, three intervals. Requests per
// task per interval, the largest burst of simultaneous requests and the TCP connections
// (both as the simulator saw them), and CPU time per request in this process.
// Part B (fake clock, same simulator over real HTTP): one 429 with `Retry-After: 30`; the
// requests sent in the next 30 s of clock. A fake clock is honest here: what is measured
// is the poller's decision to send or not, which depends only on the clock it is given,
// and it saves 30 s of waiting.
import * as diagnostics from 'node:diagnostics_channel';
import type { Socket } from 'node:net';
import type { QueryOutcome } from '../src/api/queryOutcome';
import { VeoClient } from '../src/api/veoClient';
import { systemClock } from '../src/polling/clock';
import { Poller } from '../src/polling/poller';
import { FakeClock } from '../test/unit/helpers/fakeClock';
import type { Figure } from './lib/figure';
import { SimProcess } from './lib/simProcess';
import { fixed, max, median, min, sleep } from './lib/stats';

export interface PollerBenchOptions {
  tasks: number;
  intervalMs: number;
  intervals: number;
  log(line: string): void;
}

const FOREVER = 1e12;
const CONCURRENCY = 4;

export async function pollerBench(options: PollerBenchOptions): Promise<Figure[]> {
  const section = '2 poller';
  const sim = await SimProcess.start();
  const { apiBaseUrl, apiKey } = sim.info;
  try {
    const ids = (await sim.addTasks(options.tasks, { queuedMs: FOREVER })).map((t) => t.id);
    const figures = [
      ...(await realClockPart(section, sim, ids, apiBaseUrl, apiKey, options)),
      await schedulingOnly(section, ids.length, options),
      ...(await retryAfterPart(section, sim, ids, apiBaseUrl, apiKey, options)),
    ];
    return figures;
  } finally {
    await sim.close();
  }
}

async function realClockPart(
  section: string,
  sim: SimProcess,
  ids: string[],
  baseUrl: string,
  apiKey: string,
  options: PollerBenchOptions,
): Promise<Figure[]> {
  const { intervalMs, intervals } = options;
  const client = new VeoClient({ baseUrl });
  let answered = 0;
  let notOk = 0;
  const poller = new Poller({
    clock: systemClock,
    intervalMs,
    concurrency: CONCURRENCY,
    query: (id, signal) => client.getTask(id, apiKey, signal),
    onOutcome: (_id, outcome: QueryOutcome) => {
      answered++;
      if (outcome.kind !== 'ok') notOk++;
    },
  });
  await sim.resetStats();
  await sim.clearRequests();
  const windowMs = intervals * intervalMs;
  options.log(`  poller: ${ids.length} tasks, interval ${intervalMs / 1000} s, ${intervals} intervals (${windowMs / 1000} s, real clock)`);
  const sockets = watchSockets();
  const cpuAt: NodeJS.CpuUsage[] = [];
  const answeredAt: number[] = [];
  const t0 = Date.now();
  const mark = (): void => {
    cpuAt.push(process.cpuUsage());
    answeredAt.push(answered);
  };
  mark();
  for (const id of ids) poller.track(id);
  for (let k = 1; k <= intervals; k++) {
    await sleep(t0 + k * intervalMs - Date.now());
    mark();
  }
  poller.dispose();
  const answeredInWindow = answered;
  await sleep(200);
  sockets.stop();
  await client.close();
  const cpuUs = (a: number, b: number): number =>
    (cpuAt[b].user + cpuAt[b].system - cpuAt[a].user - cpuAt[a].system) / Math.max(1, answeredAt[b] - answeredAt[a]);
  const perInterval = Array.from({ length: intervals }, (_, k) => fixed(cpuUs(k, k + 1), 0)).join(' / ');
  const cpuTotalMs = (cpuAt[intervals].user + cpuAt[intervals].system - cpuAt[0].user - cpuAt[0].system) / 1000;

  const stats = await sim.stats();
  const requests = (await sim.requests()).filter((r) => r.server === 'api');
  const inWindow = requests.filter((r) => r.wallTime >= t0 && r.wallTime < t0 + windowMs);
  // counts[task][k]: requests for the task that arrived in interval k.
  const counts = new Map<string, number[]>(ids.map((id) => [id, new Array<number>(intervals).fill(0)]));
  for (const r of inWindow) {
    const row = r.taskId === undefined ? undefined : counts.get(r.taskId);
    if (row) row[Math.floor((r.wallTime - t0) / intervalMs)]++;
  }
  const perCell = [...counts.values()].flat();
  const perTaskTotal = [...counts.values()].map((row) => row.reduce((a, b) => a + b, 0));
  const basis = `${ids.length} tasks x ${intervals} intervals of ${intervalMs / 1000} s, real clock, sim in another process`;
  return [
    {
      section,
      name: 'requests per task per interval (min / median / max)',
      value: `${min(perCell)} / ${median(perCell)} / ${max(perCell)}`,
      goal: 'exactly 1',
      met: min(perCell) === 1 && max(perCell) === 1,
      basis: `${basis}; per task over all ${intervals}: ${min(perTaskTotal)}-${max(perTaskTotal)}; ${inWindow.length} requests, ${notOk} not ok`,
    },
    {
      section,
      name: 'largest burst of simultaneous requests',
      value: String(stats.maxInFlight),
      goal: `<= ${CONCURRENCY}`,
      met: stats.maxInFlight <= CONCURRENCY,
      basis: `${basis}; simulator's peak of requests in flight`,
    },
    {
      section,
      name: 'TCP connections opened',
      value: String(stats.connections),
      goal: `<= ${CONCURRENCY}`,
      met: stats.connections <= CONCURRENCY,
      basis: `${basis}; simulator's count; client side: at most ${sockets.peakOpen} open at once, ${sockets.closedByServer} closed by the server and ${sockets.closedByClient} by the client while polling (the sim's keep-alive is 5 s)`,
    },
    {
      section,
      name: 'CPU time per poll request (poller process)',
      value: `${fixed(cpuUs(0, intervals), 0)} us`,
      basis: `${basis}; process.cpuUsage() ${fixed(cpuTotalMs, 0)} ms / ${answeredInWindow} answered; per interval ${perInterval} us (1st includes JIT warm-up)`,
    },
  ];
}

async function retryAfterPart(
  section: string,
  sim: SimProcess,
  ids: string[],
  baseUrl: string,
  apiKey: string,
  options: PollerBenchOptions,
): Promise<Figure[]> {
  const { intervalMs } = options;
  const client = new VeoClient({ baseUrl });
  const clock = new FakeClock(Date.now());
  const sent: number[] = [];
  let limitedAt: number | undefined;
  const poller: Poller = new Poller({
    clock,
    intervalMs,
    concurrency: CONCURRENCY,
    query: (id, signal) => {
      sent.push(clock.now());
      return client.getTask(id, apiKey, signal);
    },
    onOutcome: (_id, outcome) => {
      if (outcome.kind === 'rateLimited' && limitedAt === undefined) limitedAt = clock.now();
    },
  });
  const settle = (): Promise<void> => poller.settled();
  try {
    for (const id of ids) poller.track(id);
    await clock.advance(intervalMs - 1, settle); // one full round: every task polled once
    const firstRound = sent.length;
    await sim.injectFault({ kind: 'status', code: 429, retryAfter: '30' }, { times: 1, on: 'api' });
    await sim.clearRequests();
    // Step until the 429 has been answered, then 30 s of clock in small steps.
    while (limitedAt === undefined) await clock.advance(1, settle);
    const windowEnd = limitedAt + 30_000;
    while (clock.now() < windowEnd + intervalMs) await clock.advance(100, settle);
    const during = sent.filter((t) => t > limitedAt! && t < windowEnd).length;
    const after = sent.filter((t) => t >= windowEnd && t < windowEnd + intervalMs).length;
    const simSaw = await sim.requestCount();
    return [
      {
        section,
        name: 'requests sent during a Retry-After: 30 window',
        value: String(during),
        goal: '0 (besides the 429)',
        met: during === 0,
        basis: `fake clock, ${ids.length} tasks, interval ${intervalMs / 1000} s: one injected 429 after a full round (${firstRound} requests); counted over the next 30 s of clock; ${after} sent in the ${intervalMs / 1000} s after it ended; the simulator got ${simSaw} from the 429 on`,
      },
    ];
  } finally {
    poller.dispose();
    await client.close();
  }
}

/** The poller's own share of the CPU time: the same load with `query` answered at once (no HTTP), fake clock. */
async function schedulingOnly(section: string, tasks: number, options: PollerBenchOptions): Promise<Figure> {
  const { intervalMs, intervals } = options;
  const clock = new FakeClock(Date.now());
  let answered = 0;
  const queued: QueryOutcome = { kind: 'ok', result: { id: '', status: 'queued', video_url: null, error: null } };
  const poller = new Poller({
    clock,
    intervalMs,
    concurrency: CONCURRENCY,
    query: async () => queued,
    onOutcome: () => void answered++,
  });
  const settle = (): Promise<void> => poller.settled();
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < tasks; i++) poller.track(`task-${i}`);
  await clock.advance(intervals * intervalMs - 1, settle);
  const cpu = process.cpuUsage(cpu0);
  poller.dispose();
  return {
    section,
    name: 'of which: Poller scheduling only (query stubbed)',
    value: `${fixed((cpu.user + cpu.system) / Math.max(1, answered), 0)} us`,
    basis: `same ${tasks} tasks x ${intervals} intervals, fake clock, query resolved at once; ${answered} requests; includes the fake clock's own cost`,
  };
}

/** Counts the TCP connections undici opens in this process (its `undici:client:connected` channel). */
function watchSockets(): { readonly peakOpen: number; readonly closedByServer: number; readonly closedByClient: number; stop(): void } {
  const state = { open: 0, peakOpen: 0, closedByServer: 0, closedByClient: 0, stopped: false };
  const onConnected = (message: unknown): void => {
    const socket = (message as { socket: Socket }).socket;
    let ended = false;
    state.open++;
    state.peakOpen = Math.max(state.peakOpen, state.open);
    socket.once('end', () => (ended = true));
    socket.once('close', () => {
      state.open--;
      if (state.stopped) return;
      if (ended) state.closedByServer++;
      else state.closedByClient++;
    });
  };
  diagnostics.subscribe('undici:client:connected', onConnected);
  return {
    get peakOpen() {
      return state.peakOpen;
    },
    get closedByServer() {
      return state.closedByServer;
    },
    get closedByClient() {
      return state.closedByClient;
    },
    stop: () => {
      state.stopped = true;
      diagnostics.unsubscribe('undici:client:connected', onConnected);
    },
  };
}
