/*
 * Runs in the extension host of a window the tests opened besides their own (see
 * ../windows.ts and test/host/windowControl.ts): VS Code calls the `run()` of the small module
 * the runner writes for that window (it calls `runAgent` with the window's id, which the
 * environment cannot carry: every extension host of the server shares it). The agent
 * long-polls the window-control server for operations, runs each (several may be under way,
 * so one that hangs does not hold up the rest) and posts the result back. It resolves when
 * told to stop, or when the server is gone.
 */
import * as vscode from 'vscode';
import { extensionApi } from '../helpers';
import { captureNotifications, Shown } from '../notificationsCapture';
import { AgentInfo, answerError, describeOp, LONG_POLL_MS, OpResult, requestJson, WINDOW_CONTROL_ENV, WindowOp } from './protocol';

const log = (windowId: string, message: string) => console.log(`[agent ${windowId}] ${message}`);

export async function runAgent(windowId: string): Promise<void> {
  const base = process.env[WINDOW_CONTROL_ENV];
  if (!base) throw new Error(`${WINDOW_CONTROL_ENV} is not set: the window agent needs the runner's window-control server`);
  const agent = `${base}/agents/${encodeURIComponent(windowId)}`;
  const info: AgentInfo = { version: vscode.version, pid: process.pid };
  const ready = await requestJson(`${agent}/ready`, 'POST', { info }, 10_000);
  if (ready.status >= 400) throw new Error(`window ${windowId}: the control server refused the agent: ${answerError(ready)}`);
  log(windowId, `ready in VS Code ${info.version}, extension host pid ${info.pid}`);

  const ops = new Operations();
  for (;;) {
    let next;
    try {
      next = await requestJson(`${agent}/next`, 'GET', undefined, LONG_POLL_MS + 15_000);
    } catch (e) {
      // The runner has ended (or is ending) the run.
      log(windowId, `control server gone (${(e as Error).message}); stopping`);
      return;
    }
    if (next.status === 204) continue;
    if (next.status >= 400) {
      log(windowId, `stopping: ${answerError(next)}`);
      return;
    }
    const { seq, op } = next.body as { seq: number; op: WindowOp };
    const done = ops.run(op).then((result) => requestJson(`${agent}/result`, 'POST', { seq, result }, 10_000).catch(() => undefined));
    if (op.op === 'stop') {
      await done;
      ops.dispose();
      log(windowId, 'stopped');
      return;
    }
  }
}

class Operations {
  private capture: { shown: Shown[]; restore(): void } | undefined;

  async run(op: WindowOp): Promise<OpResult> {
    try {
      return { ok: true, value: asJson(await this.execute(op)) };
    } catch (e) {
      return { ok: false, error: `${describeOp(op)}: ${e instanceof Error ? e.message : String(e)}` };
    }
  }

  dispose(): void {
    this.capture?.restore();
    this.capture = undefined;
  }

  private async execute(op: WindowOp): Promise<unknown> {
    switch (op.op) {
      case 'command':
        return vscode.commands.executeCommand(op.id, ...(op.args ?? []));
      case 'api':
        return callApi(op.name, op.args ?? []);
      case 'captureNotifications':
        if (op.action === 'start') {
          this.dispose();
          this.capture = captureNotifications();
          return undefined;
        }
        if (!this.capture) throw new Error('not capturing: start first');
        if (op.action === 'read') return this.capture.shown;
        this.dispose();
        return undefined;
      case 'showMessage':
        return vscode.window.showInformationMessage(op.text, ...(op.items ?? []));
      case 'info':
        return { version: vscode.version, pid: process.pid } satisfies AgentInfo;
      case 'stop':
        return undefined;
      default:
        throw new Error(`unknown operation ${JSON.stringify(op)}`);
    }
  }
}

/** Calls the test API's function `name` (a dotted path, e.g. `rows` or `store.all`) on its object. */
async function callApi(name: string, args: unknown[]): Promise<unknown> {
  let target: unknown = await extensionApi();
  let owner: unknown;
  for (const key of name.split('.')) {
    if (!/^\w+$/.test(key) || key === 'constructor' || key === 'prototype' || key === '__proto__') throw new Error(`not a test API name: ${name}`);
    if (target === null || typeof target !== 'object' || !(key in target)) throw new Error(`the test API has no ${name}`);
    owner = target;
    target = (target as Record<string, unknown>)[key];
  }
  if (typeof target !== 'function') throw new Error(`the test API's ${name} is not a function`);
  return (target as (...a: unknown[]) => unknown).apply(owner, args);
}

/** `value` as it comes back through JSON (undefined if it cannot). */
function asJson(value: unknown): unknown {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}
