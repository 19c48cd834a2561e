// Tracks the ids a link, the terminal or the editor found, and shows them in the Tasks view.
import type { Services } from '../services';

export interface TrackOrRevealResult {
  /** Ids now tracked that were not before. */
  added: string[];
  /** Ids that were tracked already (shown, not changed). */
  alreadyTracked: string[];
}

/**
 * Tracks the new ones among `ids` (with `label`, only when there is exactly one new id), then
 * reveals and selects the first of `ids` in the Tasks view. Ids must be valid already.
 */
export async function trackOrReveal({ store, view, log }: Pick<Services, 'store' | 'view' | 'log'>, ids: readonly string[], from: string, label?: string): Promise<TrackOrRevealResult> {
  const alreadyTracked = ids.filter((id) => store.has(id));
  const added = store.add(
    ids.filter((id) => !store.has(id)),
    Date.now(),
  );
  if (label !== undefined && added.length === 1) store.update(added[0], { label });
  if (added.length) log.info(`Tracking ${added.join(', ')} (from ${from})`);
  if (ids.length) await view.reveal(ids[0]).then(undefined, () => undefined);
  return { added, alreadyTracked };
}
