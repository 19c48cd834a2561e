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

/**
 * `path` and `query` as VS Code hands them to a UriHandler (`uri.path`, `uri.query`).
 *
 * VS Code has already percent-decoded `uri.query` (Uri.parse decodes every component), so it is
 * read as it is: split on `&`, each part at its first `=`, and NOTHING decoded again (no
 * URLSearchParams: it would decode `%2541` a second time and read `+` as a space). Hence a
 * label cannot contain `&`: `label=R%26D` arrives as `label=R&D`, the same text as a label
 * `R` followed by a part `D`. Such a part, any parameter other than `id` and `label`, a second
 * label, or a label with more than one id (`label=x%26id%3Dvgen_other` arrives as
 * `label=x&id=vgen_other`) refuses the whole link rather than guessing what was meant.
 */
export function parseTrackLink(path: string, query: string): TrackLink {
  const action = path.replace(/^\/+|\/+$/g, '');
  if (action !== 'track') {
    return { ok: false, message: t('This VEO link asks for "{0}", which VEO Tasks does not do. Links look like vscode://veo-tools.veo-tasks/track?id=<task id>.', plainText(action, 40)) };
  }
  const given: string[] = [];
  const labels: string[] = [];
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const [key, value] = eq < 0 ? [part, undefined] : [part.slice(0, eq), part.slice(eq + 1)];
    if (key === 'id' && value !== undefined) given.push(value.trim());
    else if (key === 'label' && value !== undefined) labels.push(value);
    else return { ok: false, message: t('This VEO link has a part VEO Tasks does not know ("{0}"): a link takes only id and label, and a label cannot contain "&". Nothing was tracked.', plainText(part, 60)) };
  }
  const ids = [...new Set(given)];
  if (ids.length === 0 || ids.every((id) => id === '')) return { ok: false, message: t('This VEO link names no task: it needs ?id=<task id>.') };
  if (ids.length > MAX_LINK_IDS) return { ok: false, message: t('This VEO link names {0} tasks; one link may name at most {1}. Nothing was tracked.', ids.length, MAX_LINK_IDS) };
  for (const id of ids) {
    const problem = validateTaskId(id);
    if (problem) return { ok: false, message: t('This VEO link cannot be followed. {0}', problem) };
  }
  if (labels.length > 1) return { ok: false, message: t('This VEO link has {0} labels; a link takes at most one (and a label cannot contain "&"). Nothing was tracked.', labels.length) };
  if (labels.length === 1 && ids.length > 1) {
    return { ok: false, message: t('This VEO link names {0} tasks and a label, but a label names one task (and cannot contain "&"). Nothing was tracked.', ids.length) };
  }
  const label = labels.length === 0 ? '' : cleanText(labels[0], MAX_LABEL_LENGTH).trim();
  return label === '' ? { ok: true, ids } : { ok: true, ids, label };
}

/** Ids listed one a line in the question a link asks, before "...and N more". */
export const MAX_LISTED_IDS = 10;

/** The lines that name `ids` in that question: each id (plain text), at most MAX_LISTED_IDS, then how many more. */
export function listedIds(ids: readonly string[]): string[] {
  const shown = ids.length > MAX_LISTED_IDS ? ids.slice(0, MAX_LISTED_IDS - 1) : [...ids];
  const lines = shown.map((id) => plainText(id, 300));
  return ids.length > shown.length ? [...lines, t('…and {0} more.', ids.length - shown.length)] : lines;
}
