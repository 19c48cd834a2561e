/*
 * Browser end-to-end run of the package a user installs: the `.vsix` (`npm run package`, which
 * CI runs first; packaged here when missing or older than what it holds) installed into a fresh
 * profile with code-server's `--install-extension`, as "Install from VSIX..." does, then used
 * by clicks and keys only. Two sessions on each host:
 * - first run in English: the Welcome page lists the walkthrough; it opens on its four steps;
 *   the first step's button takes the key and ticks the step (screenshot walkthrough.png);
 * - Simplified Chinese (test/host/displayLanguage.ts): the welcome view's button, tracking from
 *   the palette, rows that complete and fail, and a completed task's context menu, all in the
 *   words of package.nls.zh-cn.json and the l10n bundle (screenshot zh-cn-tree-menu.png).
 * Screenshots for the README come from the oldest host; the others go to test-results/e2e/.
 *
 *   node out/test/e2e/packaged.js [--host oldest|latest|all]   (part of npm test)
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startCodeServer } from '../host/codeServer';
import type { TestHost } from '../host/hosts';
import { tierCli } from '../host/tierCli';
import { repoRoot } from '../host/paths';
import { launchChromium } from '../host/workbench';
import { VeoSimulator } from '../../sim/simulator';
import { E2eResult, E2eStep, RESULTS, runSteps } from './steps';
import { Workbench, WAIT_MS, waitUntil } from './workbench';

const VSIX = path.join(repoRoot, 'veo-tasks.vsix');
/** How long the workbench may take to show the VEO activity-bar item after the page loads. */
const STARTUP_MS = 120_000;
const FOREVER = 1e12;

const json = (file: string) => JSON.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8')) as Record<string, string>;
const en = json('package.nls.json');
const zh = json('package.nls.zh-cn.json');
const zhRuntime = json('l10n/bundle.l10n.zh-cn.json');

/** What the package is made of: when any is newer than the `.vsix`, it is packaged again. */
function packageInputs(): string[] {
  const l10n = path.join(repoRoot, 'l10n');
  return [
    path.join(repoRoot, 'dist', 'extension.js'),
    path.join(repoRoot, 'package.json'),
    path.join(repoRoot, 'package.nls.json'),
    path.join(repoRoot, 'package.nls.zh-cn.json'),
    ...fs.readdirSync(l10n).map((f) => path.join(l10n, f)),
  ].filter((f) => fs.existsSync(f));
}

/** The `.vsix` of the current sources. */
export function currentVsix(): string {
  const built = fs.existsSync(VSIX) ? fs.statSync(VSIX).mtimeMs : 0;
  if (packageInputs().some((f) => fs.statSync(f).mtimeMs > built)) {
    console.log('packaging the .vsix (npm run package)');
    execFileSync('npm', ['run', 'package', '--silent'], { cwd: repoRoot, stdio: 'inherit' });
  }
  return VSIX;
}

interface Session {
  page: Page;
  wb: Workbench;
  consoleLog: string[];
}

async function openPage(browser: Browser, url: string): Promise<Session> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const consoleLog: string[] = [];
  page.on('console', (m) => consoleLog.push(`[${m.type()}] ${m.text()}`));
  await page.goto(url);
  return { page, wb: new Workbench(page), consoleLog };
}

/** First run in English: the walkthrough on the Welcome page, and its first step done by its button. */
function walkthroughSteps({ page, wb }: Session, sim: VeoSimulator, screenshots: string): E2eStep[] {
  const stepIds = ['setApiKey', 'trackTask', 'previewDownload', 'settings'];
  const step = (id: string) => page.locator(`.getting-started-step[data-step-id$="#veo.gettingStarted#veo.${id}"]`);
  return [
    {
      name: `installed from the .vsix, first run: Help > Welcome lists "${en['walkthrough.gettingStarted.title']}"`,
      run: async () => {
        await wb.activityItem.waitFor({ timeout: STARTUP_MS });
        await wb.runCommand('Help: Welcome');
        // On a first run VS Code opens its own walkthrough on the Welcome page; its back link
        // leads to the list of walkthroughs.
        const listed = page.getByRole('button', { name: new RegExp(en['walkthrough.gettingStarted.title']) }).first();
        const back = page.locator('.gettingStartedContainer .prev-button');
        await waitUntil(`"${en['walkthrough.gettingStarted.title']}" on the Welcome page`, async () => {
          if (await listed.isVisible()) return true;
          if (await back.isVisible()) await back.click({ timeout: 2_000 }).catch(() => undefined);
          return false;
        });
        await listed.click({ timeout: WAIT_MS });
        await page.locator('h2.category-title', { hasText: en['walkthrough.gettingStarted.title'] }).waitFor({ timeout: WAIT_MS });
      },
    },
    {
      name: 'the walkthrough shows its four steps; the first step\'s "Set API Key" button takes the key and ticks the step',
      run: async () => {
        for (const id of stepIds) {
          await step(id).filter({ hasText: en[`walkthrough.gettingStarted.step.${id}.title`] }).waitFor({ state: 'attached', timeout: WAIT_MS });
        }
        const first = step('setApiKey');
        if ((await first.getAttribute('aria-checked')) !== 'false') throw new Error('the first step is ticked before the key was set');
        await first.getByRole('button', { name: 'Set API Key', exact: true }).click({ timeout: WAIT_MS });
        await wb.waitForInput('VEO: Set API Key');
        await wb.typeIntoInput(sim.apiKey);
        await page.keyboard.press('Enter');
        await waitUntil('the "Set your API key" step to be ticked', async () => (await first.getAttribute('aria-checked')) === 'true');
        await page.mouse.move(1200, 700);
        await page.screenshot({ path: path.join(screenshots, 'walkthrough.png') });
      },
    },
  ];
}

/** The same package in Simplified Chinese: welcome view, palette, rows and context menu. */
function zhCnSteps({ page, wb }: Session, sim: VeoSimulator, screenshots: string): E2eStep[] {
  const ok = sim.addTask({ queuedMs: 10_000, processingMs: 20_000 });
  const bad = sim.addTask({ queuedMs: 10_000, processingMs: 20_000, outcome: 'failed', error: 'Content policy violation' });
  const waiting = sim.addTask({ queuedMs: FOREVER });
  const veo = zh['category.veo'];
  return [
    {
      name: `zh-cn: the VEO view's welcome button "${zh['command.setApiKey.title']}" takes the key`,
      run: async () => {
        await wb.activityItem.waitFor({ timeout: STARTUP_MS });
        await wb.openVeoView();
        await wb.welcomeButton(zh['command.setApiKey.title']).click({ timeout: WAIT_MS });
        await wb.waitForInput(zhRuntime['VEO: Set API Key']);
        await wb.typeIntoInput(sim.apiKey);
        await page.keyboard.press('Enter');
        await wb.welcomeButton(zh['command.trackTask.title']).waitFor({ timeout: WAIT_MS });
      },
    },
    {
      name: `zh-cn: F1 > "${veo}: ${zh['command.trackTask.title']}" tracks three ids; the rows say ${zhRuntime.completed} and ${zhRuntime.failed}`,
      run: async () => {
        await wb.runCommand(`${veo}: ${zh['command.trackTask.title']}`, zhRuntime['VEO: Track Task']);
        await wb.typeIntoInput(`${ok.id} ${bad.id} ${waiting.id}`);
        await page.keyboard.press('Enter');
        for (const t of [ok, bad, waiting]) await wb.waitForRowIcon(t.id, 'clock');
        sim.advance(40_000);
        await wb.viewTitleAction(zh['command.refresh.title']);
        await wb.waitForRowIcon(ok.id, 'pass');
        await wb.waitForRowIcon(bad.id, 'error');
        await wb.row(ok.id).filter({ hasText: zhRuntime.completed }).waitFor({ timeout: WAIT_MS });
        await wb.row(bad.id).filter({ hasText: zhRuntime.failed }).waitFor({ timeout: WAIT_MS });
      },
    },
    {
      name: 'zh-cn: right-click a completed task: its context menu is in Chinese',
      run: async () => {
        // VS Code's own texts stay English here: the test profile has no language pack for them.
        await wb.runCommand('Notifications: Clear All Notifications');
        await wb.widenSideBar(560);
        // Right-clicked on the text near the row's end (left of its inline action buttons, which
        // take a right-click themselves), so the menu leaves the rows' texts readable.
        const row = wb.row(ok.id);
        const box = await row.boundingBox();
        const x = Math.max(10, (box?.width ?? 300) - 140);
        await waitUntil('the context menu of the completed row', async () => {
          if (!(await page.getByRole('menu').isVisible())) await row.click({ button: 'right', position: { x, y: 10 } });
          return page.getByRole('menu').waitFor({ timeout: 3_000 }).then(() => true, () => false);
        });
        for (const key of ['command.previewVideo.title', 'command.downloadVideo.title', 'command.copyTaskId.title', 'command.renameTask.title', 'command.removeTask.title']) {
          await page.getByRole('menuitem', { name: zh[key] }).first().waitFor({ timeout: WAIT_MS });
        }
        await page.getByRole('menuitem', { name: en['command.previewVideo.title'], exact: true }).waitFor({ state: 'detached', timeout: 1_000 });
        await page.getByRole('menuitem', { name: zh['command.downloadVideo.title'] }).first().hover();
        await page.screenshot({ path: path.join(screenshots, 'zh-cn-tree-menu.png') });
      },
    },
    {
      name: `zh-cn: "${zh['command.previewVideo.title']}" opens the installed package's preview: the video plays, its texts in Chinese`,
      run: async () => {
        await wb.chooseMenuItem(zh['command.previewVideo.title']);
        const frame = wb.webview();
        const video = frame.locator('video');
        await video.waitFor({ state: 'visible', timeout: WAIT_MS });
        await waitUntil('the video to play past 1 s', async () => (await video.evaluate((v: HTMLVideoElement) => v.currentTime)) > 1);
        await frame.locator('button', { hasText: zhRuntime['Copy Video URL'] }).waitFor({ timeout: WAIT_MS });
        await frame.getByText(zhRuntime.Status, { exact: true }).first().waitFor({ timeout: WAIT_MS });
        await frame.getByText(zhRuntime.completed, { exact: true }).first().waitFor({ timeout: WAIT_MS });
      },
    },
  ];
}

/** Both sessions on one host. */
export async function runPackagedE2e(host: TestHost, vsix: string = currentVsix()): Promise<E2eResult> {
  const screenshots = host.name === 'oldest' ? path.join(repoRoot, 'media', 'screenshots') : path.join(RESULTS, `screenshots-${host.vscode}`);
  fs.mkdirSync(screenshots, { recursive: true });
  const total: E2eResult = { passed: 0, failed: 0, skipped: 0, failures: [] };
  const sessions: { label: string; displayLanguage?: string; settings: Record<string, unknown>; steps: (s: Session, sim: VeoSimulator) => E2eStep[] }[] = [
    { label: 'walkthrough', settings: { 'workbench.startupEditor': 'welcomePage' }, steps: (s, sim) => walkthroughSteps(s, sim, screenshots) },
    { label: 'zh-cn', displayLanguage: 'zh-cn', settings: {}, steps: (s, sim) => zhCnSteps(s, sim, screenshots) },
  ];
  for (const session of sessions) {
    const sim = await VeoSimulator.start();
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'veo-packaged-'));
    const server = await startCodeServer({
      host,
      installVsix: vsix,
      displayLanguage: session.displayLanguage,
      settings: { 'veo.baseUrl': sim.apiBaseUrl, 'veo.pollIntervalSeconds': 600, 'git.enabled': false, ...session.settings },
    });
    const browser = await launchChromium();
    try {
      const s = await openPage(browser, `${server.url}/?folder=${encodeURIComponent(workspace)}`);
      const r = await runSteps(session.steps(s, sim), { page: s.page, label: `${host.vscode}-${session.label}-step`, serverLog: server.logFile, consoleLog: s.consoleLog });
      total.passed += r.passed;
      total.failed += r.failed;
      total.skipped += r.skipped;
      total.failures?.push(...(r.failures ?? []).map((f) => `${session.label}: ${f}`));
    } finally {
      await browser.close();
      await server.close();
      await sim.close();
    }
  }
  return total;
}

if (require.main === module) {
  const vsix = currentVsix();
  tierCli('e2e-vsix', (host) => `The installed .vsix in ${host}`, (host) => runPackagedE2e(host, vsix));
}
