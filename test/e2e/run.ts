/*
 * Browser end-to-end suite: the real VS Code workbench in headless Chromium (once per host
 * of scripts/vscode-hosts.json), the extension loaded, the VEO simulator behind it, driven
 * by clicks and keys only. Screenshots for the README go to media/screenshots/ (from the
 * oldest host only); on failure a screenshot and the workbench logs go to test-results/e2e/
 * (the path is printed).
 *
 *   npm run test:e2e [-- --host oldest|latest|all]   (or VEO_TEST_HOST; default all)
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { provisionCodeServer, startCodeServer } from '../host/codeServer';
import type { TestHost } from '../host/hosts';
import { tierCli } from '../host/tierCli';
import { repoRoot } from '../host/paths';
import { launchChromium, openWorkbench } from '../host/workbench';
import { FIXTURE_VIDEO, VeoSimulator } from '../../sim/simulator';
import { newVideoSteps } from './newVideo';
import { organiseSteps } from './organise';
import { E2eResult, E2eStep, RESULTS, runSteps } from './steps';
import { terminalLinkSteps } from './terminalLinks';
import { Workbench, WAIT_MS, waitUntil } from './workbench';

const SCREENSHOTS = path.join(repoRoot, 'media', 'screenshots');
const FOREVER = 1e12;
/** How long the workbench may take to show the VEO activity-bar item after the page loads. */
const STARTUP_MS = 120_000;


/** Runs the steps in one VS Code: a host of scripts/vscode-hosts.json (default `oldest`) or one already provisioned. */
export async function runE2e(hostOrName: TestHost | string = 'oldest'): Promise<E2eResult> {
  const host = typeof hostOrName === 'object' ? hostOrName : provisionCodeServer(hostOrName);
  // Steps that differ between VS Code versions can branch on host.vscode.
  const screenshots = host.name === 'oldest' ? SCREENSHOTS : path.join(RESULTS, `screenshots-${host.vscode}`);
  const sim = await VeoSimulator.start();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'veo-e2e-'));
  const workspace = path.join(work, 'workspace');
  const downloads = path.join(work, 'downloads');
  fs.mkdirSync(workspace);
  fs.mkdirSync(downloads);
  const server = await startCodeServer({
    host,
    settings: {
      'veo.baseUrl': sim.apiBaseUrl,
      'veo.pollIntervalSeconds': 600,
      'veo.downloadDirectory': downloads,
      'git.enabled': false,
      // The DOM renderer: the terminal's text is in the page, so a step can point at an id in it.
      'terminal.integrated.gpuAcceleration': 'off',
    },
  });
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const consoleLog: string[] = [];
  page.on('console', (m) => consoleLog.push(`[${m.type()}] ${m.text()}`));
  const wb = new Workbench(page);
  fs.mkdirSync(screenshots, { recursive: true });

  const ok = sim.addTask({ queuedMs: 10_000, processingMs: 60_000 });
  const bad = sim.addTask({ queuedMs: 10_000, processingMs: 60_000, outcome: 'failed', error: 'Content policy violation: the prompt was refused' });
  const slow = sim.addTask({ queuedMs: 10_000, processingMs: FOREVER });
  const waiting = sim.addTask({ queuedMs: FOREVER });
  const refresh = () => wb.viewTitleAction('Refresh');
  const savedFile = path.join(downloads, 'my video.mp4');

  const steps: E2eStep[] = [
    {
      name: 'the VEO view shows its welcome view without a key; "Set API Key" takes the key',
      run: async () => {
        await openWorkbench(page, { host: server.host, folder: workspace });
        // A newer VS Code takes longer to start (the latest host also starts its chat and agent host).
        await wb.activityItem.waitFor({ timeout: STARTUP_MS });
        await wb.openVeoView();
        const setKey = wb.welcomeButton('Set API Key');
        await setKey.waitFor({ timeout: WAIT_MS });
        await setKey.click();
        await wb.waitForInput('VEO: Set API Key');
        await wb.typeIntoInput(sim.apiKey);
        await page.keyboard.press('Enter');
        await wb.welcomeButton('Track Task...').waitFor({ timeout: WAIT_MS });
      },
    },
    {
      name: 'F1 > "VEO: Track Task..." with three ids shows three queued rows',
      run: async () => {
        await wb.runCommand('VEO: Track Task...', 'VEO: Track Task');
        await wb.typeIntoInput(`${ok.id}, ${bad.id} ${slow.id}`);
        await page.keyboard.press('Enter');
        for (const t of [ok, bad, slow]) await wb.waitForRowIcon(t.id, 'clock');
        await wb.statusBarItem(/3 VEO/).waitFor({ timeout: WAIT_MS });
      },
    },
    {
      name: 'as the simulator advances the rows become processing, then completed and failed; badge and status bar follow',
      run: async () => {
        sim.advance(20_000);
        await refresh();
        for (const t of [ok, bad, slow]) await wb.waitForRowIcon(t.id, 'sync');
        sim.advance(60_000);
        await refresh();
        await wb.waitForRowIcon(ok.id, 'pass');
        await wb.waitForRowIcon(bad.id, 'error');
        await wb.waitForRowIcon(slow.id, 'sync');
        await wb.statusBarItem(/1 VEO/).waitFor({ timeout: WAIT_MS });
        await wb.activityItem.locator('.badge-content', { hasText: '1' }).waitFor({ timeout: WAIT_MS });
        await wb.notification(new RegExp(`${ok.id} completed`)).waitFor({ timeout: WAIT_MS });
        await wb.notification(new RegExp(`${bad.id} failed`)).waitFor({ timeout: WAIT_MS });
        await wb.runCommand('Notifications: Clear All Notifications');
        await wb.runCommand('VEO: Track Task...', 'VEO: Track Task');
        await wb.typeIntoInput(waiting.id);
        await page.keyboard.press('Enter');
        await wb.waitForRowIcon(waiting.id, 'clock');
        await wb.widenSideBar(640);
        await page.mouse.move(1000, 400);
        await page.screenshot({ path: path.join(screenshots, 'tree-states.png') });
      },
    },
    {
      name: 'right-click > "Download Video" > save dialog > typed path: the file has the exact bytes',
      run: async () => {
        await wb.openContextMenu(ok.id);
        await page.getByRole('menuitem', { name: 'Download Video' }).hover();
        await page.screenshot({ path: path.join(screenshots, 'context-menu.png') });
        await wb.chooseMenuItem('Download Video');
        // VS Code's simple file dialog: an input prefilled with the default path.
        await waitUntil('the save dialog with the default path', async () => (await wb.quickInputBox.inputValue()).endsWith(`${ok.id}.mp4`));
        await wb.typeIntoInput(savedFile);
        await page.keyboard.press('Enter');
        const expected = fs.readFileSync(FIXTURE_VIDEO);
        await waitUntil(`${savedFile} with the simulator's bytes`, () => fs.existsSync(savedFile) && fs.readFileSync(savedFile).equals(expected));
        await wb.row(ok.id).filter({ hasText: 'downloaded' }).waitFor({ timeout: WAIT_MS });
      },
    },
    // F1 > "VEO: New Video...", filled with the keyboard, a one-off 503, then created and completed (newVideo.ts).
    ...newVideoSteps({ page, wb, sim, screenshots, refresh }),
    // Group by day, filter by text, clear (organise.ts).
    ...organiseSteps({ page, wb, screenshots, failedId: bad.id, otherId: ok.id, errorWord: 'policy', groupDownloadFile: path.join(downloads, 'from the group.mp4'), videoBytes: fs.readFileSync(FIXTURE_VIDEO) }),
    {
      name: 'right-click > "Preview Video" opens a panel whose video plays',
      run: async () => {
        await wb.runCommand('Notifications: Clear All Notifications');
        await wb.contextMenu(ok.id, 'Preview Video');
        const video = wb.webview().locator('video');
        await video.waitFor({ state: 'visible', timeout: WAIT_MS });
        await waitUntil('the video to play past 1 s', async () => (await video.evaluate((v: HTMLVideoElement) => v.currentTime)) > 1);
        await video.hover();
        await page.locator('.monaco-hover').first().waitFor({ state: 'hidden', timeout: WAIT_MS }).catch(() => undefined);
        await page.screenshot({ path: path.join(screenshots, 'preview.png') });
      },
    },
    {
      name: 'bad input: an empty id and an absurd id are refused with their message; nothing is tracked',
      run: async () => {
        const rowsBefore = await page.getByRole('treeitem').count();
        await wb.runCommand('VEO: Track Task...', 'VEO: Track Task');
        await wb.typeIntoInput('   ');
        await wb.inputMessage.filter({ hasText: 'Enter at least one task id.' }).waitFor({ timeout: WAIT_MS });
        await page.keyboard.press('Enter');
        await wb.typeIntoInput(`vgen_${'x'.repeat(260)}`);
        await wb.inputMessage.filter({ hasText: 'cannot be longer than 256 characters' }).waitFor({ timeout: WAIT_MS });
        await page.keyboard.press('Enter');
        await wb.inputMessage.filter({ hasText: 'cannot be longer than 256 characters' }).waitFor({ timeout: WAIT_MS });
        await page.keyboard.press('Escape');
        if ((await page.getByRole('treeitem').count()) !== rowsBefore) throw new Error('a row was added by bad input');
      },
    },
    {
      name: 'bad input: ids pasted on several lines are tracked one per line',
      run: async () => {
        const a = sim.addTask({ queuedMs: FOREVER });
        const b = sim.addTask({ queuedMs: FOREVER });
        await wb.runCommand('VEO: Track Task...', 'VEO: Track Task');
        await page.keyboard.insertText(`${a.id}\n${b.id}`);
        // VS Code's input box turns the pasted line break into a space; the ids stay apart.
        const value = await wb.quickInputBox.inputValue();
        if (value !== `${a.id} ${b.id}`) throw new Error(`the input holds ${JSON.stringify(value)}`);
        await page.keyboard.press('Enter');
        await wb.waitForRowIcon(a.id, 'clock');
        await wb.waitForRowIcon(b.id, 'clock');
      },
    },
    // An id printed in the terminal, opened as a link (terminalLinks.ts).
    ...terminalLinkSteps({ page, wb, sim }),
    {
      name: 'bad input: a wrong key pauses polling with a clear message and a way out',
      run: async () => {
        await wb.runCommand('VEO: Set API Key', 'VEO: Set API Key');
        await wb.typeIntoInput('definitely-not-the-key');
        await page.keyboard.press('Enter');
        await wb.notification(/refused the API key/).waitFor({ timeout: WAIT_MS });
        await wb.notification(/refused the API key/).getByRole('button', { name: 'Set API Key' }).waitFor({ timeout: WAIT_MS });
        await wb.viewPane.getByText(/refused the API key/).waitFor({ timeout: WAIT_MS });
      },
    },
  ];

  try {
    return await runSteps(steps, { page, label: `${host.vscode}-step`, serverLog: server.logFile, consoleLog });
  } finally {
    await browser.close();
    await server.close();
    await sim.close();
  }
}

if (require.main === module) tierCli('e2e', (host) => `Browser end-to-end in ${host}`, (host) => runE2e(host));
