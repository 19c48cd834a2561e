/*
 * Lets a test running in the first window open and drive more windows: more workbench pages
 * on the same code-server and workspace, each with its own extension host (as two VS Code
 * windows of one user). The runner starts this loopback HTTP server before code-server and
 * hands its URL to every extension host as VEO_WINDOW_CONTROL; the tests talk to it through
 * test/integration/windows.ts, each other window's extension host runs
 * test/integration/agent/windowAgent.ts, and the protocol is in
 * test/integration/agent/protocol.ts.
 *
 * Every window's page is a new page in the first page's browser context (one browser profile,
 * as windows of one VS Code share theirs). Its console goes to stdout as `[window N] ...`; its
 * `codeAutomationExit` is only reported, never ends the run. Closing a window closes its page;
 * its extension host lives on for code-server's reconnection grace time and its agent still
 * answers, so tests can see what such an orphaned extension host does. `close()` stops every
 * agent and closes every page.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import { format } from 'node:util';
import type { BrowserContext, Page } from 'playwright-core';
import { AgentInfo, describeOp, LONG_POLL_MS, OpResult, WindowOp } from '../integration/agent/protocol';
import { repoRoot } from './paths';
import { exposeAutomation, openWorkbench } from './workbench';

/** The compiled agent. */
const AGENT_MODULE = path.join(repoRoot, 'out', 'test', 'integration', 'agent', 'windowAgent.js');
/** How long a window may take from opening its page until its agent is ready. */
const OPEN_TIMEOUT_MS = Number(process.env.VEO_WINDOW_OPEN_TIMEOUT_MS ?? 120_000);
/** How long an operation may take unless the request says otherwise (`timeoutMs`). */
const EXEC_TIMEOUT_MS = 30_000;

export interface WindowControlTarget {
  /** The first window's browser context: new windows open in it. */
  context: BrowserContext;
  /** `127.0.0.1:PORT` of code-server. */
  host: string;
  /** The workspace folder the first window has open. */
  folder: string;
  /** Whether a console line of a window is printed (false: noise). */
  printLine(line: string): boolean;
  /** code-server's log, named in errors. */
  serverLog?: string;
}

export interface WindowControl {
  /** `http://127.0.0.1:PORT`, for VEO_WINDOW_CONTROL. */
  readonly url: string;
  /** Where windows open; until it is called, POST /windows is answered 503. */
  attach(target: WindowControlTarget): void;
  /** Stops every agent, closes every page and the server. */
  close(): Promise<void>;
}

type CloseHow = 'close' | 'crash';

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

interface ControlledWindow {
  id: string;
  page: Page;
  ready: Deferred<AgentInfo>;
  /** Operations the agent has not fetched yet. */
  queue: Array<{ seq: number; op: WindowOp }>;
  /** The agent's long poll, held until an operation comes. */
  waiting?: { res: http.ServerResponse; timer: NodeJS.Timeout };
  results: Map<number, (result: OpResult) => void>;
  pageClosed: boolean;
  /** The agent was told to stop (or the run is ending). */
  stopped: boolean;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function startWindowControl(options: { workDir: string }): Promise<WindowControl> {
  let target: WindowControlTarget | undefined;
  const windows = new Map<string, ControlledWindow>();
  let nextId = 2;
  let nextSeq = 1;
  let closing = false;
  const sockets = new Set<net.Socket>();

  const say = (w: { id: string }, message: string) => process.stdout.write(`[window ${w.id}] ${message}\n`);

  function find(id: string): ControlledWindow {
    const w = windows.get(id);
    if (!w) throw new HttpError(404, `there is no window ${id}`);
    return w;
  }

  /** Hands `op` to the agent's waiting long poll, else queues it. */
  function deliver(w: ControlledWindow, item: { seq: number; op: WindowOp }): void {
    if (w.waiting) {
      const { res, timer } = w.waiting;
      w.waiting = undefined;
      clearTimeout(timer);
      send(res, 200, item);
    } else {
      w.queue.push(item);
    }
  }

  function exec(w: ControlledWindow, op: WindowOp, timeoutMs: number): Promise<OpResult> {
    if (w.stopped) return Promise.resolve({ ok: false, error: `window ${w.id}'s agent has stopped` });
    const seq = nextSeq++;
    const answered = new Promise<OpResult>((resolve) => {
      const timer = setTimeout(() => {
        w.results.delete(seq);
        const at = w.queue.findIndex((q) => q.seq === seq);
        const fetched = at < 0;
        if (!fetched) w.queue.splice(at, 1);
        resolve({
          ok: false,
          error:
            `window ${w.id} did not answer "${describeOp(op)}" within ${timeoutMs} ms` +
            (fetched ? ' (its agent took it and is still running it)' : ' (its agent never fetched it: is its extension host alive?)') +
            (w.pageClosed ? '; its page is closed' : ''),
        });
      }, timeoutMs);
      w.results.set(seq, (result) => {
        clearTimeout(timer);
        w.results.delete(seq);
        resolve(result);
      });
    });
    if (op.op === 'stop') w.stopped = true;
    deliver(w, { seq, op });
    return answered;
  }

  async function openWindow(): Promise<{ id: string; info: AgentInfo; openMs: number }> {
    if (!target) throw new HttpError(503, 'the first window is not open yet: no browser to open another window in');
    if (closing) throw new HttpError(503, 'the run is ending');
    const t = target;
    const started = Date.now();
    const id = String(nextId++);
    // The environment is the same for every extension host, so the window's id goes into the
    // tests module VS Code runs there: a two-line module per window that starts the agent.
    const shim = path.join(options.workDir, `window-${id}-agent.js`);
    fs.writeFileSync(shim, `// window ${id}: written by test/host/windowControl.ts\nexports.run = () => require(${JSON.stringify(AGENT_MODULE)}).runAgent(${JSON.stringify(id)});\n`);
    const page = await t.context.newPage();
    const w: ControlledWindow = { id, page, ready: deferred(), queue: [], results: new Map(), pageClosed: false, stopped: false };
    windows.set(id, w);
    page.on('close', () => (w.pageClosed = true));
    page.on('crash', () => say(w, 'page crashed'));
    // A beforeunload prompt would keep the page open; a window closed in a test is closed for good.
    page.on('dialog', (d) => void d.accept().catch(() => undefined));
    await exposeAutomation(page, {
      onLog: (type, args) => {
        const text = format(...args);
        if (!t.printLine(text)) return;
        const out = type === 'error' ? process.stderr : process.stdout;
        for (const line of text.split('\n')) out.write(`[window ${id}] ${line}\n`);
      },
      // The agent's run() ended (it was told to stop): only the first window's exit ends the run.
      onExit: (code) => say(w, `its extension host reported exit code ${code} (the run goes on)`),
    });
    let timer: NodeJS.Timeout | undefined;
    let info: AgentInfo | undefined;
    try {
      await openWorkbench(page, { host: t.host, folder: t.folder, extensionTestsPath: shim });
      const timedOut = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), OPEN_TIMEOUT_MS)));
      info = await Promise.race([w.ready.promise, timedOut]);
      if (!info) {
        throw new HttpError(
          504,
          `window ${id} opened, but its agent did not report ready within ${OPEN_TIMEOUT_MS / 1000} s ` +
            `(VEO_WINDOW_OPEN_TIMEOUT_MS): did its workbench start the extension host and run ${shim}?` +
            (t.serverLog ? ` (server log: ${t.serverLog})` : ''),
        );
      }
    } catch (e) {
      w.stopped = true;
      await page.close().catch(() => undefined);
      throw e;
    } finally {
      clearTimeout(timer);
    }
    const openMs = Date.now() - started;
    say(w, `open in ${openMs} ms: VS Code ${info.version}, extension host pid ${info.pid}`);
    return { id, info, openMs };
  }

  /**
   * `close`: as a user closes the tab (beforeunload handlers run; the workbench says goodbye to
   * the server). `crash`: its renderer dies at once (as a killed tab, or a laptop that went to
   * sleep, looks to the server): nothing runs in the page, its connections just drop.
   */
  async function closePage(w: ControlledWindow, how: CloseHow): Promise<number> {
    const started = Date.now();
    if (!w.pageClosed) {
      const gone = new Promise<void>((resolve) => {
        w.page.once('close', () => resolve());
        if (how === 'crash') w.page.once('crash', () => resolve());
      });
      if (how === 'crash') {
        const cdp = await w.page.context().newCDPSession(w.page);
        // Never answers: the renderer is gone before it could.
        void cdp.send('Page.crash').catch(() => undefined);
      } else {
        // With runBeforeUnload, close() returns at once: wait for the page's close event.
        await w.page.close({ runBeforeUnload: true });
      }
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), 15_000)));
      const inTime = await Promise.race([gone.then(() => true), late]);
      clearTimeout(timer);
      if (!inTime) say(w, `did not ${how} within 15 s; closing it plainly`);
      // A crashed page is still open (showing "Aw, Snap!"): close what is left of it.
      if (!inTime || how === 'crash') await w.page.close().catch(() => undefined);
      w.pageClosed = true;
    }
    return Date.now() - started;
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const method = req.method ?? 'GET';

    if (parts[0] === 'windows') {
      if (parts.length === 1 && method === 'POST') return send(res, 200, await openWindow());
      const w = find(parts[1] ?? '');
      if (parts.length === 2 && method === 'DELETE') {
        const how = url.searchParams.get('how') ?? 'close';
        if (how !== 'close' && how !== 'crash') throw new HttpError(400, `how=${how}: close or crash`);
        const closeMs = await closePage(w, how);
        const pid = (await w.ready.promise).pid;
        const extensionHostEndedMs = await waitForExit(pid, 5_000);
        say(
          w,
          `page ${how === 'crash' ? 'crashed and closed' : 'closed'} in ${closeMs} ms; its extension host (pid ${pid}) ` +
            (extensionHostEndedMs === undefined ? 'still runs 5 s later' : `ended ${extensionHostEndedMs} ms after`),
        );
        return send(res, 200, { closed: true, closeMs, extensionHostEndedMs: extensionHostEndedMs ?? null });
      }
      if (parts.length === 3 && parts[2] === 'end' && method === 'POST') {
        // The extension host of a closed page, which code-server keeps for its reconnection
        // grace time (hours): as if that time were over. Not while its page is open, whose
        // workbench would offer to restart it.
        if (!w.pageClosed) throw new HttpError(409, `window ${w.id}'s page is open: close it first`);
        const pid = (await w.ready.promise).pid;
        w.stopped = true;
        let endedMs = await waitForExit(pid, 0);
        if (endedMs === undefined) {
          process.kill(pid, 'SIGTERM');
          endedMs = await waitForExit(pid, 5_000);
        }
        if (endedMs === undefined) {
          process.kill(pid, 'SIGKILL');
          endedMs = await waitForExit(pid, 5_000);
        }
        say(w, `extension host (pid ${pid}) ended`);
        return send(res, 200, { ended: endedMs !== undefined });
      }
      if (parts.length === 3 && parts[2] === 'exec' && method === 'POST') {
        const body = (await readJson(req)) as WindowOp & { timeoutMs?: number };
        if (typeof body?.op !== 'string') throw new HttpError(400, 'exec needs {op, ...}');
        const { timeoutMs, ...op } = body;
        const result = await exec(w, op as WindowOp, typeof timeoutMs === 'number' ? timeoutMs : EXEC_TIMEOUT_MS);
        return result.ok ? send(res, 200, { value: result.value }) : send(res, 500, { error: result.error });
      }
    }

    if (parts[0] === 'agents' && parts.length === 3) {
      const w = find(parts[1]);
      if (parts[2] === 'ready' && method === 'POST') {
        const { info } = (await readJson(req)) as { info: AgentInfo };
        w.ready.resolve(info);
        return send(res, 200, {});
      }
      if (parts[2] === 'next' && method === 'GET') {
        if (w.waiting) {
          clearTimeout(w.waiting.timer);
          send(w.waiting.res, 204);
          w.waiting = undefined;
        }
        const item = w.queue.shift();
        if (item) return send(res, 200, item);
        if (closing) return send(res, 410, { error: 'the run is ending' });
        const timer = setTimeout(() => {
          if (w.waiting?.res !== res) return;
          w.waiting = undefined;
          send(res, 204);
        }, LONG_POLL_MS);
        w.waiting = { res, timer };
        res.on('close', () => {
          if (w.waiting?.res !== res) return;
          clearTimeout(timer);
          w.waiting = undefined;
        });
        return;
      }
      if (parts[2] === 'result' && method === 'POST') {
        const { seq, result } = (await readJson(req)) as { seq: number; result: OpResult };
        w.results.get(seq)?.(result);
        return send(res, 200, {});
      }
    }
    throw new HttpError(404, `no such endpoint: ${method} ${url.pathname}`);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      const status = e instanceof HttpError ? e.status : 500;
      send(res, status, { error: e instanceof Error ? e.message : String(e) });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as net.AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    attach: (t) => (target = t),
    close: async () => {
      closing = true;
      // Each agent's run() resolves, so its extension host ends its test run as VS Code does.
      await Promise.all(
        [...windows.values()].filter((w) => !w.stopped).map((w) => exec(w, { op: 'stop' }, 3_000)),
      );
      for (const w of windows.values()) {
        if (w.waiting) {
          clearTimeout(w.waiting.timer);
          send(w.waiting.res, 410, { error: 'the run is ending' });
          w.waiting = undefined;
        }
        if (!w.pageClosed) await w.page.close().catch(() => undefined);
      }
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** How long after now process `pid` ended (checking every 100 ms), or undefined if it still runs after `withinMs`. */
async function waitForExit(pid: number, withinMs: number): Promise<number | undefined> {
  const started = Date.now();
  for (;;) {
    try {
      process.kill(pid, 0); // signal 0: only asks whether it exists
    } catch {
      return Date.now() - started;
    }
    if (Date.now() - started > withinMs) return undefined;
    await new Promise((r) => setTimeout(r, 100));
  }
}

function send(res: http.ServerResponse, status: number, body?: unknown): void {
  if (res.headersSent || res.destroyed) return;
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function readJson(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > 10_000_000) reject(new HttpError(413, 'request too large'));
      else chunks.push(c);
    });
    req.on('error', reject);
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text ? JSON.parse(text) : undefined);
      } catch {
        reject(new HttpError(400, 'the body is not JSON'));
      }
    });
  });
}
