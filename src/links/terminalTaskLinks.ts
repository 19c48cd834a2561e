// Task ids in the integrated terminal's output become links: "Track VEO task", or "Show VEO
// task" when it is tracked already. The terminal's text is only searched for ids (validated
// like typed ones); nothing of it is ever run or rendered. An `"id"` field counts only on a line
// that looks like a VEO answer (findTerminalTaskIds): other tools print `"id"`s too.
import * as vscode from 'vscode';
import { findTerminalTaskIds } from '../input/findTaskIds';
import type { Services } from '../services';
import { trackOrReveal } from './trackOrReveal';
import { t } from '../util/l10n';

/** Longest terminal line looked at (a line is the wrapped lines of one output line). */
const MAX_LINE = 4_000;
/** Links on one line at most. */
const MAX_LINKS_PER_LINE = 20;

export class TaskIdLink extends vscode.TerminalLink {
  constructor(
    startIndex: number,
    length: number,
    tooltip: string,
    readonly taskId: string,
  ) {
    super(startIndex, length, tooltip);
  }
}

/** Registered with `vscode.window.registerTerminalLinkProvider` (extension.ts). */
export class TerminalTaskLinks implements vscode.TerminalLinkProvider<TaskIdLink> {
  constructor(private readonly services: Pick<Services, 'store' | 'view' | 'log'>) {}

  provideTerminalLinks(context: vscode.TerminalLinkContext): TaskIdLink[] {
    const { store } = this.services;
    return findTerminalTaskIds(context.line, { maxChars: MAX_LINE, maxIds: MAX_LINKS_PER_LINE }).map(
      (found) => new TaskIdLink(found.index, found.length, store.has(found.id) ? t('Show VEO task') : t('Track VEO task'), found.id),
    );
  }

  async handleTerminalLink(link: TaskIdLink): Promise<void> {
    await trackOrReveal(this.services, [link.taskId], 'the terminal');
  }
}
