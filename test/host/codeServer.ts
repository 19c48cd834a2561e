import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { prepareDisplayLanguage } from './displayLanguage';
import { defaultHostName, hostEnv, provisionHost, TestHost } from './hosts';

/**
 * Installs a VS Code host (code-server, see scripts/vscode-hosts.json) into the cache folder
 * unless already there, and describes it. Default: VEO_TEST_HOST's first host, else `oldest`.
 */
export function provisionCodeServer(name: string = defaultHostName()): TestHost {
  return provisionHost(name);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface CodeServer {
  /** `127.0.0.1:PORT` */
  readonly host: string;
  /** Which VS Code this is. */
  readonly testHost: TestHost;
  readonly url: string;
  readonly userDataDir: string;
  readonly logFile: string;
  close(): Promise<void>;
}

export interface CodeServerOptions {
  /** Which VS Code (from provisionCodeServer); default: provisionCodeServer()'s. */
  host?: TestHost;
  port?: number;
  /** Written to the user settings.json before start. */
  settings?: Record<string, unknown>;
  /** Extra environment for the server and so for the extension host (which also gets VEO_HOST and VEO_HOST_VERSION). */
  env?: Record<string, string>;
  /** Where server output goes; defaults to a file in the temp profile. */
  logFile?: string;
  /** Inherit stdout/stderr instead of logging to a file. */
  inheritOutput?: boolean;
  /** A `.vsix` installed into the throwaway profile before the server starts (as a user installs it). */
  installVsix?: string;
  /** VS Code's display language, e.g. `zh-cn` (default English); see displayLanguage.ts. */
  displayLanguage?: string;
}

/** Starts code-server on loopback with a fresh, throwaway profile and waits until it answers. */
export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  const testHost = options.host ?? provisionCodeServer();
  const port = options.port ?? (await freePort());
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'veo-code-server-'));
  const userDataDir = path.join(profile, 'user-data');
  const extensionsDir = path.join(profile, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'security.workspace.trust.enabled': false,
    ...options.settings,
  };
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  const logFile = options.logFile ?? path.join(profile, 'code-server.log');
  const languageArgs = options.displayLanguage ? prepareDisplayLanguage(userDataDir, options.displayLanguage) : [];
  if (options.installVsix) {
    execFileSync(
      testHost.node,
      [testHost.entry, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', options.installVsix],
      { env: { ...process.env, ...hostEnv(testHost) }, stdio: 'pipe', timeout: 120_000 },
    );
  }
  const out = options.inheritOutput ? 'inherit' : fs.openSync(logFile, 'a');
  const child: ChildProcess = spawn(
    testHost.node,
    [
      testHost.entry,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--user-data-dir', userDataDir,
      '--extensions-dir', extensionsDir,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      ...languageArgs,
    ],
    { env: { ...process.env, ...hostEnv(testHost), ...options.env }, stdio: ['ignore', out, out] },
  );
  const host = `127.0.0.1:${port}`;
  const url = `http://${host}`;
  await waitForHttp(url, child, 60_000);
  return {
    host,
    testHost,
    url,
    userDataDir,
    logFile,
    close: () => stopProcess(child),
  };
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with code ${child.exitCode} before it answered`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer at ${url} within ${timeoutMs} ms`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
