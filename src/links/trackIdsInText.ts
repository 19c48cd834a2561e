// "Track Task IDs in Selection / in File": every id in a text, the new ones tracked.
import { findTaskIds, mentionsVeoAnswer } from '../input/findTaskIds';
import type { Services } from '../services';
import { confirmModal, showInfo } from '../ui/notify';
import { trackOrReveal, type TrackOrRevealResult } from './trackOrReveal';

/** More new tasks than this at once: the user confirms first (each is polled with their key). */
export const CONFIRM_ABOVE = 20;

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export async function trackIdsInText(services: Services, text: string, where: string): Promise<TrackOrRevealResult | undefined> {
  // A whole JSON file's "id" fields are task ids only when it is a printed VEO answer.
  const { found, truncated } = findTaskIds(text, { fields: mentionsVeoAnswer(text) });
  const ids = found.map((f) => f.id);
  const cut = truncated ? ` Only the first ${plural(ids.length, 'id')} found were looked at.` : '';
  if (ids.length === 0) {
    void showInfo(`No VEO task ids found in ${where} (ids look like vgen_abc123def456 or video_<uuid>, or are the "id" of a printed VEO answer).${cut}`);
    return undefined;
  }
  const fresh = ids.filter((id) => !services.store.has(id));
  if (fresh.length > CONFIRM_ABOVE && !(await confirmModal(`Track ${plural(fresh.length, 'VEO task')} found in ${where}?`, 'Each one is asked about with your key every poll interval until it finishes.', 'Track'))) {
    return undefined;
  }
  const result = await trackOrReveal(services, fresh.length ? fresh : ids, where);
  const known = ids.length - fresh.length;
  void showInfo(
    result.added.length === 0
      ? `${known === 1 ? 'The task id' : `All ${plural(known, 'task id')}`} in ${where} ${known === 1 ? 'is' : 'are'} tracked already.${cut}`
      : `Tracking ${plural(result.added.length, 'new VEO task')} found in ${where}${known ? ` (${plural(known, 'other was', 'others were')} tracked already)` : ''}.${cut}`,
  );
  return { added: result.added, alreadyTracked: ids.filter((id) => !result.added.includes(id)) };
}
