/*
 * The zh-cn run: VS Code (code-server) with Simplified Chinese as its display language (see
 * test/host/displayLanguage.ts), the extension loaded as in the integration suite. Beside the
 * extension-host tests (language.test.ts), the runner reads what the workbench shows a user,
 * in headless Chromium: the VEO view's title and welcome view, and command titles in the
 * command palette, each compared with package.nls.zh-cn.json. The extension-host tests start
 * once these checks are done (index.ts waits for VEO_ZH_UI_DONE).
 *
 *   node out/test/integration-zh/run.js [--host oldest|latest|all]   (part of npm test)
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { provisionCodeServer } from '../host/codeServer';
import { failureLine } from '../host/failures';
import type { TestHost } from '../host/hosts';
import { tierCli } from '../host/tierCli';
import { repoRoot } from '../host/paths';
import { runIntegrationTests } from '../host/runCodeServerTests';

const LANGUAGE = 'zh-cn';
const STARTUP_MS = 120_000;
const WAIT_MS = 30_000;
const RESULTS = path.join(repoRoot, 'test-results', 'integration-zh');

export interface ZhCnResult {
  passed: number;
  failed: number;
  skipped: number;
  failures?: string[];
  retried?: string[];
}

const zh = JSON.parse(fs.readFileSync(path.join(repoRoot, `package.nls.${LANGUAGE}.json`), 'utf8')) as Record<string, string>;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What the workbench shows, step by step; a failed step leaves a screenshot in test-results/. */
function workbenchSteps(page: Page): { name: string; run: () => Promise<void> }[] {
  const sidebar = page.locator('.part.sidebar');
  const paletteShows = async (commandKey: string) => {
    const title = `${zh['category.veo']}: ${zh[commandKey]}`;
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input.input');
    await input.waitFor({ timeout: WAIT_MS });
    await input.fill(`>${title}`);
    try {
      await page.locator('.quick-input-widget').getByRole('option', { name: new RegExp(`^${escapeRegExp(title)}`) }).first().waitFor({ timeout: WAIT_MS });
    } finally {
      await page.keyboard.press('Escape');
    }
  };
  return [
    {
      name: `the activity bar's VEO item opens the view titled "${zh['view.tasks.name']}"`,
      run: async () => {
        await page.locator('.activitybar [aria-label^="VEO"]').first().click({ timeout: STARTUP_MS });
        const title = sidebar.locator('.composite.title');
        await title.filter({ hasText: zh['view.tasks.name'] }).waitFor({ timeout: WAIT_MS });
      },
    },
    {
      name: 'the welcome view (no API key) is in Chinese, its button included',
      run: async () => {
        const welcome = sidebar.locator('.welcome-view-content');
        const firstLine = zh['viewsWelcome.tasks.noApiKey'].split('\n')[0];
        await welcome.getByText(firstLine).waitFor({ timeout: WAIT_MS });
        await welcome.getByRole('button', { name: zh['command.setApiKey.title'], exact: true }).waitFor({ timeout: WAIT_MS });
      },
    },
    ...['command.setApiKey.title', 'command.trackTask.title', 'command.newVideo.title', 'command.showLog.title'].map((key) => ({
      name: `the command palette shows "VEO: ${zh[key]}"`,
      run: () => paletteShows(key),
    })),
  ];
}

export async function runZhCnTests(hostOrName: TestHost | string = 'oldest'): Promise<ZhCnResult> {
  const host = typeof hostOrName === 'object' ? hostOrName : provisionCodeServer(hostOrName);
  const doneFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'veo-zh-')), 'ui-done');
  const ui = { passed: 0, failed: 0, failures: [] as string[] };
  const result = await runIntegrationTests({
    host,
    displayLanguage: LANGUAGE,
    testsPath: path.join(__dirname, 'index.js'),
    extraEnv: { VEO_ZH_UI_DONE: doneFile },
    whileRunning: async (page) => {
      try {
        for (const step of workbenchSteps(page)) {
          try {
            await step.run();
            ui.passed++;
            console.log(`  ✔ (workbench) ${step.name}`);
          } catch (e) {
            ui.failed++;
            ui.failures.push(failureLine(`(workbench) ${step.name}`, e));
            fs.mkdirSync(RESULTS, { recursive: true });
            const shot = path.join(RESULTS, `${host.vscode}-${ui.passed + ui.failed}.png`);
            await page.screenshot({ path: shot }).catch(() => undefined);
            console.error(`  ✘ (workbench) ${step.name}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)} (screenshot: ${shot})`);
          }
        }
      } finally {
        fs.writeFileSync(doneFile, '');
      }
    },
  });
  return { passed: result.passed + ui.passed, failed: result.failed + ui.failed, skipped: result.skipped, failures: [...ui.failures, ...result.failures], retried: result.retried };
}

if (require.main === module) tierCli('integration-zh-cn', (host) => `zh-cn display language inside ${host}`, (host) => runZhCnTests(host));
