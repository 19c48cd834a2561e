/*
 * Runs the integration suite inside real VS Code (code-server from the npm registry, one
 * run per host of scripts/vscode-hosts.json) driven by headless Chromium. The extension
 * host loads the extension in development mode and calls the tests module's `run()`
 * (through extensionTests.ts); the workbench reports the exit code through
 * `codeAutomationExit` and console output through `codeAutomationLog`. The suite writes
 * its counts to the file named by VEO_TEST_RESULTS. Tests can open more windows (pages of the
 * same workbench) through the window-control server (windowControl.ts), whose URL every
 * extension host gets as VEO_WINDOW_CONTROL.
 *
 *   npm run test:integration [-- --host oldest|latest|all]   (or VEO_TEST_HOST; default all)
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import type { Page } from 'playwright-core';
import { provisionCodeServer, startCodeServer } from './codeServer';
import { TestHost, TESTS_STARTED } from './hosts';
import { tierCli } from './tierCli';
import { repoRoot } from './paths';
import { WINDOW_CONTROL_ENV } from '../integration/agent/protocol';
import { startWindowControl } from './windowControl';
import { exposeAutomation, launchChromium, openWorkbench } from './workbench';

const TIMEOUT_MS = Number(process.env.VEO_INTEGRATION_TIMEOUT_MS ?? 10 * 60_000);
/** How long the workbench may take to start the tests at all (extensionTests.ts says when it does). */
const START_TIMEOUT_MS = Number(process.env.VEO_INTEGRATION_START_TIMEOUT_MS ?? 3 * 60_000);
// Workbench chatter that says nothing about the tests (the latest host adds chat, agent and account noise).
const NOISE = [
  /open-vsx|ENOTFOUND|marketplace|gallery/i,
  /connection token|Creating a socket|Service Worker|builtin extensions cache|ChatSessionStore/,
  /\[(AgentHost|AgentHost:remote|ChatModelSelection|AccountPolicyGate|DefaultAccount)\]|authentication provider 'github'|reconnection-grace-time/,
  /^Creation of workbench contribution|because this extension is not a web extension/,
];

export interface IntegrationResult {
  passed: number;
  failed: number;
  /** Pending tests (with forbidPending they also count as failed). */
  skipped: number;
  /** `full title: first line of the error` of each failed test. */
  failures: string[];
  /** The same for each test that passed only when run again (its first error). */
  retried: string[];
  exitCode: number;
  /** The VS Code it ran in. */
  host: TestHost;
}

export interface IntegrationRunOptions {
  /** Which VS Code: a host of scripts/vscode-hosts.json (default: VEO_TEST_HOST's first, else `oldest`) or one already provisioned. */
  host?: string | TestHost;
  /** Compiled module exporting `run()` (default: the integration suite, out/test/integration/index.js). */
  testsPath?: string;
  /** More environment for code-server and so for the extension host (e.g. where a bench writes its figures). */
  extraEnv?: Record<string, string>;
  /** Sees every console line of the extension host that is printed; false drops it. */
  filterLog?: (line: string) => boolean;
  /** VS Code's display language (default English), e.g. `zh-cn`: see displayLanguage.ts. */
  displayLanguage?: string;
  /** Runs beside the suite once the workbench page is open (e.g. reads what the workbench shows). */
  whileRunning?: (page: Page) => Promise<void>;
}

export async function runIntegrationTests(options: IntegrationRunOptions = {}): Promise<IntegrationResult> {
  const host = typeof options.host === 'object' ? options.host : provisionCodeServer(options.host);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'veo-integration-'));
  const workspace = path.join(work, 'workspace');
  fs.mkdirSync(workspace);
  const resultsFile = path.join(work, 'results.json');
  // Tests open more windows through it (test/integration/windows.ts).
  const windowControl = await startWindowControl({ workDir: work });
  const server = await startCodeServer({
    host,
    displayLanguage: options.displayLanguage,
    env: {
      ...options.extraEnv,
      [WINDOW_CONTROL_ENV]: windowControl.url,
      VEO_TEST_RESULTS: resultsFile,
      VEO_TEST_WORKSPACE: workspace,
      VEO_SUITE_MODULE: options.testsPath ?? path.join(repoRoot, 'out', 'test', 'integration', 'index.js'),
    },
  });
  const browser = await launchChromium();
  let exitCode = 1;
  const printLine = (line: string) => !NOISE.some((re) => re.test(line)) && options.filterLog?.(line) !== false;
  try {
    // A context of its own (not browser.newPage()'s), so more windows can open in it.
    const context = await browser.newContext();
    const page = await context.newPage();
    windowControl.attach({ context, host: server.host, folder: workspace, printLine, serverLog: server.logFile });
    // The workbench page's own console (and its webview frames'): kept in a file for post-mortems.
    const consoleLog = path.join(work, 'workbench-console.log');
    page.on('console', (m) => fs.appendFileSync(consoleLog, `${new Date().toISOString()} ${m.type()} ${m.text()}\n`));
    page.on('pageerror', (e) => fs.appendFileSync(consoleLog, `${new Date().toISOString()} pageerror ${e.message}\n`));
    console.log(`(workbench console: ${consoleLog})`);
    let started = false;
    const exited = new Promise<number>((resolve) => {
      void exposeAutomation(page, {
        onLog: (type, args) => {
          const line = format(...args);
          if (line.startsWith(TESTS_STARTED)) started = true;
          if (!printLine(line)) return;
          (type === 'error' ? process.stderr : process.stdout).write(line + '\n');
        },
        onExit: resolve,
      });
    });
    await openWorkbench(page, {
      host: server.host,
      folder: workspace,
      extensionTestsPath: path.join(repoRoot, 'out', 'test', 'host', 'extensionTests.js'),
    });
    const beside = options.whileRunning?.(page).catch((e: unknown) => console.error('whileRunning failed:', e));
    let timer: NodeJS.Timeout | undefined;
    let startTimer: NodeJS.Timeout | undefined;
    const timeout = new Promise<number>((resolve) => {
      timer = setTimeout(() => {
        console.error(`integration tests did not finish within ${TIMEOUT_MS / 1000} s`);
        resolve(1);
      }, TIMEOUT_MS);
      startTimer = setTimeout(() => {
        if (started) return;
        console.error(
          `VS Code ${host.vscode} did not start the tests within ${START_TIMEOUT_MS / 1000} s: does its workbench still honor ` +
            `developmentOptions.extensions/extensionTestsPath (see openWorkbench)? (server log: ${server.logFile})`,
        );
        resolve(1);
      }, START_TIMEOUT_MS);
    });
    exitCode = await Promise.race([exited, timeout]);
    await beside;
    clearTimeout(timer);
    clearTimeout(startTimer);
  } finally {
    await windowControl.close();
    await browser.close();
    await server.close();
  }
  let counts = { passed: 0, failed: 0, pending: 0, failures: [] as string[], retried: [] as string[] };
  try {
    counts = { ...counts, ...JSON.parse(fs.readFileSync(resultsFile, 'utf8')) };
  } catch {
    console.error(`integration suite wrote no results (see ${server.logFile})`);
    counts.failed = Math.max(1, counts.failed);
    counts.failures.push(`wrote no results (see ${server.logFile})`);
  }
  if (exitCode !== 0 && counts.failed === 0) {
    counts.failed = 1;
    counts.failures.push(`the run ended with exit code ${exitCode}`);
  }
  return { passed: counts.passed, failed: counts.failed, skipped: counts.pending, failures: counts.failures, retried: counts.retried, exitCode, host };
}

if (require.main === module) tierCli('integration', (host) => `Integration tests inside ${host}`, (host) => runIntegrationTests({ host }));
