// `vscode://veo-tools.veo-tasks/track?id=<task id>&label=<name>`: a script (`code --open-url`)
// or a web page tracks a task, or shows it when it is tracked already. A link comes from
// outside VS Code, so before it starts tracking a task the user confirms (unless they said
// not to ask again: `veo.confirmTrackFromLinks`, a setting no workspace can change).
import * as vscode from 'vscode';
import { CONFIRM_LINKS_SETTING } from '../config/settings';
import type { Services } from '../services';
import { askModal, showWarning } from '../ui/notify';
import { listedIds, parseTrackLink } from './trackLink';
import { trackOrReveal } from './trackOrReveal';
import { t } from '../util/l10n';


/** Registered with `vscode.window.registerUriHandler` (extension.ts). */
export class TaskUriHandler implements vscode.UriHandler {
  constructor(private readonly services: Pick<Services, 'store' | 'view' | 'log' | 'configuration'>) {}

  async handleUri(uri: vscode.Uri): Promise<void> {
    const link = parseTrackLink(uri.path, uri.query);
    if (!link.ok) {
      void showWarning(link.message);
      return;
    }
    const { store, configuration } = this.services;
    const fresh = link.ids.filter((id) => !store.has(id));
    if (fresh.length && configuration.current.confirmTrackFromLinks) {
      const TRACK = t('Track');
      const ALWAYS = t("Track, and Don't Ask Again");
      // The message names one task; the ids themselves are listed in the detail, one a line,
      // so the user sees every task they agree to (a message is cut at 400 characters).
      const question =
        link.label !== undefined
          ? t('Track the VEO task {0} ("{1}")?', fresh[0], link.label)
          : fresh.length === 1
            ? t('Track the VEO task {0}?', fresh[0])
            : t('Track {0} VEO tasks?', fresh.length);
      const detail = t('A link opened from outside VS Code asks to track it. Tracking asks the VEO API about it with your key; it spends no credits.');
      const choice = await askModal(question, [detail, '', ...listedIds(fresh)].join('\n'), TRACK, ALWAYS);
      if (choice === undefined) return;
      if (choice === ALWAYS) await vscode.workspace.getConfiguration().update(CONFIRM_LINKS_SETTING, false, vscode.ConfigurationTarget.Global);
    }
    await trackOrReveal(this.services, link.ids, 'a vscode:// link', link.label);
  }
}
