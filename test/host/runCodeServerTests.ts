/*
 * Runs the integration suite inside a real VS Code 1.100.3 (code-server from the npm
 * registry) driven by headless Chromium. The extension host loads the extension in
 * development mode and calls the suite's `run()`; the workbench reports the exit code
 * through `codeAutomationExit` and console output through `codeAutomationLog`.
 * The suite writes its pass/fail counts to the file named by VEO_TEST_RESULTS.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import { provisionCodeServer, startCodeServer } from './codeServer';
import { repoRoot } from './paths';
import { exposeAutomation, launchChromium, workbenchUrl } from './workbench';

const TIMEOUT_MS = Number(process.env.VEO_INTEGRATION_TIMEOUT_MS ?? 10 * 60_000);
// Workbench chatter that says nothing about the tests.
const NOISE = [/open-vsx|ENOTFOUND|marketplace|gallery/i, /connection token|Creating a socket|Service Worker|builtin extensions cache|ChatSessionStore/];

export interface IntegrationResult {
  passed: number;
  failed: number;
  exitCode: number;
}

export interface IntegrationRunOptions {
  /** Compiled module exporting `run()` (default: the integration suite, out/test/integration/index.js). */
  testsPath?: string;
  /** More environment for code-server and so for the extension host (e.g. where a bench writes its figures). */
  extraEnv?: Record<string, string>;
  /** Sees every console line of the extension host that is printed; false drops it. */
  filterLog?: (line: string) => boolean;
}

export async function runIntegrationTests(options: IntegrationRunOptions = {}): Promise<IntegrationResult> {
  provisionCodeServer();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'veo-integration-'));
  const workspace = path.join(work, 'workspace');
  fs.mkdirSync(workspace);
  const resultsFile = path.join(work, 'results.json');
  const server = await startCodeServer({ env: { ...options.extraEnv, VEO_TEST_RESULTS: resultsFile, VEO_TEST_WORKSPACE: workspace } });
  const browser = await launchChromium();
  let exitCode = 1;
  try {
    const page = await browser.newPage();
    const exited = new Promise<number>((resolve) => {
      void exposeAutomation(page, {
        onLog: (type, args) => {
          const line = format(...args);
          if (NOISE.some((re) => re.test(line)) || options.filterLog?.(line) === false) return;
          (type === 'error' ? process.stderr : process.stdout).write(line + '\n');
        },
        onExit: resolve,
      });
    });
    const url = workbenchUrl({
      host: server.host,
      folder: workspace,
      extensionTestsPath: options.testsPath ?? path.join(repoRoot, 'out', 'test', 'integration', 'index.js'),
    });
    await page.goto(url);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<number>((resolve) => {
      timer = setTimeout(() => {
        console.error(`integration tests did not finish within ${TIMEOUT_MS / 1000} s`);
        resolve(1);
      }, TIMEOUT_MS);
    });
    exitCode = await Promise.race([exited, timeout]);
    clearTimeout(timer);
  } finally {
    await browser.close();
    await server.close();
  }
  let counts = { passed: 0, failed: 0 };
  try {
    counts = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  } catch {
    console.error(`integration suite wrote no results (see ${server.logFile})`);
    counts.failed = Math.max(1, counts.failed);
  }
  if (exitCode !== 0 && counts.failed === 0) counts.failed = 1;
  return { ...counts, exitCode };
}

if (require.main === module) {
  runIntegrationTests().then(
    (r) => {
      console.log(`integration: ${r.passed} passed, ${r.failed} failed`);
      process.exit(r.exitCode === 0 && r.failed === 0 ? 0 : 1);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
