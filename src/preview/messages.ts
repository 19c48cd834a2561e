// Messages between a preview page (media/preview.js) and the extension. Pure: what the
// page posts is checked here before anything acts on it.
import type { PreviewError } from './previewModel';

export type PlaybackState = 'loading' | 'playing' | 'paused' | 'error';

export interface StateReport {
  state: PlaybackState;
  /** Error kind (`expired`, `network`, `format`, ...), or why it is loading/paused. */
  detail?: string;
  /** Seconds into the video. */
  currentTime?: number;
}

/** Actions the extension performs for the page (the others the page does itself). */
export type HostAction = 'download' | 'copyUrl' | 'openExternal' | 'openInSystemPlayer';

export type PageMessage =
  | ({ type: 'state' } & StateReport)
  | { type: 'playbackFailed'; code?: number }
  | { type: 'action'; action: HostAction };

export type HostMessage = { type: 'showError'; error: PreviewError };

const STATES: readonly string[] = ['loading', 'playing', 'paused', 'error'];
const HOST_ACTIONS: readonly string[] = ['download', 'copyUrl', 'openExternal', 'openInSystemPlayer'];
const MAX_DETAIL = 100;

/** The message the page posted, or undefined when it is not one of ours. */
export function parsePageMessage(raw: unknown): PageMessage | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'state': {
      if (typeof m.state !== 'string' || !STATES.includes(m.state)) return undefined;
      const report: PageMessage = { type: 'state', state: m.state as PlaybackState };
      if (typeof m.detail === 'string') report.detail = m.detail.slice(0, MAX_DETAIL);
      if (isSeconds(m.currentTime)) report.currentTime = m.currentTime;
      return report;
    }
    case 'playbackFailed':
      return { type: 'playbackFailed', code: typeof m.code === 'number' && Number.isInteger(m.code) ? m.code : undefined };
    case 'action':
      return typeof m.action === 'string' && HOST_ACTIONS.includes(m.action) ? { type: 'action', action: m.action as HostAction } : undefined;
    default:
      return undefined;
  }
}

function isSeconds(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0;
}
