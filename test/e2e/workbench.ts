// Playwright helpers for driving the VS Code workbench as a person would: by role, label
// and codicon class, waiting for conditions, never for fixed times.
import type { FrameLocator, Locator, Page } from 'playwright-core';

export const WAIT_MS = 30_000;

export class Workbench {
  constructor(readonly page: Page) {}

  /** The VEO activity-bar item (its aria-label starts with the container title). */
  get activityItem(): Locator {
    return this.page.locator('.activitybar .action-item').filter({ has: this.page.locator('[aria-label^="VEO"]') });
  }

  /** The side bar showing the VEO container (its only view puts its actions in the bar's title). */
  get viewPane(): Locator {
    return this.page.locator('.part.sidebar');
  }

  async openVeoView(): Promise<void> {
    await this.page.locator('.activitybar [aria-label^="VEO"]').first().click({ timeout: WAIT_MS });
    await this.viewPane.waitFor({ timeout: WAIT_MS });
  }

  /** A button of the view's welcome content (not the same-named title action). */
  welcomeButton(name: string): Locator {
    return this.viewPane.locator('.welcome-view-content').getByRole('button', { name, exact: true });
  }

  /** The tree row of a task (its accessible name starts with the label or id). */
  row(text: string): Locator {
    return this.page.getByRole('treeitem', { name: new RegExp(`^${escapeRegExp(text)}`) });
  }

  async waitForRowIcon(text: string, codicon: string): Promise<void> {
    await this.row(text).locator(`.codicon-${codicon}`).waitFor({ timeout: WAIT_MS });
  }

  get quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  get quickInputBox(): Locator {
    return this.quickInput.locator('input.input');
  }

  /** Waits until the quick input shows the input box titled `title` (not the palette it replaced). */
  async waitForInput(title: string): Promise<void> {
    await this.quickInput.locator('.quick-input-title', { hasText: title }).waitFor({ timeout: WAIT_MS });
    await this.quickInputBox.focus();
  }

  /** F1, the command's title, Enter; with `inputTitle`, also waits for the input box it opens. */
  async runCommand(title: string, inputTitle?: string): Promise<void> {
    // A key pressed while focus is moving (a view closing, a panel taking focus) can be lost,
    // and a palette that opened can close again when focus moves after it: F1 again until the
    // palette shows the command, as a person would.
    const option = this.quickInput.getByRole('option', { name: new RegExp(escapeRegExp(title)) }).first();
    await waitUntil(`the command palette to offer "${title}"`, async () => {
      try {
        if (!(await this.quickInputBox.isVisible())) await this.page.keyboard.press('F1');
        await this.quickInputBox.fill(`>${title}`, { timeout: 3_000 });
        await option.waitFor({ timeout: 5_000 });
        return true;
      } catch {
        return false;
      }
    });
    await this.page.keyboard.press('Enter');
    if (inputTitle) await this.waitForInput(inputTitle);
  }

  /** Types into the open input box (replacing what it holds) and waits for its message, if any. */
  async typeIntoInput(text: string): Promise<void> {
    await this.quickInputBox.waitFor({ timeout: WAIT_MS });
    await this.quickInputBox.fill(text);
  }

  /** The validation message under the input box. */
  get inputMessage(): Locator {
    return this.quickInput.locator('.quick-input-message');
  }

  async openContextMenu(rowText: string): Promise<void> {
    await this.row(rowText).click({ button: 'right' });
    await this.page.getByRole('menu').waitFor({ timeout: WAIT_MS });
  }

  /** Chooses an item of the open context menu (VS Code ignores a click that comes too soon after opening, so it waits until the menu has closed). */
  async chooseMenuItem(item: string): Promise<void> {
    const entry = this.page.getByRole('menuitem', { name: item, exact: true });
    await entry.hover({ timeout: WAIT_MS });
    await waitUntil(`the menu to run "${item}"`, async () => {
      if (await this.page.getByRole('menu').isHidden()) return true;
      await entry.click({ timeout: 2_000 }).catch(() => undefined);
      return this.page.getByRole('menu').isHidden();
    });
  }

  async contextMenu(rowText: string, item: string): Promise<void> {
    await this.openContextMenu(rowText);
    await this.chooseMenuItem(item);
  }

  /** Widens the side bar so rows show their whole description (for screenshots). */
  async widenSideBar(toX: number): Promise<void> {
    const box = await this.viewPane.boundingBox();
    if (!box) return;
    const x = box.x + box.width;
    await this.page.mouse.move(x, box.y + box.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(toX, box.y + box.height / 2, { steps: 5 });
    await this.page.mouse.up();
  }

  /** Clicks a button in the VEO view's title bar by its label. */
  async viewTitleAction(label: string): Promise<void> {
    await this.viewPane.hover();
    await this.viewPane.locator('.title-actions, .actions-container').getByRole('button', { name: label, exact: true }).first().click({ timeout: WAIT_MS });
  }

  notification(text: RegExp): Locator {
    return this.page.locator('.notification-toast').filter({ hasText: text });
  }

  statusBarItem(text: RegExp): Locator {
    return this.page.locator('.statusbar-item').filter({ hasText: text });
  }

  /** The content frame of the active webview (VS Code nests it: iframe.webview > #active-frame). */
  webview(): FrameLocator {
    return this.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  }
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Polls `condition` until it holds (for things outside the page, e.g. a file on disk). */
export async function waitUntil(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = WAIT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
