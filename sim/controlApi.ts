/**
 * Control API for tests and demos that drive the simulator from another
 * process. Served on the API port under /__sim/, without auth, to loopback
 * clients only, and never recorded in the request log or the stats.
 *
 *   GET  /__sim/state            {now, clock, apiBaseUrl, videoOrigin, apiKey, stats, tasks, faults}
 *   POST /__sim/advance          {"ms": N}                -> {now}
 *   GET  /__sim/tasks            -> [TaskState]
 *   POST /__sim/tasks            TaskSpec                 -> TaskState
 *   GET  /__sim/tasks/{id}       -> TaskState | 404
 *   POST /__sim/faults           {"fault": Fault, "target"?: FaultTarget}  (times: -1 = unlimited)
 *   GET  /__sim/faults           -> pending faults
 *   DELETE /__sim/faults         clear pending faults
 *   GET  /__sim/requests         -> [RecordedRequest]
 *   POST /__sim/reset-requests   clear the request log
 *   POST /__sim/reset-stats      reset the counters
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ArmedFault, Fault, FaultTarget } from './faults';
import { FaultSyntaxError, validateFault } from './faults';
import { BodyTooLargeError, errorResponse, isLoopback, jsonResponse, type PlannedResponse, readRequestBody, sendPlanned } from './http';
import type { RecordedRequest } from './requestLog';
import type { RequestTarget } from './requestTarget';
import type { SimTask, TaskSpec } from './tasks';

/** A task as the control API and sim.describeTask() show it. */
export interface TaskState {
  id: string;
  model: string;
  created: number;
  createdMs: number;
  queuedMs: number;
  processingMs: number;
  outcome: 'completed' | 'failed';
  error: string;
  actualDuration: number;
  forcedStatus: string | null;
  videoBytes: number | null;
  videoTtlMs: number;
  completedAtMs: number;
  /** When the video link stops working, ms. */
  expiresAtMs: number;
  /** Status at the simulator's current time. */
  status: string;
  /** The signed link (whether or not the task is completed yet). */
  videoUrl: string;
  /** Exactly what GET /v1/result/{id} answers now (without faults). */
  result: ReturnType<SimTask['resultAt']>;
}

export interface ControlTarget {
  now(): number;
  advance(ms: number): void;
  addTask(spec: TaskSpec): SimTask;
  task(id: string): SimTask | undefined;
  allTasks(): SimTask[];
  describeTask(task: SimTask): TaskState;
  injectFault(fault: Fault, target?: FaultTarget): void;
  pendingFaults(): readonly ArmedFault[];
  clearFaults(): void;
  readonly requests: readonly RecordedRequest[];
  clearRequests(): void;
  resetStats(): void;
  state(): unknown;
}

class BadRequest extends Error {}

const SPEC_FIELDS: Record<keyof TaskSpec, 'string' | 'number' | 'any'> = {
  id: 'string', model: 'string', created: 'number', queuedMs: 'number', processingMs: 'number', outcome: 'string',
  error: 'string', actualDuration: 'number', status: 'string', videoBytes: 'number', videoTtlMs: 'number', request: 'any',
};

export function taskSpecFromJson(input: unknown): TaskSpec {
  if (input === undefined || input === null) return {};
  if (typeof input !== 'object' || Array.isArray(input)) throw new BadRequest('task spec must be a JSON object');
  const spec: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    const type = SPEC_FIELDS[key as keyof TaskSpec];
    if (type === undefined) throw new BadRequest(`unknown task spec field: ${key}`);
    if (value === null) continue;
    if (type !== 'any' && typeof value !== type) throw new BadRequest(`task spec field ${key} must be a ${type}`);
    spec[key] = value;
  }
  return spec as TaskSpec;
}

function faultTargetFromJson(input: unknown): FaultTarget {
  if (input === undefined || input === null) return {};
  if (typeof input !== 'object' || Array.isArray(input)) throw new BadRequest('target must be a JSON object');
  const o = input as Record<string, unknown>;
  const target: FaultTarget = {};
  if (o.taskId !== undefined && o.taskId !== null) {
    if (typeof o.taskId !== 'string') throw new BadRequest('target.taskId must be a string');
    target.taskId = o.taskId;
  }
  if (o.times !== undefined && o.times !== null) {
    if (typeof o.times !== 'number') throw new BadRequest('target.times must be a number (-1 = unlimited)');
    target.times = o.times;
  }
  if (o.on !== undefined && o.on !== null) {
    if (o.on !== 'api' && o.on !== 'video') throw new BadRequest("target.on must be 'api' or 'video'");
    target.on = o.on;
  }
  return target;
}

async function jsonBody(req: IncomingMessage): Promise<unknown> {
  const raw = (await readRequestBody(req, 1024 * 1024)).toString('utf8');
  if (raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw new BadRequest('body is not valid JSON');
  }
}

async function dispatch(sim: ControlTarget, req: IncomingMessage, path: string): Promise<PlannedResponse> {
  const method = req.method ?? 'GET';
  const key = `${method} ${path}`;
  switch (key) {
    case 'GET state':
      return jsonResponse(200, sim.state());
    case 'POST advance': {
      const body = (await jsonBody(req)) as { ms?: unknown } | undefined;
      const ms = body?.ms;
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) throw new BadRequest('advance needs {"ms": <number >= 0>}');
      sim.advance(ms);
      return jsonResponse(200, { now: sim.now() });
    }
    case 'GET tasks':
      return jsonResponse(200, sim.allTasks().map((t) => sim.describeTask(t)));
    case 'POST tasks': {
      const spec = taskSpecFromJson(await jsonBody(req));
      if (spec.id !== undefined && sim.task(spec.id)) throw new BadRequest(`task ${spec.id} already exists`);
      return jsonResponse(200, sim.describeTask(sim.addTask(spec)));
    }
    case 'POST faults': {
      const body = (await jsonBody(req)) as { fault?: unknown; target?: unknown } | undefined;
      const fault = validateFault(body?.fault);
      sim.injectFault(fault, faultTargetFromJson(body?.target));
      return jsonResponse(200, { ok: true, pending: sim.pendingFaults() });
    }
    case 'GET faults':
      return jsonResponse(200, sim.pendingFaults());
    case 'DELETE faults':
      sim.clearFaults();
      return jsonResponse(200, { ok: true });
    case 'GET requests':
      return jsonResponse(200, sim.requests);
    case 'POST reset-requests':
      sim.clearRequests();
      return jsonResponse(200, { ok: true });
    case 'POST reset-stats':
      sim.resetStats();
      return jsonResponse(200, { ok: true });
  }
  const taskPath = /^tasks\/(.+)$/.exec(path);
  if (taskPath && method === 'GET') {
    const task = sim.task(decodeURIComponent(taskPath[1]));
    return task ? jsonResponse(200, sim.describeTask(task)) : errorResponse(404, 'no such task', 'not_found_error');
  }
  return errorResponse(404, `unknown control endpoint: ${method} /__sim/${path}`, 'not_found_error');
}

export async function handleControl(sim: ControlTarget, req: IncomingMessage, res: ServerResponse, target: RequestTarget): Promise<void> {
  let planned: PlannedResponse;
  if (!isLoopback(req.socket.remoteAddress)) {
    planned = errorResponse(403, 'the control API answers loopback clients only', 'permission_error');
  } else {
    try {
      planned = await dispatch(sim, req, target.pathname.slice('/__sim/'.length));
    } catch (err) {
      if (err instanceof BadRequest || err instanceof FaultSyntaxError || err instanceof RangeError || err instanceof BodyTooLargeError || err instanceof URIError) {
        planned = errorResponse(400, err.message, 'invalid_request_error');
      } else {
        throw err;
      }
    }
  }
  await sendPlanned(req, res, planned);
}
