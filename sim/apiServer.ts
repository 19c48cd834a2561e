/**
 * The VEO API: GET {basePath}/v1/result/{id} and POST {basePath}/v1/veo/videos,
 * plus the unauthenticated control API under /__sim/ (see controlApi.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ExchangeDeps, runExchange, type Route } from './exchange';
import { errorResponse, jsonResponse, type PlannedResponse } from './http';
import { Listener } from './listener';
import { type RequestTarget, splitTarget } from './requestTarget';
import type { ServerStats } from './stats';
import type { SimTask, TaskSpec, TaskStore } from './tasks';
import { validateCreateRequest } from './validation';

export const CONTROL_PREFIX = '/__sim/';

export interface ApiServerDeps extends ExchangeDeps {
  apiKey: string;
  basePath: string;
  tasks: TaskStore;
  stats: ServerStats;
  videoUrlFor(task: SimTask): string;
  addTask(spec: TaskSpec): SimTask;
  control(req: IncomingMessage, res: ServerResponse, target: RequestTarget): Promise<void>;
}

/** '/kyyReactApiServer/' -> '/kyyReactApiServer'; '' and '/' -> ''. */
export function normalizeBasePath(basePath: string): string {
  const trimmed = basePath.replace(/\/+$/, '');
  if (trimmed === '') return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

function checkAuth(req: IncomingMessage, apiKey: string): PlannedResponse | undefined {
  const header = req.headers.authorization;
  const challenge = { 'www-authenticate': 'Bearer' };
  if (header === undefined || header.trim() === '') {
    return errorResponse(401, 'Missing API key: send Authorization: Bearer <key>', 'authentication_error', challenge);
  }
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m || m[1] !== apiKey) {
    return errorResponse(401, 'Invalid API key', 'authentication_error', challenge);
  }
  return undefined;
}

function methodNotAllowed(allow: string): PlannedResponse {
  return errorResponse(405, `Method not allowed; use ${allow}`, 'invalid_request_error', { allow });
}

function notFound(what: string): PlannedResponse {
  return errorResponse(404, what, 'not_found_error');
}

export function resultRoute(deps: ApiServerDeps, req: IncomingMessage, rawId: string): Route {
  let id: string | undefined;
  try {
    id = decodeURIComponent(rawId);
  } catch {
    id = undefined;
  }
  const task = id === undefined ? undefined : deps.tasks.get(id);
  const resultNow = (): ReturnType<SimTask['resultAt']> | undefined => task?.resultAt(deps.now(), deps.videoUrlFor(task));
  return {
    taskId: id,
    result: resultNow,
    plan: () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return methodNotAllowed('GET');
      const denied = checkAuth(req, deps.apiKey);
      if (denied) return denied;
      const result = resultNow();
      if (!result) return notFound(`Task not found: ${id ?? rawId}`);
      return jsonResponse(200, result);
    },
  };
}

export function createRoute(deps: ApiServerDeps, req: IncomingMessage): Route {
  return {
    plan: (body) => {
      if (req.method !== 'POST') return methodNotAllowed('POST');
      const denied = checkAuth(req, deps.apiKey);
      if (denied) return denied;
      let parsed: unknown;
      try {
        parsed = JSON.parse((body ?? Buffer.alloc(0)).toString('utf8'));
      } catch {
        return errorResponse(400, 'Request body is not valid JSON', 'invalid_request_error');
      }
      const checked = validateCreateRequest(parsed);
      if (!checked.ok) return errorResponse(400, checked.message, 'invalid_request_error');
      const task = deps.addTask({ model: checked.value.model, request: parsed });
      return jsonResponse(200, { id: task.id, object: 'video', created: task.created, model: task.model, status: 'queued' });
    },
  };
}

function route(deps: ApiServerDeps, req: IncomingMessage, pathname: string): Route {
  const base = deps.basePath;
  if (pathname.startsWith(base + '/')) {
    const rest = pathname.slice(base.length);
    const result = /^\/v1\/result\/([^/]+)$/.exec(rest);
    if (result) return resultRoute(deps, req, result[1]);
    if (rest === '/v1/veo/videos') return createRoute(deps, req);
  }
  return { plan: () => notFound(`No route for ${req.method ?? 'GET'} ${pathname}`) };
}

export function createApiListener(deps: ApiServerDeps): Listener {
  return new Listener(async (req, res) => {
    const target = splitTarget(req.url);
    if (target.pathname.startsWith(CONTROL_PREFIX)) {
      await deps.control(req, res, target);
      return;
    }
    await runExchange(deps, 'api', deps.stats, req, res, target, route(deps, req, target.pathname));
  });
}
