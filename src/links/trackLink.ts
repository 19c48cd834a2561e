// What a `vscode://veo-tools.veo-tasks/track?id=...&label=...` link asks for. Pure.
// Everything in it comes from outside VS Code (a web page, a script): ids follow the rules of
// typed ids, the label is cleaned and capped, and counts are capped.
import { validateTaskId } from '../input/parseTaskIds';
import { MAX_LABEL_LENGTH } from '../store/trackedTask';
import { cleanText } from '../util/safeText';
import { plainText } from '../util/plainText';
import { t } from '../util/l10n';

/** Ids one link may carry. */
export const MAX_LINK_IDS = 20;

export type TrackLink = { ok: true; ids: string[]; label?: string } | { ok: false; message: string };

/** `path` and `query` as VS Code hands them to a UriHandler (`uri.path`, `uri.query`). */
export function parseTrackLink(path: string, query: string): TrackLink {
  const action = path.replace(/^\/+|\/+$/g, '');
  if (action !== 'track') {
    return { ok: false, message: t('This VEO link asks for "{0}", which VEO Tasks does not do. Links look like vscode://veo-tools.veo-tasks/track?id=<task id>.', plainText(action, 40)) };
  }
  const params = new URLSearchParams(query);
  const ids = [...new Set(params.getAll('id').map((id) => id.trim()))];
  if (ids.length === 0 || ids.every((id) => id === '')) return { ok: false, message: t('This VEO link names no task: it needs ?id=<task id>.') };
  if (ids.length > MAX_LINK_IDS) return { ok: false, message: t('This VEO link names {0} tasks; one link may name at most {1}. Nothing was tracked.', ids.length, MAX_LINK_IDS) };
  for (const id of ids) {
    const problem = validateTaskId(id);
    if (problem) return { ok: false, message: t('This VEO link cannot be followed. {0}', problem) };
  }
  const rawLabel = params.get('label');
  const label = rawLabel === null || ids.length !== 1 ? '' : cleanText(rawLabel, MAX_LABEL_LENGTH).trim();
  return label === '' ? { ok: true, ids } : { ok: true, ids, label };
}
