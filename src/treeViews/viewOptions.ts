// How the Tasks view is organised: grouping, sorting, filters. Pure: what is remembered in
// workspaceState is read back through `parseViewOptions` (stored state is untrusted).
import type { TaskState } from '../store/trackedTask';
import { t } from '../util/l10n';

export type GroupBy = 'none' | 'status' | 'day' | 'model';
/** `tracked`: the order tasks were tracked in (the store's order, the default). */
export type SortBy = 'tracked' | 'created' | 'changed' | 'name';

export interface ViewOptions {
  groupBy: GroupBy;
  sortBy: SortBy;
  /** Only tasks in these states (undefined: every state). */
  statuses?: readonly TaskState[];
  /** Only tasks whose id, label, prompt, model or error contains this (case-insensitive; undefined: no text filter). */
  text?: string;
}

export const DEFAULT_VIEW_OPTIONS: ViewOptions = { groupBy: 'none', sortBy: 'tracked' };
export const GROUP_BY: readonly GroupBy[] = ['none', 'status', 'day', 'model'];
export const SORT_BY: readonly SortBy[] = ['tracked', 'created', 'changed', 'name'];
/** Every state, in the order status groups and the status filter list them. */
export const STATES: readonly TaskState[] = ['pending', 'queued', 'processing', 'completed', 'failed', 'notFound', 'unknown'];
/** Longest text filter kept (a pasted novel is cut). */
export const MAX_FILTER_TEXT = 200;

/** A state's name in the display language (status groups, the status filter, Go to Task). */
export function stateName(state: TaskState): string {
  const names: Record<TaskState, string> = {
    pending: t('Checking'),
    queued: t('Queued'),
    processing: t('Processing'),
    completed: t('Completed'),
    failed: t('Failed'),
    notFound: t('Not found'),
    unknown: t('Unknown status'),
  };
  return names[state];
}

export function groupByNames(): Record<GroupBy, string> {
  return { none: t('None'), status: t('Status'), day: t('Day'), model: t('Model') };
}

export function sortByNames(): Record<SortBy, string> {
  return {
    tracked: t('Tracked (oldest first)'),
    created: t('Created (newest first)'),
    changed: t('Last change (newest first)'),
    name: t('Name (A-Z)'),
  };
}

/** Options read back from stored state: anything unknown falls back to the default, text is cut and stripped of controls. */
export function parseViewOptions(raw: unknown): ViewOptions {
  const o = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const options: ViewOptions = {
    groupBy: GROUP_BY.includes(o.groupBy as GroupBy) ? (o.groupBy as GroupBy) : DEFAULT_VIEW_OPTIONS.groupBy,
    sortBy: SORT_BY.includes(o.sortBy as SortBy) ? (o.sortBy as SortBy) : DEFAULT_VIEW_OPTIONS.sortBy,
  };
  if (Array.isArray(o.statuses)) {
    const statuses = STATES.filter((s) => (o.statuses as unknown[]).includes(s));
    if (statuses.length > 0 && statuses.length < STATES.length) options.statuses = statuses;
  }
  const text = typeof o.text === 'string' ? cleanFilterText(o.text) : '';
  if (text !== '') options.text = text;
  return options;
}

/** The text filter as kept: no control characters, trimmed, at most `MAX_FILTER_TEXT` characters. */
export function cleanFilterText(text: string): string {
  return [...text.replace(/[\u0000-\u001f\u007f-\u009f\p{Cf}]/gu, ' ').trim()].slice(0, MAX_FILTER_TEXT).join('');
}

export function isFiltered(options: ViewOptions): boolean {
  return options.statuses !== undefined || options.text !== undefined;
}

/**
 * The view's message while a filter is on (plain text: `TreeView.message`), e.g.
 * `Filtered: Completed, Failed · "fox" — 12 of 240 tasks`; undefined without a filter.
 */
export function filterMessage(options: ViewOptions, shown: number, total: number): string | undefined {
  if (!isFiltered(options)) return undefined;
  const parts: string[] = [];
  if (options.statuses) parts.push(options.statuses.map((s) => stateName(s)).join(t(', ')));
  if (options.text !== undefined) parts.push(t('"{0}"', options.text));
  return total === 1 ? t('Filtered: {0} — {1} of 1 task', parts.join(' · '), shown) : t('Filtered: {0} — {1} of {2} tasks', parts.join(' · '), shown, total);
}
