/*
 * Browser end-to-end steps for creating a video (issue #12): F1 > "VEO: New Video...", the
 * form filled with the keyboard only, the one-time "Generate" question answered, a one-off
 * 503 that keeps what was typed, then "Now tracking vgen_..." and the new row going to
 * completed as the simulator's clock advances. run.ts runs them between its own steps.
 */
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import type { VeoSimulator } from '../../sim/simulator';
import type { E2eStep } from './steps';
import { Workbench, WAIT_MS, waitUntil } from './workbench';

export interface NewVideoContext {
  page: Page;
  wb: Workbench;
  sim: VeoSimulator;
  /** Where README screenshots go (media/screenshots/ on the oldest host). */
  screenshots: string;
  /** Clicks the Tasks view's Refresh button. */
  refresh: () => Promise<void>;
}

export const NEW_VIDEO_PROMPT = 'A paper boat drifting down a rain-soaked street at dusk, neon reflections rippling in the puddles; slow dolly shot';
/** What the keyboard chooses: one ArrowDown in the model select, one ArrowRight in the resolution and aspect-ratio groups. */
const CHOSEN = { model: 'veo_3_1_pro', resolution: '1080p', aspect_ratio: '9:16' };

/** The creation form's frame: the webview whose page has the prompt (VS Code nests it: iframe.webview > #active-frame). */
export function formFrame(page: Page): FrameLocator {
  return page.locator('iframe.webview.ready').filter({ visible: true }).contentFrame().locator('#active-frame').contentFrame();
}

async function activeElementId(frame: FrameLocator): Promise<string> {
  return frame.locator('body').evaluate(() => `${document.hasFocus() ? '' : '(unfocused) '}${document.activeElement?.id || document.activeElement?.tagName || ''}`);
}

async function expectFocus(frame: FrameLocator, id: string, after: string): Promise<void> {
  await waitUntil(`the focus on #${id} after ${after}`, async () => (await activeElementId(frame)) === id, 5_000).catch(async (e: unknown) => {
    throw new Error(`${String(e)} (focus is on ${await activeElementId(frame)})`);
  });
}

async function checkedRadio(frame: FrameLocator, name: string): Promise<string | undefined> {
  return frame.locator(`input[name="${name}"]:checked`).evaluate((r: HTMLInputElement) => r.value);
}

/** The form's fields as the page holds them. */
async function formState(frame: FrameLocator): Promise<Record<string, string | undefined>> {
  return {
    prompt: await frame.locator('#prompt').inputValue(),
    model: await frame.locator('#model').inputValue(),
    resolution: await checkedRadio(frame, 'resolution'),
    aspectRatio: await checkedRadio(frame, 'aspectRatio'),
    mode: await checkedRadio(frame, 'mode'),
  };
}

const FILLED = { prompt: NEW_VIDEO_PROMPT, model: CHOSEN.model, resolution: CHOSEN.resolution, aspectRatio: CHOSEN.aspect_ratio, mode: 'text' };

export function newVideoSteps({ page, wb, sim, screenshots, refresh }: NewVideoContext): E2eStep[] {
  const form = () => formFrame(page);
  const createRequests = () => sim.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/v1/veo/videos'));
  let createdId = '';

  return [
    {
      name: 'F1 > "VEO: New Video..." opens the form; filled with the keyboard only (prompt, model by arrows, resolution and aspect ratio by arrows, Tab to Generate)',
      run: async () => {
        await wb.runCommand('Notifications: Clear All Notifications');
        await wb.runCommand('VEO: New Video...');
        await page.getByRole('tab', { name: /New Video/ }).waitFor({ timeout: WAIT_MS });
        const f = form();
        await f.locator('#prompt').waitFor({ state: 'visible', timeout: WAIT_MS });
        await expectFocus(f, 'prompt', 'opening the form');
        await page.keyboard.type(NEW_VIDEO_PROMPT);
        await f.locator('#prompt-count', { hasText: `${NEW_VIDEO_PROMPT.length} / 4000 characters` }).waitFor({ timeout: WAIT_MS });
        await page.keyboard.press('Tab');
        await expectFocus(f, 'model', 'Tab from the prompt');
        await page.keyboard.press('ArrowDown');
        await f.locator('#model-summary', { hasText: 'Highest quality' }).waitFor({ timeout: WAIT_MS });
        await page.keyboard.press('Tab');
        // Resolution group: Tab lands on its checked radio; an arrow moves the choice.
        await waitUntil('the focus on the 720p radio', async () => (await f.locator('input[name="resolution"][value="720p"]').evaluate((r) => r === document.activeElement)), 5_000);
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('Tab');
        await waitUntil('the focus on the 16:9 radio', async () => (await f.locator('input[name="aspectRatio"][value="16:9"]').evaluate((r) => r === document.activeElement)), 5_000);
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('Tab');
        await waitUntil('the focus on the "Text only" radio', async () => (await f.locator('input[name="mode"][value="text"]').evaluate((r) => r === document.activeElement)), 5_000);
        // The mode's fields are hidden in text mode, so the next Tab is Generate.
        await page.keyboard.press('Tab');
        await expectFocus(f, 'generate', 'Tab from the mode');
        const state = await formState(f);
        if (JSON.stringify(state) !== JSON.stringify(FILLED)) throw new Error(`the form holds ${JSON.stringify(state)}, not ${JSON.stringify(FILLED)}`);
        // Inline checks ran on every change and found nothing wrong.
        const errors = await f.locator('.error').allTextContents();
        if (errors.some((e) => e.trim() !== '')) throw new Error(`inline errors on a valid form: ${JSON.stringify(errors)}`);
        await page.mouse.move(1270, 790);
        await page.screenshot({ path: path.join(screenshots, 'new-video.png') });
      },
    },
    {
      name: 'Generate (Enter), "Generate" in the one-time modal, a one-off 503: the form says so and keeps everything typed; nothing is tracked',
      run: async () => {
        const rowsBefore = await page.getByRole('treeitem').count();
        const postsBefore = createRequests().length;
        sim.injectFault({ kind: 'status', code: 503 }, { times: 1, on: 'api' });
        await page.keyboard.press('Enter');
        const dialog = page.getByRole('dialog').filter({ hasText: 'Generate a video with the VEO API?' });
        await dialog.waitFor({ timeout: WAIT_MS });
        if (!/spends credits/.test(await dialog.innerText())) throw new Error('the question does not say that credits are spent');
        await dialog.getByRole('button', { name: 'Generate', exact: true }).click();
        await dialog.waitFor({ state: 'hidden', timeout: WAIT_MS });
        const f = form();
        await f.locator('#status.failed #status-text', { hasText: /HTTP 503 .*may have been created anyway/ }).waitFor({ timeout: WAIT_MS });
        await waitUntil('Generate enabled again', () => f.locator('#generate').isEnabled());
        const posts = createRequests().slice(postsBefore);
        if (posts.length !== 1 || posts[0].status !== 503) throw new Error(`expected one POST answered 503, got ${JSON.stringify(posts.map((p) => p.status))}`);
        const state = await formState(f);
        if (JSON.stringify(state) !== JSON.stringify(FILLED)) throw new Error(`after the failure the form holds ${JSON.stringify(state)}, not what was typed`);
        if ((await page.getByRole('treeitem').count()) !== rowsBefore) throw new Error('a row was added although the request failed');
      },
    },
    {
      name: 'Ctrl+Enter in the prompt generates again without asking: "Now tracking vgen_...", the POST body is what was chosen, the new row goes to codicon-pass as the simulator advances',
      run: async () => {
        const f = form();
        await f.locator('#prompt').focus();
        const postsBefore = createRequests().length;
        await page.keyboard.press('Control+Enter');
        const tracking = f.locator('#status.created #status-text', { hasText: /^Now tracking vgen_[A-Za-z0-9_-]+\.$/ });
        await tracking.waitFor({ timeout: WAIT_MS });
        if (await page.getByRole('dialog').isVisible()) throw new Error('asked again in the same session');
        createdId = /Now tracking (vgen_[A-Za-z0-9_-]+)\./.exec(await tracking.innerText())![1];
        await f.getByRole('button', { name: 'Show Task' }).waitFor({ timeout: WAIT_MS });
        const posts = createRequests().slice(postsBefore);
        if (posts.length !== 1) throw new Error(`expected one POST, got ${posts.length}`);
        const body = JSON.parse(posts[0].body ?? '{}') as Record<string, unknown>;
        const expected = { model: CHOSEN.model, prompt: NEW_VIDEO_PROMPT, resolution: CHOSEN.resolution, aspect_ratio: CHOSEN.aspect_ratio };
        if (JSON.stringify(body) !== JSON.stringify(expected)) throw new Error(`POST body ${JSON.stringify(body)}, expected ${JSON.stringify(expected)}`);
        if (!sim.task(createdId)) throw new Error(`the simulator has no task ${createdId}`);
        // Tracked at once, revealed and selected in the Tasks view.
        await wb.waitForRowIcon(createdId, 'clock');
        await wb.row(createdId).and(page.locator('[aria-selected="true"]')).waitFor({ timeout: WAIT_MS });
        sim.advance(20_000);
        await refresh();
        await wb.waitForRowIcon(createdId, 'sync');
        sim.advance(60_000);
        await refresh();
        await wb.waitForRowIcon(createdId, 'pass');
        await wb.notification(new RegExp(`${createdId} completed`)).waitFor({ timeout: WAIT_MS });
        await wb.runCommand('Notifications: Clear All Notifications');
        await wb.runCommand('View: Close All Editors');
        await page.getByRole('tab', { name: /New Video/ }).waitFor({ state: 'detached', timeout: WAIT_MS });
      },
    },
  ];
}
