/**
 * VeoSimulator: a real HTTP stand-in for the VEO API and its video host.
 *
 *   const sim = await VeoSimulator.start();
 *   const task = sim.addTask({ queuedMs: 1000, processingMs: 5000 });
 *   // point the extension at sim.apiBaseUrl with sim.apiKey
 *   sim.advance(6000);          // now completed; video_url points at sim.videoOrigin
 *   sim.injectFault({ kind: 'status', code: 429, retryAfter: '30' });
 *   await sim.close();
 *
 * Two servers on loopback: the API (apiBaseUrl, plus the /__sim/ control API)
 * and the video host (videoOrigin, another port, so another origin).
 * Fault syntax for single requests: see faults.ts.
 */
import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import { createApiListener, normalizeBasePath } from './apiServer';
import { type ClockKind, ManualClock, RealClock, type SimClock } from './clock';
import { handleControl, type ControlTarget, type TaskState } from './controlApi';
import { type ArmedFault, type Fault, FaultQueue, type FaultTarget } from './faults';
import type { Listener } from './listener';
import { type RecordedRequest, RequestLog } from './requestLog';
import { signedVideoUrl, UrlSigner } from './signing';
import { type SimStats, ServerStats } from './stats';
import { type SimTask, type TaskSpec, TaskStore } from './tasks';
import { createVideoListener } from './videoServer';

export type { ArmedFault, Fault, FaultKind, FaultTarget, OversizedField, RedirectCode, ServerName } from './faults';
export { defaultServerFor, FaultSyntaxError, HOPS_QUERY, parseFaultSpec } from './faults';
export { FAULT_HEADER, FAULT_QUERY } from './exchange';
export type { RecordedRequest } from './requestLog';
export type { SimStats } from './stats';
export { SimTask } from './tasks';
export type { TaskResultJson, TaskSpec } from './tasks';
export type { TaskState } from './controlApi';
export type { ClockKind, SimClock } from './clock';
export { createSyntheticStream, fillSynthetic, syntheticByte, syntheticRange, verifySynthetic } from './synthetic';
export { MODELS } from './validation';

/** From out/sim/simulator.js (or sim/simulator.ts): <repo>/sim/fixtures/sample-8s.mp4 */
export const FIXTURE_VIDEO = path.resolve(__dirname, '../../sim/fixtures/sample-8s.mp4');
export const DEFAULT_BASE_PATH = '/kyyReactApiServer';
export const DEFAULT_VIDEO_TTL_MS = 24 * 60 * 60 * 1000;

export interface SimulatorOptions {
  /** Default: 'sim-' + 32 random hex chars. */
  apiKey?: string;
  /** 0 = ephemeral (default). */
  apiPort?: number;
  /** 0 = ephemeral (default). */
  videoPort?: number;
  /** Default '127.0.0.1' (loopback only). */
  host?: string;
  /** Default '/kyyReactApiServer'. */
  basePath?: string;
  /** Default 'manual' (time moves only with advance()); 'real' follows Date.now(). */
  clock?: ClockKind;
  /** Sim ms per real ms for the 'real' clock. Default 1. */
  speed?: number;
  /** Sim clock start, ms epoch. Default: now, rounded down to a whole second. */
  startTime?: number;
  /** How long after completion video links work, ms. Default 24 h. */
  videoTtlMs?: number;
  /** The MP4 served for tasks without videoBytes. Default: sim/fixtures/sample-8s.mp4. */
  fixturePath?: string;
  /** Video host answers 400 to requests carrying Authorization (like S3 pre-signed URLs). Default true. */
  rejectAuthorizationOnVideo?: boolean;
}

export class VeoSimulator implements ControlTarget {
  readonly apiKey: string;
  readonly basePath: string;
  readonly host: string;
  readonly videoTtlMs: number;
  readonly clock: SimClock;
  private readonly tasks = new TaskStore();
  private readonly faults = new FaultQueue();
  private readonly log = new RequestLog();
  private readonly apiStats = new ServerStats();
  private readonly videoStats = new ServerStats();
  private readonly signer = new UrlSigner();
  private apiListener: Listener | undefined;
  private videoListener: Listener | undefined;
  private apiPort = 0;
  private videoPort = 0;
  private closed: Promise<void> | undefined;

  private constructor(
    options: SimulatorOptions,
    private readonly fixture: { path: string; size: number },
  ) {
    this.apiKey = options.apiKey ?? `sim-${randomBytes(16).toString('hex')}`;
    this.basePath = normalizeBasePath(options.basePath ?? DEFAULT_BASE_PATH);
    this.host = options.host ?? '127.0.0.1';
    this.videoTtlMs = options.videoTtlMs ?? DEFAULT_VIDEO_TTL_MS;
    this.clock = options.clock === 'real' ? new RealClock(options.speed ?? 1, options.startTime) : new ManualClock(options.startTime);
  }

  static async start(options: SimulatorOptions = {}): Promise<VeoSimulator> {
    const fixturePath = options.fixturePath ?? FIXTURE_VIDEO;
    const { size } = await stat(fixturePath);
    const sim = new VeoSimulator(options, { path: fixturePath, size });
    const now = (): number => sim.clock.now();
    sim.videoListener = createVideoListener({
      now, log: sim.log, faults: sim.faults, tasks: sim.tasks, stats: sim.videoStats, signer: sim.signer,
      fixture: sim.fixture, rejectAuthorization: options.rejectAuthorizationOnVideo ?? true,
    });
    sim.apiListener = createApiListener({
      now, log: sim.log, faults: sim.faults, tasks: sim.tasks, stats: sim.apiStats,
      apiKey: sim.apiKey, basePath: sim.basePath,
      videoUrlFor: (task) => sim.videoUrl(task),
      addTask: (spec) => sim.addTask(spec),
      control: (req, res, target) => handleControl(sim, req, res, target),
    });
    try {
      sim.videoPort = await sim.videoListener.listen(options.videoPort ?? 0, sim.host);
      sim.apiPort = await sim.apiListener.listen(options.apiPort ?? 0, sim.host);
    } catch (err) {
      await sim.close();
      throw err;
    }
    return sim;
  }

  private origin(port: number): string {
    const host = this.host.includes(':') ? `[${this.host}]` : this.host;
    return `http://${host}:${port}`;
  }

  /** e.g. http://127.0.0.1:43123 (also serves /__sim/). */
  get apiOrigin(): string {
    return this.origin(this.apiPort);
  }

  /** The extension's veo.baseUrl, e.g. http://127.0.0.1:43123/kyyReactApiServer */
  get apiBaseUrl(): string {
    return this.apiOrigin + this.basePath;
  }

  /** e.g. http://127.0.0.1:43124 -- a different port, so a different origin. */
  get videoOrigin(): string {
    return this.origin(this.videoPort);
  }

  /** Sim clock, ms epoch. */
  now(): number {
    return this.clock.now();
  }

  /** Move the sim clock forward. With the 'real' clock this skips ahead by `ms` on top of wall time. */
  advance(ms: number): void {
    this.clock.advance(ms);
  }

  addTask(spec: TaskSpec = {}): SimTask {
    return this.tasks.add(spec, this.clock.now());
  }

  task(id: string): SimTask | undefined {
    return this.tasks.get(id);
  }

  allTasks(): SimTask[] {
    return this.tasks.all();
  }

  /** Forget a task: the API answers 404 for it from now on, and so does the video host. */
  removeTask(id: string): boolean {
    return this.tasks.remove(id);
  }

  /** The link's expiry for a task: completion + TTL, ms. */
  videoExpiresAt(task: SimTask): number {
    return task.completedAtMs + (task.videoTtlMs ?? this.videoTtlMs);
  }

  /** The signed video URL the API reports for this task (id or task) once it is completed. */
  videoUrl(taskOrId: SimTask | string): string {
    const task = typeof taskOrId === 'string' ? this.tasks.get(taskOrId) : taskOrId;
    if (!task) throw new Error(`no such task: ${String(taskOrId)}`);
    return signedVideoUrl(this.videoOrigin, this.signer, task.id, this.videoExpiresAt(task));
  }

  /** The documented result JSON the API would answer now (no faults). */
  result(taskOrId: SimTask | string): ReturnType<SimTask['resultAt']> {
    const task = typeof taskOrId === 'string' ? this.tasks.get(taskOrId) : taskOrId;
    if (!task) throw new Error(`no such task: ${String(taskOrId)}`);
    return task.resultAt(this.now(), this.videoUrl(task));
  }

  describeTask(task: SimTask): TaskState {
    const now = this.now();
    return {
      id: task.id,
      model: task.model,
      created: task.created,
      createdMs: task.createdMs,
      queuedMs: task.queuedMs,
      processingMs: task.processingMs,
      outcome: task.outcome,
      error: task.error,
      actualDuration: task.actualDuration,
      forcedStatus: task.forcedStatus ?? null,
      videoBytes: task.videoBytes ?? null,
      videoTtlMs: task.videoTtlMs ?? this.videoTtlMs,
      completedAtMs: task.completedAtMs,
      expiresAtMs: this.videoExpiresAt(task),
      status: task.statusAt(now),
      videoUrl: this.videoUrl(task),
      result: this.result(task),
    };
  }

  /**
   * Arm a fault for the next `target.times` (default 1) matching requests.
   * No taskId = any request on that server; `on` defaults per kind (defaultServerFor in
   * faults.ts). times: Infinity or negative = unlimited. Throws FaultSyntaxError if invalid.
   */
  injectFault(fault: Fault, target: FaultTarget = {}): void {
    this.faults.add(fault, target);
  }

  pendingFaults(): readonly ArmedFault[] {
    return this.faults.pending();
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /** Every request either server received, in order (control API excluded). */
  get requests(): readonly RecordedRequest[] {
    return this.log.all;
  }

  clearRequests(): void {
    this.log.clear();
  }

  get stats(): SimStats {
    return {
      inFlight: this.apiStats.inFlight,
      maxInFlight: this.apiStats.maxInFlight,
      connections: this.apiStats.connections,
      videoInFlight: this.videoStats.inFlight,
      videoMaxInFlight: this.videoStats.maxInFlight,
      videoConnections: this.videoStats.connections,
    };
  }

  resetStats(): void {
    this.apiStats.reset();
    this.videoStats.reset();
  }

  state(): {
    now: number; clock: ClockKind; apiBaseUrl: string; videoOrigin: string; apiKey: string;
    stats: SimStats; tasks: TaskState[]; faults: readonly ArmedFault[];
  } {
    return {
      now: this.now(),
      clock: this.clock.kind,
      apiBaseUrl: this.apiBaseUrl,
      videoOrigin: this.videoOrigin,
      apiKey: this.apiKey,
      stats: this.stats,
      tasks: this.allTasks().map((t) => this.describeTask(t)),
      faults: this.pendingFaults(),
    };
  }

  /** Close both servers, destroying open sockets (and stalled responses) at once. Idempotent. */
  close(): Promise<void> {
    this.closed ??= Promise.all([this.apiListener?.close(), this.videoListener?.close()]).then(() => undefined);
    return this.closed;
  }
}
