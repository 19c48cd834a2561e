// "Track Task IDs in Selection / in File": every id in a text, the new ones tracked.
import { findTaskIds, mentionsVeoAnswer } from '../input/findTaskIds';
import type { Services } from '../services';
import { confirmModal, showInfo } from '../ui/notify';
import { trackOrReveal, type TrackOrRevealResult } from './trackOrReveal';
import { displayLanguage, t } from '../util/l10n';

/** More new tasks than this at once: the user confirms first (each is polled with their key). */
export const CONFIRM_ABOVE = 20;

const count = (n: number): string => n.toLocaleString(displayLanguage());

/** Where the ids were looked for: said in messages in the display language, in the log in English. */
export type IdSource = 'the selection' | 'this file';

export async function trackIdsInText(services: Services, text: string, source: IdSource): Promise<TrackOrRevealResult | undefined> {
  const where = source === 'this file' ? t('this file') : t('the selection');
  // A whole JSON file's "id" fields are task ids only when it is a printed VEO answer.
  const { found, truncated } = findTaskIds(text, { fields: mentionsVeoAnswer(text) });
  const ids = found.map((f) => f.id);
  const cut = !truncated ? '' : ` ${ids.length === 1 ? t('Only the first id found was looked at.') : t('Only the first {0} ids found were looked at.', count(ids.length))}`;
  if (ids.length === 0) {
    void showInfo(t('No VEO task ids found in {0} (ids look like vgen_abc123def456 or video_<uuid>, or are the "id" of a printed VEO answer).', where) + cut);
    return undefined;
  }
  const fresh = ids.filter((id) => !services.store.has(id));
  if (fresh.length > CONFIRM_ABOVE && !(await confirmModal(t('Track {0} VEO tasks found in {1}?', count(fresh.length), where), t('Each one is asked about with your key every poll interval until it finishes.'), t('Track')))) {
    return undefined;
  }
  const result = await trackOrReveal(services, fresh.length ? fresh : ids, source);
  const known = ids.length - fresh.length;
  void showInfo(trackedText(result.added.length, known, where) + cut);
  return { added: result.added, alreadyTracked: ids.filter((id) => !result.added.includes(id)) };
}

/** What was tracked, one whole sentence per case (so every language can say it its way). */
function trackedText(added: number, known: number, where: string): string {
  if (added === 0) return known === 1 ? t('The task id in {0} is tracked already.', where) : t('All {0} task ids in {1} are tracked already.', count(known), where);
  if (added === 1) {
    if (known === 0) return t('Tracking 1 new VEO task found in {0}.', where);
    return known === 1 ? t('Tracking 1 new VEO task found in {0} (1 other was tracked already).', where) : t('Tracking 1 new VEO task found in {0} ({1} others were tracked already).', where, count(known));
  }
  if (known === 0) return t('Tracking {0} new VEO tasks found in {1}.', count(added), where);
  return known === 1
    ? t('Tracking {0} new VEO tasks found in {1} (1 other was tracked already).', count(added), where)
    : t('Tracking {0} new VEO tasks found in {1} ({2} others were tracked already).', count(added), where, count(known));
}
