// The `veo.*` settings as the extension uses them: read from raw values, clamped and
// checked. Pure: `configuration.ts` feeds it from VS Code.
import { isLoopbackHost } from '../util/loopback';
import { BaseUrlCheck, checkBaseUrl, DEFAULT_BASE_URL } from './baseUrl';

export const MIN_POLL_SECONDS = 10;
export const MAX_POLL_SECONDS = 600;
const DEFAULT_POLL_SECONDS = 30;
const MAX_EXPIRY_WARNING_HOURS = 23;
const DEFAULT_MAX_DOWNLOAD_MB = 2048;
const MAX_DOWNLOAD_MB = 1024 * 1024;
export const DEFAULT_HISTORY_LIMIT = 10_000;
export const MIN_HISTORY_LIMIT = 100;
export const MAX_HISTORY_LIMIT = 100_000;

export interface Settings {
  baseUrl: BaseUrlCheck;
  pollIntervalMs: number;
  notifyOnCompletion: boolean;
  /** Empty: the default (first workspace folder, else ~/Downloads). */
  downloadDirectory: string;
  autoDownload: boolean;
  expiryWarningHours: number;
  /** Downloads larger than this are refused (`veo.maxDownloadSizeMB`). */
  maxDownloadBytes: number;
  /** Ask once per session before a request spends credits (`veo.confirmBeforeGenerate`). */
  confirmBeforeGenerate: boolean;
  /** How many tasks the list keeps (`veo.history.maxTasks`). */
  historyLimit: number;
  /** What happens past it (`veo.history.whenFull`): the oldest finished tasks are forgotten, or nothing is. */
  historyWhenFull: 'forgetOldestFinished' | 'keepAll';
  /** Ask before a vscode:// link starts tracking a task (`veo.confirmTrackFromLinks`). */
  confirmTrackFromLinks: boolean;
}

/** The full name of the setting `confirmTrackFromLinks` reads (the link handler turns it off on request). */
export const CONFIRM_LINKS_SETTING = 'veo.confirmTrackFromLinks';

/** Reads one raw setting (`veo.<key>`), as `WorkspaceConfiguration.get` does. */
export type RawSetting = (key: string) => unknown;

/** Settings a workspace may set only once the user trusts it (see `capabilities` in package.json). */
export const RESTRICTED_SETTINGS: ReadonlySet<string> = new Set(['downloadDirectory', 'autoDownload', 'maxDownloadSizeMB', 'notifyOnCompletion', 'expiryWarningHours', 'confirmBeforeGenerate']);

/**
 * Settings only the user's own settings may set (`"scope": "application"`): they act on the
 * task list of the whole profile, so no workspace, trusted or not, may shrink it.
 */
export const APPLICATION_SETTINGS: ReadonlySet<string> = new Set(['history.maxTasks', 'history.whenFull', 'confirmTrackFromLinks']);

/** A setting's value per scope, as `WorkspaceConfiguration.inspect` reports it. */
export interface SettingLayers {
  defaultValue?: unknown;
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
}

/**
 * The value in effect: the most specific scope, except that an untrusted workspace's own
 * values of restricted settings are ignored (a cloned repo must not choose where videos go).
 */
export function effectiveValue(key: string, layers: SettingLayers | undefined, trusted: boolean): unknown {
  if (!layers) return undefined;
  const workspaceMayChoose = !APPLICATION_SETTINGS.has(key) && (trusted || !RESTRICTED_SETTINGS.has(key));
  const workspace = workspaceMayChoose ? (layers.workspaceFolderValue ?? layers.workspaceValue) : undefined;
  return workspace ?? layers.globalValue ?? layers.defaultValue;
}

export function parseSettings(get: RawSetting): Settings {
  const seconds = Number(get('pollIntervalSeconds') ?? DEFAULT_POLL_SECONDS);
  const base = get('baseUrl');
  const hours = Number(get('expiryWarningHours') ?? 3);
  const dir = get('downloadDirectory');
  const mb = Number(get('maxDownloadSizeMB') ?? DEFAULT_MAX_DOWNLOAD_MB);
  const history = Number(get('history.maxTasks') ?? DEFAULT_HISTORY_LIMIT);
  return {
    baseUrl: checkBaseUrl(typeof base === 'string' && base !== '' ? base : DEFAULT_BASE_URL),
    pollIntervalMs: (Number.isFinite(seconds) ? clamp(seconds, MIN_POLL_SECONDS, MAX_POLL_SECONDS) : DEFAULT_POLL_SECONDS) * 1000,
    notifyOnCompletion: get('notifyOnCompletion') !== false,
    downloadDirectory: typeof dir === 'string' ? dir.trim() : '',
    autoDownload: get('autoDownload') === true,
    expiryWarningHours: Number.isFinite(hours) ? clamp(hours, 0, MAX_EXPIRY_WARNING_HOURS) : 0,
    confirmBeforeGenerate: get('confirmBeforeGenerate') !== false,
    maxDownloadBytes: (Number.isFinite(mb) ? clamp(Math.round(mb), 1, MAX_DOWNLOAD_MB) : DEFAULT_MAX_DOWNLOAD_MB) * 1024 * 1024,
    historyLimit: Number.isFinite(history) ? clamp(Math.round(history), MIN_HISTORY_LIMIT, MAX_HISTORY_LIMIT) : DEFAULT_HISTORY_LIMIT,
    historyWhenFull: get('history.whenFull') === 'keepAll' ? 'keepAll' : 'forgetOldestFinished',
    confirmTrackFromLinks: get('confirmTrackFromLinks') !== false,
  };
}

/** The API is on this machine (the simulator): only then may video links point here too. */
export function apiIsLocal(settings: Settings): boolean {
  return settings.baseUrl.ok && isLoopbackHost(new URL(settings.baseUrl.url).hostname);
}

/** Which settings differ between two readings. */
export function changedSettings(previous: Settings, current: Settings): Set<keyof Settings> {
  const changed = new Set<keyof Settings>();
  for (const key of Object.keys(current) as (keyof Settings)[]) {
    if (JSON.stringify(previous[key]) !== JSON.stringify(current[key])) changed.add(key);
  }
  return changed;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
