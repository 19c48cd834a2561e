import * as vscode from 'vscode';
import { givenOrAsk } from './askInput';
import { parseTaskIds } from '../input/parseTaskIds';
import type { Services } from '../services';
import { showInfo, showWarning } from '../ui/notify';
import { t } from '../util/l10n';

export interface TrackResult {
  added: string[];
  alreadyTracked: string[];
  errors: string[];
}

/**
 * "VEO: Track Task...": one or many ids, pasted. Under the test host an argument skips the
 * prompt; from elsewhere (a command link, another extension) it only pre-fills the box.
 */
export function registerTrackTask({ store, log, testMode }: Services): vscode.Disposable {
  return vscode.commands.registerCommand('veo.trackTask', async (given?: unknown): Promise<TrackResult | undefined> => {
    const input = await givenOrAsk(given, testMode, {
      title: t('VEO: Track Task'),
      prompt: t('One or more task ids, separated by spaces, commas or new lines'),
      placeHolder: 'vgen_abc123def456, video_fd35ee52-2a98-44a6-b930-29a88ce9b8fd',
      ignoreFocusOut: true,
      validateInput: (v) => {
        const parsed = parseTaskIds(v);
        if (parsed.errors.length) return parsed.errors[0];
        if (parsed.ids.length === 0) return t('Enter at least one task id.');
        return undefined;
      },
    });
    if (input === undefined) return undefined;
    const parsed = parseTaskIds(input);
    const alreadyTracked = parsed.ids.filter((id) => store.has(id));
    const added = store.add(parsed.ids, Date.now());
    if (added.length) log.info(`Tracking ${added.join(', ')}`);
    const notes: string[] = [];
    if (parsed.errors.length) notes.push(...parsed.errors);
    if (alreadyTracked.length) notes.push(t('Already tracked: {0}.', alreadyTracked.join(', ')));
    if (parsed.ids.length === 0 && parsed.errors.length === 0) notes.push(t('No task id was entered; nothing was tracked.'));
    if (notes.length) {
      const show = parsed.errors.length || added.length === 0 ? showWarning : showInfo;
      const tracking = added.length === 0 ? [] : [added.length === 1 ? t('Tracking 1 task.') : t('Tracking {0} tasks.', added.length)];
      void show([...tracking, ...notes].join(' '));
    }
    return { added, alreadyTracked, errors: parsed.errors };
  });
}
