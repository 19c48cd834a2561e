/*
 * Browser end-to-end step for ids in the terminal (issue #14): a script prints a task id in
 * the integrated terminal; "Terminal: Open Detected Link..." (the keyboard way to the links
 * the terminal found, the extension's among them) lists it as "Track VEO task"; choosing it
 * tracks the task, and its row appears in the Tasks view. run.ts runs it between its steps.
 */
import type { Page } from 'playwright-core';
import type { VeoSimulator } from '../../sim/simulator';
import type { E2eStep } from './newVideo';
import { Workbench, WAIT_MS } from './workbench';

export function terminalLinkSteps({ page, wb, sim }: { page: Page; wb: Workbench; sim: VeoSimulator }): E2eStep[] {
  return [
    {
      name: 'an id a script prints in the terminal is a link: Open Detected Link > the id tracks it, and its row appears',
      run: async () => {
        const task = sim.addTask({ queuedMs: 1e12 });
        await wb.runCommand('Terminal: Create New Terminal');
        const terminal = page.locator('.terminal-wrapper.active, .terminal.xterm').first();
        await terminal.waitFor({ timeout: WAIT_MS });
        // As a generation script would print it; printf keeps the id off the echoed command line.
        await page.keyboard.type(`printf 'created %s\\n' ${task.id.replace('_', "'_'")}`, { delay: 5 });
        await page.keyboard.press('Enter');
        await page.locator('.xterm-rows, .xterm-accessibility').getByText(`created ${task.id}`).first().waitFor({ timeout: WAIT_MS }).catch(() => undefined);
        await wb.runCommand('Terminal: Open Detected Link...');
        const option = wb.quickInput.getByRole('option', { name: new RegExp(task.id) }).first();
        await option.waitFor({ timeout: WAIT_MS });
        await option.click();
        await wb.waitForRowIcon(task.id, 'clock');
        await wb.runCommand('Terminal: Kill All Terminals');
      },
    },
  ];
}
