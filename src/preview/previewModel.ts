// What a preview panel shows for one task: its facts, what to play, and the error states
// with their ways out. Pure (no `vscode`): the panel turns this into a webview page.
import { linkRefusal } from '../download/linkPolicy';
import type { LinkState } from '../download/probeLink';
import { linkExpiresAt, taskDurations, taskLabel, taskState, TrackedTask, videoAvailability } from '../store/trackedTask';
import { stateText } from '../store/taskStateText';
import { formatDuration } from '../util/formatDuration';
import { formatDateTime, t } from '../util/l10n';

export const expiredText = (): string => t('This link expired; download copies are kept locally - none exists for this task');
export const networkText = (): string => t('Could not load the video: network error');
export const formatText = (): string => t('This video format is not supported here');
export const untrackedText = (): string => t('This task is no longer tracked.');
export const refusedText = (): string => t('The video link (or a redirect it sent) is not https, so it is not loaded here.');

/** `detail` of an error state, as the page reports it. */
export type PreviewErrorKind = 'expired' | 'network' | 'format' | 'noVideo' | 'untracked' | 'refused';

/** Buttons of the page: the toolbar's, and the ways out of an error. */
export type PreviewAction = 'download' | 'copyUrl' | 'openExternal' | 'openInSystemPlayer' | 'retry' | 'tryAnyway';

export interface PreviewError {
  kind: PreviewErrorKind;
  message: string;
  /** Ways out offered with the message, in order. */
  actions: PreviewAction[];
}

export interface PreviewFact {
  name: string;
  value: string;
}

export type PreviewSource = { kind: 'local'; path: string } | { kind: 'remote'; url: string };

export interface PreviewModel {
  taskId: string;
  title: string;
  facts: PreviewFact[];
  /** What the video element plays; absent when there is nothing that could play. */
  source?: PreviewSource;
  /** The video link the API gave, for "Copy Video URL" and "Open in Browser". */
  videoUrl?: string;
  /** The video host refused the link: opening it elsewhere is pointless. */
  linkDead: boolean;
  /** "Download" is offered: the link should work and there is no local copy. */
  canDownload: boolean;
  /** Shown instead of loading the video. */
  blocked?: PreviewError;
}

/** MediaError codes (the DOM constants, which a Node module cannot reference). */
export const MEDIA_ERR_ABORTED = 1;
export const MEDIA_ERR_NETWORK = 2;
export const MEDIA_ERR_DECODE = 3;
export const MEDIA_ERR_SRC_NOT_SUPPORTED = 4;

/**
 * The model of task `taskId` (`task` undefined: no longer tracked). `localFileExists` tells
 * whether `task.localFile` is still on disk; a missing copy falls back to the link. A link
 * the policy refuses (`linkRefusal`: not https, or local while the API is not) is not played.
 */
export function previewModel(taskId: string, task: TrackedTask | undefined, now: number, localFileExists: boolean, allowLocalLinks = true): PreviewModel {
  if (!task) {
    return {
      taskId, title: taskId, facts: [{ name: 'ID', value: taskId }], linkDead: false, canDownload: false,
      blocked: { kind: 'untracked', message: untrackedText(), actions: [] },
    };
  }
  const local = task.localFile !== undefined && localFileExists ? task.localFile : undefined;
  const video = videoAvailability(local ? task : { ...task, localFile: undefined }, now);
  const link = task.result?.video_url ?? undefined;
  const refused = link !== undefined && linkRefusal(link, allowLocalLinks) !== undefined;
  const videoUrl = refused ? undefined : link;
  const linkDead = task.linkExpired === true;
  const model: PreviewModel = {
    taskId: task.id,
    title: taskLabel(task),
    facts: taskFacts(task, now, local !== undefined),
    videoUrl,
    linkDead,
    canDownload: video === 'online',
  };
  if (video === 'downloaded' && local) {
    model.source = { kind: 'local', path: local };
  } else if (refused && video !== 'none') {
    model.canDownload = false;
    model.blocked = errorFor(model, 'refused');
  } else if (video === 'online' && videoUrl) {
    model.source = { kind: 'remote', url: videoUrl };
  } else if (video === 'expired') {
    // Expired by the estimate only: the link may still work, so the user may try it.
    if (videoUrl && !linkDead) model.source = { kind: 'remote', url: videoUrl };
    model.blocked = errorFor(model, 'expired');
  } else {
    model.blocked = { kind: 'noVideo', message: noVideoText(task), actions: [] };
  }
  return model;
}

/** The error to show after playback failed with MediaError `code` and the link probe said `probe`. */
export function playbackError(model: PreviewModel, probe: LinkState, code: number | undefined): PreviewError {
  if (probe === 'expired') return errorFor({ ...model, linkDead: true, source: undefined }, 'expired');
  if (probe === 'network') return errorFor(model, 'network');
  if (probe === 'refused') return errorFor({ ...model, linkDead: true }, 'refused');
  if (probe === 'ok' && code === MEDIA_ERR_NETWORK) return errorFor(model, 'network');
  return errorFor(model, 'format');
}

/** An error of `kind` with the ways out that make sense for `model`. */
export function errorFor(model: PreviewModel, kind: PreviewErrorKind): PreviewError {
  const linkUsable = model.videoUrl !== undefined && !model.linkDead;
  const actions: PreviewAction[] = [];
  switch (kind) {
    case 'expired':
      if (linkUsable && model.source?.kind === 'remote') actions.push('tryAnyway');
      return { kind, message: expiredText(), actions };
    case 'network':
      if (model.source) actions.push('retry');
      if (linkUsable) actions.push('openExternal');
      return { kind, message: networkText(), actions };
    case 'format':
      if (linkUsable) actions.push('openExternal');
      if (model.canDownload) actions.push('download');
      return { kind, message: formatText(), actions };
    case 'untracked':
      return { kind, message: untrackedText(), actions };
    case 'refused':
      return { kind, message: refusedText(), actions };
    case 'noVideo':
      return { kind, message: t('There is no video for this task.'), actions };
  }
}

function noVideoText(task: TrackedTask): string {
  const state = taskState(task);
  switch (state) {
    case 'failed':
      return t('This task failed: {0}', task.result?.error ?? t('no reason given'));
    case 'notFound':
      return t('The VEO API does not know this task, so there is no video.');
    case 'unknown':
      return t('No video: the task\'s status is "{0}".', task.result?.status ?? '');
    case 'pending':
      return t('No video yet: the task has not been checked. This preview updates when it completes.');
    case 'queued':
      return t('No video yet: the task is queued. This preview updates when it completes.');
    case 'processing':
      return t('No video yet: the task is processing. This preview updates when it completes.');
    case 'completed':
      // Completed without a usable link (none sent), and no downloaded copy on disk (any more).
      return task.localFile !== undefined
        ? t('The downloaded video is no longer on disk, and the VEO API gave this task no video URL.')
        : t('The task completed, but the VEO API gave it no video URL.');
  }
}

function taskFacts(task: TrackedTask, now: number, hasLocalCopy: boolean): PreviewFact[] {
  const r = task.result;
  const facts: PreviewFact[] = [];
  if (task.label !== undefined) facts.push({ name: t('Name'), value: task.label });
  facts.push({ name: t('ID'), value: task.id });
  if (task.request) facts.push({ name: t('Prompt'), value: task.request.prompt });
  facts.push({ name: t('Model'), value: r?.model ?? t('unknown') });
  if (r?.created !== undefined) facts.push({ name: t('Created'), value: localSeconds(r.created) });
  facts.push({ name: t('Status'), value: stateText(task) });
  if (r?.actualDuration !== undefined) facts.push({ name: t('Duration'), value: t('{0} s', String(r.actualDuration)) });
  const { queuedMs, generationMs } = taskDurations(task);
  if (queuedMs !== undefined) facts.push({ name: t('Queued for'), value: formatDuration(queuedMs) });
  if (generationMs !== undefined) facts.push({ name: t('Generated in'), value: formatDuration(generationMs) });
  if (hasLocalCopy && task.localFile) {
    facts.push({ name: t('Video'), value: t('downloaded to {0}', task.localFile) });
  } else {
    if (task.localFile) facts.push({ name: t('Video'), value: t('the downloaded copy is missing: {0}', task.localFile) });
    const expires = linkExpiresAt(task);
    if (task.linkExpired) facts.push({ name: t('Link'), value: t('expired (the video host refused it)') });
    else if (expires !== undefined) {
      const when = formatDateTime(expires);
      facts.push({ name: t('Link'), value: expires > now ? t('expires {0} (estimated)', when) : t('expired {0} (estimated)', when) });
    }
  }
  if (r?.error) facts.push({ name: t('Error'), value: r.error });
  return facts;
}

function localSeconds(seconds: number): string {
  const d = new Date(seconds * 1000);
  return Number.isNaN(d.getTime()) ? String(seconds) : formatDateTime(d.getTime());
}
