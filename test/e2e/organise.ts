/*
 * Browser end-to-end steps for finding and organising tasks (issue #13): F1 > "VEO: Group
 * By..." > Day puts the rows under "Today"; F1 > "VEO: Filter by Text..." narrows them as the
 * user types and the view says what is filtered; the view title's Clear Filter brings every row
 * back; grouped by status, the "Completed" group's context menu downloads what is left. run.ts runs them between its own steps, with the tasks it tracked so far.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { Workbench, WAIT_MS, waitUntil } from './workbench';
import type { E2eStep } from './steps';

export interface OrganiseContext {
  page: Page;
  wb: Workbench;
  /** Where README screenshots go. */
  screenshots: string;
  /** A tracked task whose error text no other task has, and one that is not it. */
  failedId: string;
  otherId: string;
  /** A word of that error. */
  errorWord: string;
  /** Where the group download saves (a file path the save dialog is given). */
  groupDownloadFile: string;
  /** The bytes every simulator video has. */
  videoBytes: Buffer;
}

export function organiseSteps({ page, wb, screenshots, failedId, otherId, errorWord, groupDownloadFile, videoBytes }: OrganiseContext): E2eStep[] {
  const groupRow = (name: string) => page.getByRole('treeitem', { name: new RegExp(`^${name}, \\d+ tasks?$`) });
  const pick = async (command: string, title: string, choice: string) => {
    await wb.runCommand(command, title);
    await wb.typeIntoInput(choice);
    await wb.quickInput.getByRole('option', { name: new RegExp(`^${choice}`) }).first().waitFor({ timeout: WAIT_MS });
    await page.keyboard.press('Enter');
  };

  return [
    {
      name: 'F1 > "VEO: Group By..." > Day: every row sits under "Today", a group row with its count',
      run: async () => {
        await pick('VEO: Group By...', 'Group the VEO tasks by', 'Day');
        await groupRow('Today').waitFor({ timeout: WAIT_MS });
        await wb.row(failedId).waitFor({ timeout: WAIT_MS });
        const level = await wb.row(failedId).getAttribute('aria-level');
        if (level !== '2') throw new Error(`the task row is at level ${level}, not under its group`);
      },
    },
    {
      name: 'F1 > "VEO: Filter by Text..." narrows the rows as the user types; the view says "Filtered"; Clear Filter brings them back',
      run: async () => {
        // Typed key by key, as a person types; a box that lost focus before it had all the text
        // (a late focus move on a loaded machine) is opened again and typed into again.
        // (The box is told by its title: the previous step's picker may still be closing.)
        const filterBox = wb.quickInput.locator('.quick-input-title', { hasText: 'Filter VEO tasks' });
        await waitUntil('the filter box to hold what was typed', async () => {
          try {
            if (!(await filterBox.isVisible())) await wb.runCommand('VEO: Filter by Text...', 'Filter VEO tasks');
            await wb.quickInputBox.fill('', { timeout: 3_000 });
            await page.keyboard.type(errorWord, { delay: 40 });
            return (await filterBox.isVisible()) && (await wb.quickInputBox.inputValue({ timeout: 3_000 })) === errorWord;
          } catch {
            return false;
          }
        });
        await wb.row(otherId).waitFor({ state: 'detached', timeout: WAIT_MS });
        await wb.row(failedId).waitFor({ timeout: WAIT_MS });
        await page.keyboard.press('Enter');
        await wb.viewPane.getByText(/^Filtered: /).waitFor({ timeout: WAIT_MS });
        await groupRow('Today').waitFor({ timeout: WAIT_MS });
        await wb.widenSideBar(640);
        await page.mouse.move(1000, 400);
        await page.screenshot({ path: path.join(screenshots, 'organise.png') });

        await wb.viewTitleAction('Clear Filter');
        await wb.row(otherId).waitFor({ timeout: WAIT_MS });
        await waitUntil('the "Filtered" message gone', async () => (await wb.viewPane.getByText(/^Filtered: /).count()) === 0);
      },
    },
    {
      name: 'Group By > Status; right-click the "Completed" group > "Download All Completed": the one not downloaded yet is saved',
      run: async () => {
        await pick('VEO: Group By...', 'Group the VEO tasks by', 'Status');
        const completed = groupRow('Completed');
        await completed.waitFor({ timeout: WAIT_MS });
        await completed.click({ button: 'right' });
        await wb.chooseMenuItem('Download All Completed');
        // One video left to download in the group: VS Code's save dialog, as for one task.
        await waitUntil('the save dialog', async () => (await wb.quickInputBox.inputValue()).endsWith('.mp4'));
        await wb.typeIntoInput(groupDownloadFile);
        await page.keyboard.press('Enter');
        await waitUntil(`${groupDownloadFile} with the simulator's bytes`, () => fs.existsSync(groupDownloadFile) && fs.readFileSync(groupDownloadFile).equals(videoBytes));
        await pick('VEO: Group By...', 'Group the VEO tasks by', 'None');
        await completed.waitFor({ state: 'detached', timeout: WAIT_MS });
      },
    },
  ];
}
