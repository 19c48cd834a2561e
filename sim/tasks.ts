/**
 * The task model: a task's documented state as a function of simulated time.
 */
import { randomBytes } from 'node:crypto';

export const KNOWN_STATUSES = ['queued', 'processing', 'completed', 'failed'] as const;
export type KnownStatus = (typeof KNOWN_STATUSES)[number];

export interface TaskSpec {
  /** Default 'vgen_' + 12 random hex chars. Any string (opaque id). */
  id?: string;
  /** Default 'veo_3_1_fast'. */
  model?: string;
  /** Creation time in SECONDS (like the API's `created`). Default: sim now. */
  created?: number;
  /** Time spent queued, ms. Default 20_000. */
  queuedMs?: number;
  /** Time spent processing, ms. Default 60_000. */
  processingMs?: number;
  /** Final state. Default 'completed'. */
  outcome?: 'completed' | 'failed';
  /** Error text reported once failed. Default 'Content policy violation'. */
  error?: string;
  /** actualDuration reported once completed, seconds. Default 8. */
  actualDuration?: number;
  /** Force this status forever (e.g. an unknown 'paused'). */
  status?: string;
  /** Serve a synthetic deterministic body of this many bytes instead of the fixture. */
  videoBytes?: number;
  /** Per-task override of the simulator's video link lifetime after completion, ms. */
  videoTtlMs?: number;
  /** Free-form: the create request body, when the task came from POST /v1/veo/videos. */
  request?: unknown;
}

/** The documented result object of GET /v1/result/{id}. */
export interface TaskResultJson {
  id: string;
  object: 'video';
  created: number;
  model: string;
  status: string;
  video_url: string | null;
  actualDuration?: number;
  error: string | null;
}

export const DEFAULT_MODEL = 'veo_3_1_fast';
export const DEFAULT_QUEUED_MS = 20_000;
export const DEFAULT_PROCESSING_MS = 60_000;
export const DEFAULT_ERROR = 'Content policy violation';
export const DEFAULT_ACTUAL_DURATION = 8;

export function randomTaskId(): string {
  return 'vgen_' + randomBytes(6).toString('hex');
}

function nonNegative(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`TaskSpec.${name} must be a finite number >= 0, got ${value}`);
  }
  return value;
}

/** One simulated task. Fields are public and mutable so tests can reshape a task mid-run. */
export class SimTask {
  id: string;
  model: string;
  /** Exact creation time, ms (the base of the timeline). */
  createdMs: number;
  queuedMs: number;
  processingMs: number;
  outcome: 'completed' | 'failed';
  error: string;
  actualDuration: number;
  /** When set, reported as the status forever. */
  forcedStatus: string | undefined;
  videoBytes: number | undefined;
  videoTtlMs: number | undefined;
  request: unknown;

  constructor(spec: TaskSpec, nowMs: number) {
    this.id = spec.id ?? randomTaskId();
    if (this.id.length === 0) throw new RangeError('TaskSpec.id must not be empty');
    this.model = spec.model ?? DEFAULT_MODEL;
    this.createdMs = spec.created !== undefined ? nonNegative('created', spec.created) * 1000 : nowMs;
    this.queuedMs = nonNegative('queuedMs', spec.queuedMs ?? DEFAULT_QUEUED_MS);
    this.processingMs = nonNegative('processingMs', spec.processingMs ?? DEFAULT_PROCESSING_MS);
    this.outcome = spec.outcome ?? 'completed';
    if (this.outcome !== 'completed' && this.outcome !== 'failed') {
      throw new RangeError(`TaskSpec.outcome must be 'completed' or 'failed', got ${String(this.outcome)}`);
    }
    this.error = spec.error ?? DEFAULT_ERROR;
    this.actualDuration = spec.actualDuration ?? DEFAULT_ACTUAL_DURATION;
    this.forcedStatus = spec.status;
    this.videoBytes = spec.videoBytes !== undefined ? Math.floor(nonNegative('videoBytes', spec.videoBytes)) : undefined;
    this.videoTtlMs = spec.videoTtlMs !== undefined ? nonNegative('videoTtlMs', spec.videoTtlMs) : undefined;
    this.request = spec.request;
  }

  /** `created` as the API reports it: integer seconds. */
  get created(): number {
    return Math.floor(this.createdMs / 1000);
  }

  /** When the task reaches its outcome, ms. A forced 'completed' counts as completed since creation. */
  get completedAtMs(): number {
    if (this.forcedStatus === 'completed') return this.createdMs;
    return this.createdMs + this.queuedMs + this.processingMs;
  }

  statusAt(nowMs: number): string {
    if (this.forcedStatus !== undefined) return this.forcedStatus;
    if (nowMs < this.createdMs + this.queuedMs) return 'queued';
    if (nowMs < this.completedAtMs) return 'processing';
    return this.outcome;
  }

  /** True when the video exists at `nowMs` (whether or not its link has expired). */
  hasVideoAt(nowMs: number): boolean {
    return this.statusAt(nowMs) === 'completed';
  }

  /**
   * The documented JSON at `nowMs`, fields in documented order.
   * `videoUrl` is the signed link to report once completed.
   */
  resultAt(nowMs: number, videoUrl: string): TaskResultJson {
    const status = this.statusAt(nowMs);
    const completed = status === 'completed';
    return {
      id: this.id,
      object: 'video',
      created: this.created,
      model: this.model,
      status,
      video_url: completed ? videoUrl : null,
      ...(completed ? { actualDuration: this.actualDuration } : {}),
      error: status === 'failed' ? this.error : null,
    };
  }
}

/** Tasks by id, in insertion order. */
export class TaskStore {
  private readonly byId = new Map<string, SimTask>();

  add(spec: TaskSpec, nowMs: number): SimTask {
    const task = new SimTask(spec, nowMs);
    if (this.byId.has(task.id)) throw new Error(`duplicate task id: ${task.id}`);
    this.byId.set(task.id, task);
    return task;
  }

  get(id: string): SimTask | undefined {
    return this.byId.get(id);
  }

  remove(id: string): boolean {
    return this.byId.delete(id);
  }

  all(): SimTask[] {
    return [...this.byId.values()];
  }
}
