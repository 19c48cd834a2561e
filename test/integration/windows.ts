/*
 * Another VS Code window for a test running in this one: another page of the same workbench
 * on the same code-server and workspace, so another extension host with its own activation
 * of the extension (as a second window of one user). The runner opens it
 * (test/host/windowControl.ts) and an agent in its extension host runs what the test asks
 * (test/integration/agent/windowAgent.ts): named operations only, results as JSON.
 *
 * What the windows share and what they do not (code-server, measured): user settings (so
 * `veo.baseUrl` pointing at this window's simulator reaches the other window too), the
 * workspace folder and the server's disk; not SecretStorage (one per browser tab: set the key
 * in each window), not the extension's objects.
 */
import type { TrackedTask } from '../../src/store/trackedTask';
import type { Shown } from './notificationsCapture';
import { AgentInfo, answerError, requestJson, WINDOW_CONTROL_ENV, WindowOp } from './agent/protocol';

export interface CallOptions {
  /** How long the other window may take to answer (default 30 s); past it the call fails saying so. */
  timeoutMs?: number;
}

export interface CloseResult {
  /** How long closing its page took (ms). */
  closeMs: number;
  /** How long after that its extension host process ended, or null if it still ran 5 s later. */
  extensionHostEndedMs: number | null;
}

export interface SecondWindow {
  /** The window's number in the runner's output (`[window 2] ...`): the first window is 1. */
  readonly id: string;
  /** Its `vscode.version` and extension host pid when it opened. */
  readonly info: AgentInfo;
  /** How long opening it took, until its agent was ready (ms). */
  readonly openMs: number;
  /** `vscode.commands.executeCommand(id, ...args)` there; its result if it is JSON. */
  command<T = unknown>(id: string, ...args: unknown[]): Promise<T>;
  /** Calls the extension's test API function `name` there (src/testApi.ts; dotted: `store.all`). */
  api<T = unknown>(name: string, ...args: unknown[]): Promise<T>;
  /** Like `command` and `api`, with a timeout of its own. */
  commandWithin<T = unknown>(options: CallOptions, id: string, ...args: unknown[]): Promise<T>;
  apiWithin<T = unknown>(options: CallOptions, name: string, ...args: unknown[]): Promise<T>;
  /**
   * Shows an information message there; resolves once it is closed (e.g. by
   * `command('notifications.clearAll')`) with the item chosen, if any.
   */
  showMessage(text: string, options?: CallOptions & { items?: string[] }): Promise<string | undefined>;
  /** Its extension host's `vscode.version` and pid, asked now. */
  currentInfo(options?: CallOptions): Promise<AgentInfo>;
  /** From now on, records the notifications the extension shows there (answering none). */
  captureNotifications(): Promise<void>;
  /** What it showed since `captureNotifications` (which `notifications` also starts if not yet). */
  notifications(): Promise<Shown[]>;
  /** Stops recording notifications there: they show (and wait for the user) again. */
  stopCapturingNotifications(): Promise<void>;
  /**
   * `close` (default): closes its page as a user closes the tab (beforeunload handlers run);
   * the workbench says goodbye to code-server, which ends its extension host at once.
   * `crash`: its renderer dies without running anything (as a killed tab or a lost connection
   * look to the server); code-server keeps its extension host for its reconnection grace time
   * (hours), and that host still answers `command`, `api` and `currentInfo`, except for calls
   * that need the workbench (e.g. `setContext`, `showMessage`, `globalState.update`): they
   * never answer. Measured on both hosts; see windows.test.ts.
   */
  close(options?: { how?: 'close' | 'crash' }): Promise<CloseResult>;
  readonly closed: boolean;
  /** Ends the extension host of a closed (crashed) window, as if its grace time were over. */
  endExtensionHost(): Promise<void>;
}

function controlUrl(): string {
  const url = process.env[WINDOW_CONTROL_ENV];
  if (!url) {
    throw new Error(
      `${WINDOW_CONTROL_ENV} is not set, so no second window can be opened: run the integration tests through ` +
        'test/host/runCodeServerTests.ts (npm run test:integration), which starts the window-control server',
    );
  }
  return url;
}

/** Whether this run can open more windows (the code-server runner; not the Electron one). */
export function canOpenWindows(): boolean {
  return Boolean(process.env[WINDOW_CONTROL_ENV]);
}

/** Opens another window on this workspace and waits until its agent is ready (tens of seconds). */
export async function openSecondWindow(): Promise<SecondWindow> {
  const base = controlUrl();
  const opened = await requestJson(`${base}/windows`, 'POST', {}, 180_000);
  if (opened.status >= 400) throw new Error(`could not open another window: ${answerError(opened)}`);
  const { id, info, openMs } = opened.body as { id: string; info: AgentInfo; openMs: number };
  const windowUrl = `${base}/windows/${encodeURIComponent(id)}`;
  let closed = false;
  let capturing = false;

  async function exec<T>(op: WindowOp, options: CallOptions = {}): Promise<T> {
    const timeoutMs = options.timeoutMs ?? 30_000;
    const answer = await requestJson(`${windowUrl}/exec`, 'POST', { ...op, timeoutMs }, timeoutMs + 10_000);
    if (answer.status >= 400) throw new Error(`window ${id}: ${answerError(answer)}`);
    return (answer.body as { value: T }).value;
  }

  const window: SecondWindow = {
    id,
    info,
    openMs,
    command: (commandId, ...args) => exec({ op: 'command', id: commandId, args }),
    api: (name, ...args) => exec({ op: 'api', name, args }),
    commandWithin: (options, commandId, ...args) => exec({ op: 'command', id: commandId, args }, options),
    apiWithin: (options, name, ...args) => exec({ op: 'api', name, args }, options),
    showMessage: (text, options) => exec({ op: 'showMessage', text, items: options?.items }, options),
    currentInfo: (options) => exec({ op: 'info' }, options),
    captureNotifications: async () => {
      await exec({ op: 'captureNotifications', action: 'start' });
      capturing = true;
    },
    notifications: async () => {
      if (!capturing) await window.captureNotifications();
      return exec({ op: 'captureNotifications', action: 'read' });
    },
    stopCapturingNotifications: async () => {
      if (!capturing) return;
      await exec({ op: 'captureNotifications', action: 'stop' });
      capturing = false;
    },
    endExtensionHost: async () => {
      const answer = await requestJson(`${windowUrl}/end`, 'POST', {}, 30_000);
      if (answer.status >= 400) throw new Error(`could not end window ${id}'s extension host: ${answerError(answer)}`);
    },
    close: async (options = {}) => {
      const answer = await requestJson(`${windowUrl}?how=${options.how ?? 'close'}`, 'DELETE', undefined, 60_000);
      if (answer.status >= 400) throw new Error(`could not close window ${id}: ${answerError(answer)}`);
      closed = true;
      return answer.body as CloseResult;
    },
    get closed() {
      return closed;
    },
  };
  return window;
}

/**
 * Waits until the other window's tree shows exactly `expected` rows (task ids, in order),
 * asking it every 200 ms: for tests of what one window's change does to the other (a store
 * both windows share). Fails with what it showed last.
 */
export async function waitForRowsIn(window: SecondWindow, expected: string[], timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await window.api<string[]>('rows');
    if (JSON.stringify(rows) === JSON.stringify(expected)) return;
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for window ${window.id} to show rows ${JSON.stringify(expected)}: it shows ${JSON.stringify(rows)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The task as the other window's store has it (JSON: dates as strings), if it tracks it. */
export async function taskIn(window: SecondWindow, id: string, options?: CallOptions): Promise<TrackedTask | undefined> {
  return (await window.apiWithin<TrackedTask | null>(options ?? {}, 'store.get', id)) ?? undefined;
}

/**
 * Forgets every task the other window's store tracks (as `forgetAllTasks` in helpers.ts does
 * here). Without `flush` after a close: writing state needs the workbench, which is gone then.
 */
export async function forgetAllTasksIn(window: SecondWindow, options: CallOptions = {}): Promise<void> {
  const ids = (await window.apiWithin<TrackedTask[]>(options, 'store.all')).map((t) => t.id);
  if (ids.length > 0) await window.apiWithin(options, 'store.remove', ids);
  if (!window.closed) await window.apiWithin(options, 'store.flush');
}
