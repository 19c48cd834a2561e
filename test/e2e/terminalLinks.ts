/*
 * Browser end-to-end step for ids in the terminal (issue #14): a script prints a task id in
 * the integrated terminal; the user points at it and Ctrl+clicks the link the extension
 * provides ("Track VEO task"); the task is tracked and its row appears in the Tasks view.
 * run.ts runs it between its own steps.
 */
import type { Page } from 'playwright-core';
import type { VeoSimulator } from '../../sim/simulator';
import type { E2eStep } from './steps';
import { Workbench, waitUntil } from './workbench';

/** Where `text` is drawn in the terminal's rows (the DOM renderer's text), or undefined. */
async function textPosition(page: Page, text: string): Promise<{ x: number; y: number } | undefined> {
  return page.evaluate((wanted) => {
    for (const row of Array.from(document.querySelectorAll('.terminal .xterm-rows > div'))) {
      const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node.textContent ?? '').indexOf(wanted);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const r = range.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
    }
    return undefined;
  }, text);
}

export function terminalLinkSteps({ page, wb, sim }: { page: Page; wb: Workbench; sim: VeoSimulator }): E2eStep[] {
  return [
    {
      name: 'an id a script prints in the terminal is a link: Ctrl+click "Track VEO task" tracks it, and its row appears',
      run: async () => {
        const task = sim.addTask({ queuedMs: 1e12 });
        await wb.runCommand('Terminal: Create New Terminal');
        const rows = page.locator('.terminal .xterm-rows');
        // The shell's prompt: only then does typing reach it.
        await waitUntil('the shell prompt', async () => /[$#]\s*$/.test((await rows.last().innerText().catch(() => '')).trim()));
        await page.locator('.terminal .xterm-helper-textarea').last().focus();
        // As a generation script prints it; the quotes keep the id off the echoed command line.
        await page.keyboard.type(`printf 'created %s\\n' ${task.id.replace('_', "'_'")}`, { delay: 5 });
        await page.keyboard.press('Enter');
        let at: { x: number; y: number } | undefined;
        await waitUntil(`"created ${task.id}" in the terminal`, async () => (at = await textPosition(page, task.id)) !== undefined);
        // Hovering asks the link providers; Ctrl+click opens the link under the pointer. On a
        // loaded machine the links may not be there yet at the first click: point and click again.
        const tracked = wb.row(task.id).locator('.codicon-clock');
        await waitUntil(`a Ctrl+click on ${task.id} to track it`, async () => {
          await page.mouse.move(at!.x - 4, at!.y);
          await page.mouse.move(at!.x, at!.y);
          await page.getByText(/Track VEO task/).first().waitFor({ timeout: 5_000 }).catch(() => undefined);
          await page.keyboard.down('Control');
          await page.mouse.move(at!.x + 2, at!.y);
          await page.mouse.down();
          await page.mouse.up();
          await page.keyboard.up('Control');
          return tracked.waitFor({ timeout: 5_000 }).then(() => true, () => false);
        }, 60_000);
        // The link also reveals the row: selected, with the Tasks view focused. That focus move
        // comes after the row appears, and would close a palette opened before it.
        await waitUntil(`the row of ${task.id} selected in the focused Tasks view`, () =>
          page.evaluate((id) => {
            const row = Array.from(document.querySelectorAll('[role="treeitem"]')).find((r) => (r.getAttribute('aria-label') ?? '').startsWith(id));
            const list = row?.closest('.monaco-list');
            return row?.getAttribute('aria-selected') === 'true' && !!list && list.contains(document.activeElement);
          }, task.id),
        );
        await wb.runCommand('Terminal: Kill All Terminals');
        // The terminal's panel closes with it; the user carries on in the Tasks view.
        await page.locator('.terminal .xterm-rows').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
        await wb.row(task.id).click();
      },
    },
  ];
}
