/**
 * The path every recorded request takes on either server:
 * record -> count -> read body -> pick faults -> delay -> respond (maybe damaged).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { applyResponseFault, type FaultContext } from './faultResponses';
import {
  FAULT_HEADER, FAULT_QUERY, type Fault, type FaultQueue, FaultSyntaxError, parseFaultSpec, pickFaults, type RequestFaults, type ServerName,
} from './faults';
import { BodyTooLargeError, errorResponse, type PlannedResponse, readRequestBody, sendPlanned } from './http';
import type { RecordedRequest, RequestLog } from './requestLog';
import type { RequestTarget } from './requestTarget';
import type { ServerStats } from './stats';
import type { TaskResultJson } from './tasks';

export { FAULT_HEADER, FAULT_QUERY } from './faults';
const MAX_REQUEST_BODY = 1024 * 1024;

export interface ExchangeDeps {
  now(): number;
  log: RequestLog;
  faults: FaultQueue;
}

export interface Route {
  /** Decoded task id named by the path, if any (for logging and per-task faults). */
  taskId?: string;
  /** Build the normal response (the body, if any, has been read). */
  plan(body: Buffer | undefined): PlannedResponse;
  /** The task's documented result now, for the unknownStatus fault. */
  result?(): TaskResultJson | undefined;
}

function requestFaultSpec(req: IncomingMessage, target: RequestTarget): string | undefined {
  const header = req.headers[FAULT_HEADER];
  if (typeof header === 'string' && header.trim() !== '') return header;
  return target.query.get(FAULT_QUERY) ?? undefined;
}

/** host[:port] the client addressed, for absolute Locations. */
function hostOf(req: IncomingMessage): string {
  if (req.headers.host) return req.headers.host;
  const { localAddress = '127.0.0.1', localPort } = req.socket;
  return `${localAddress.includes(':') ? `[${localAddress}]` : localAddress}:${localPort ?? 80}`;
}

function sleep(ms: number, res: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    const onClose = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      res.off('close', onClose);
      resolve(true);
    }, ms);
    res.once('close', onClose);
  });
}

export async function runExchange(
  deps: ExchangeDeps,
  server: ServerName,
  stats: ServerStats,
  req: IncomingMessage,
  res: ServerResponse,
  target: RequestTarget,
  route: Route,
): Promise<void> {
  const record: RecordedRequest = deps.log.record(server, req, deps.now());
  if (route.taskId !== undefined) record.taskId = route.taskId;
  stats.track(req.socket, res);

  let body: Buffer | undefined;
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') {
    try {
      body = await readRequestBody(req, MAX_REQUEST_BODY);
      if (body.length > 0) record.body = body.toString('utf8');
    } catch (err) {
      if (!(err instanceof BodyTooLargeError)) throw err;
      record.status = 413;
      await sendPlanned(req, res, errorResponse(413, err.message, 'invalid_request_error', { connection: 'close' }));
      return;
    }
  }

  let picked: RequestFaults;
  const spec = requestFaultSpec(req, target);
  if (spec !== undefined) {
    let perRequest: Fault[];
    try {
      perRequest = parseFaultSpec(spec);
    } catch (err) {
      if (!(err instanceof FaultSyntaxError)) throw err;
      record.status = 400;
      await sendPlanned(req, res, errorResponse(400, `bad ${FAULT_HEADER} / ${FAULT_QUERY}: ${err.message}`, 'simulator_error'));
      return;
    }
    picked = pickFaults(perRequest);
  } else {
    picked = deps.faults.take(server, route.taskId);
  }
  const applied = [picked.delay, picked.response].filter((f): f is Fault => f !== undefined);
  if (applied.length > 0) record.faults = applied;

  if (picked.delay && picked.delay.ms > 0) {
    const stillThere = await sleep(picked.delay.ms, res);
    if (!stillThere) return;
  }

  if (picked.response) {
    const ctx: FaultContext = {
      server, taskId: route.taskId, result: route.result?.(), nowMs: deps.now(), target, host: hostOf(req),
    };
    const { planned, cut } = applyResponseFault(picked.response, () => route.plan(body), ctx);
    record.status = planned.status;
    await sendPlanned(req, res, planned, cut);
    return;
  }
  const planned = route.plan(body);
  record.status = planned.status;
  await sendPlanned(req, res, planned);
}
