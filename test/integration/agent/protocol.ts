/*
 * What the window-control server (test/host/windowControl.ts, in the runner), the agent in
 * another window's extension host (windowAgent.ts) and the tests (../windows.ts) say to each
 * other over loopback HTTP, all JSON:
 *
 *   tests  -> server  POST   /windows                 opens a window; answers {id} once its agent is ready
 *   tests  -> server  POST   /windows/:id/exec        {op, ...} (a WindowOp); answers the agent's OpResult
 *   tests  -> server  DELETE /windows/:id             closes the window's page; answers {closed: true}
 *   agent  -> server  POST   /agents/:id/ready        {info} (AgentInfo)
 *   agent  -> server  GET    /agents/:id/next         long poll: 200 {seq, op} or 204 (nothing yet, ask again)
 *   agent  -> server  POST   /agents/:id/result       {seq, result} (OpResult)
 *
 * Errors are answered with a status >= 400 and {error}.
 */
import * as http from 'node:http';

/** The environment variable with the server's URL (`http://127.0.0.1:PORT`); every extension host sees it. */
export const WINDOW_CONTROL_ENV = 'VEO_WINDOW_CONTROL';

/** How long the server holds an agent's GET /next before answering 204. */
export const LONG_POLL_MS = 20_000;

/** What one window's agent can be asked to do: named operations only, no code. */
export type WindowOp =
  /** `vscode.commands.executeCommand(id, ...args)`; the result comes back if it is JSON. */
  | { op: 'command'; id: string; args?: unknown[] }
  /** Calls a function of the extension's test API (src/testApi.ts), e.g. `rows` or `store.all`. */
  | { op: 'api'; name: string; args?: unknown[] }
  /** `start` records every notification the extension shows from now on (answering none); `read` returns them; `stop` ends it. */
  | { op: 'captureNotifications'; action: 'start' | 'read' | 'stop' }
  /**
   * `vscode.window.showInformationMessage(text, ...items)`: answers once the message is closed
   * (with the item chosen, if any), so it answers when `notifications.clearAll` runs there.
   */
  | { op: 'showMessage'; text: string; items?: string[] }
  /** Who the agent is (AgentInfo). */
  | { op: 'info' }
  /** Makes the agent's `run()` resolve (VS Code then ends that window's test run). */
  | { op: 'stop' };

export type OpResult = { ok: true; value?: unknown } | { ok: false; error: string };

export interface AgentInfo {
  /** `vscode.version` in that window. */
  version: string;
  /** Its extension host's process id (each window has its own). */
  pid: number;
}

/** What an op is, in errors and logs. */
export function describeOp(op: WindowOp): string {
  switch (op.op) {
    case 'command':
      return `command ${op.id}`;
    case 'api':
      return `api ${op.name}`;
    case 'captureNotifications':
      return `captureNotifications ${op.action}`;
    case 'showMessage':
      return `showMessage ${JSON.stringify(op.text)}`;
    default:
      return op.op;
  }
}

export interface HttpAnswer {
  status: number;
  body: unknown;
}

/**
 * One JSON request with node:http (not fetch: it behaves the same in the runner and in every
 * extension host, whatever VS Code does to fetch there). Rejects when nothing answers within
 * `timeoutMs`; a status >= 400 resolves, for the caller to report with its `error`.
 */
export function requestJson(url: string, method: string, body?: unknown, timeoutMs = 60_000): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(url, {
      method,
      agent: false,
      headers: payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
    });
    const timer = setTimeout(() => req.destroy(new Error(`${method} ${url}: no answer within ${timeoutMs} ms`)), timeoutMs);
    req.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        clearTimeout(timer);
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown;
        try {
          parsed = text ? JSON.parse(text) : undefined;
        } catch {
          parsed = { error: text };
        }
        resolve({ status: res.statusCode ?? 0, body: parsed });
      });
    });
    req.end(payload);
  });
}

/** The `error` of a failed answer, else a description of it. */
export function answerError(answer: HttpAnswer): string {
  const error = (answer.body as { error?: unknown } | undefined)?.error;
  return typeof error === 'string' ? error : `HTTP ${answer.status} ${JSON.stringify(answer.body)}`;
}
