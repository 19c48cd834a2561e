// Which rows the Tasks view shows and under which group: filter, sort, group, pinned first.
// Pure. Built for 10,000 tasks: the sorted order is kept until a task's place can have changed
// (tasks added or removed, or a change that moves one), so a new filter or grouping is one
// linear pass; each task's lower-cased search text is kept per task object (the store replaces
// the object on every change).
import { performance } from 'node:perf_hooks';
import { taskLabel, taskState, TrackedTask } from '../store/trackedTask';
import { GroupBy, SortBy, stateName, STATES, ViewOptions, DEFAULT_VIEW_OPTIONS } from './viewOptions';
import { t } from '../util/l10n';

/** A group row's element: a control character first, which no task id can hold. */
const GROUP_PREFIX = '\u0001';

export type DayGroup = 'today' | 'yesterday' | 'week' | 'older';
const DAYS: readonly DayGroup[] = ['today', 'yesterday', 'week', 'older'];
/** The group of tasks without a model. */
export const noModel = (): string => t('(no model)');

/** What the organizer reads: the store's tasks (`TaskStore` is one). */
export interface TaskSource {
  all(): readonly TrackedTask[];
  get(id: string): TrackedTask | undefined;
}

export interface TaskGroup {
  /** The tree element (stable: the same group keeps it whatever it holds, so its collapse state is kept). */
  element: string;
  label: string;
  ids: string[];
}

export interface Organized {
  /** Top-level elements: group elements when grouped, else task ids. */
  top: string[];
  groups: Map<string, TaskGroup>;
  /** Task id -> its group's element (grouped only). */
  parentOf: Map<string, string>;
  /** Tasks shown / tracked. */
  shown: number;
  total: number;
  /** The day groups are right until this time (ms; Infinity when not grouped by day). */
  validUntil: number;
}

export function isGroupElement(element: string): boolean {
  return element.startsWith(GROUP_PREFIX);
}

export function groupElement(groupBy: GroupBy, key: string): string {
  return `${GROUP_PREFIX}${groupBy}:${key}`;
}

/** When the task's video was created (the API's `created`), else when it was tracked; ms. */
export function createdAt(task: TrackedTask): number {
  const created = task.result?.created;
  return typeof created === 'number' && Number.isFinite(created) ? created * 1000 : task.addedAt;
}

/** The last change known from the task's own times: completion, creation, tracking. */
export function changedAt(task: TrackedTask): number {
  return Math.max(createdAt(task), task.addedAt, task.completedAt ?? -Infinity);
}

/** The model it used (the API's answer, else what was asked), or undefined. */
export function modelOf(task: TrackedTask): string | undefined {
  return task.result?.model || task.request?.model || undefined;
}

/** Local midnights around `now`: today, yesterday, six days ago, tomorrow (DST-safe: built from the date). */
export function dayBounds(now: number): { today: number; yesterday: number; week: number; tomorrow: number } {
  const d = new Date(now);
  const at = (offset: number) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + offset).getTime();
  return { today: at(0), yesterday: at(-1), week: at(-6), tomorrow: at(1) };
}

/** Today, Yesterday, This Week (the 5 days before yesterday), Older: by the user's local time. A future time is Today. */
export function dayGroup(time: number, bounds: ReturnType<typeof dayBounds>): DayGroup {
  if (time >= bounds.today) return 'today';
  if (time >= bounds.yesterday) return 'yesterday';
  return time >= bounds.week ? 'week' : 'older';
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export class TaskOrganizer {
  private options: ViewOptions = DEFAULT_VIEW_OPTIONS;
  /** Every task id in sort order (ids, not objects: a task that changed in place is read again). */
  private sorted: string[] | undefined;
  private organized: Organized | undefined;
  /** Each task as it was last placed (to tell whether a change moves it): set when sorting, kept by `changed`. */
  private seen = new Map<string, TrackedTask>();
  /** The ids the last text filter let through, in order: a longer text only narrows them. */
  private narrowed: { sorted: string[]; statuses: string | undefined; text: string; ids: string[] } | undefined;
  private readonly haystacks = new WeakMap<TrackedTask, string>();
  /** How many full sorts ran (for tests and the bench: filtering must not sort). */
  sorts = 0;

  constructor(private readonly source: TaskSource) {}

  get current(): ViewOptions {
    return this.options;
  }

  /** Returns whether anything changed. */
  setOptions(options: ViewOptions): boolean {
    const before = this.options;
    if (sameOptions(before, options)) return false;
    this.options = options;
    if (before.sortBy !== options.sortBy) this.sorted = undefined;
    this.organized = undefined;
    return true;
  }

  /** Tasks were added or removed, or everything was read again. */
  invalidate(): void {
    this.sorted = undefined;
    this.organized = undefined;
    this.narrowed = undefined;
  }

  /**
   * These tasks changed. Returns true when one of them has to move (its order, group, filter
   * match or pin changed) in rows already worked out: the tree needs its top level again. False:
   * redrawing their rows is enough.
   */
  changed(tasks: readonly TrackedTask[], now: number): boolean {
    // Nothing shown yet (or about to be worked out again): redrawing rows is all it takes.
    const shown = this.organized !== undefined;
    const bounds = dayBounds(now);
    let moved = false;
    for (const task of tasks) {
      const before = this.seen.get(task.id);
      if (!before || this.placement(before, bounds) !== this.placement(task, bounds)) moved = true;
      this.seen.set(task.id, task);
    }
    if (moved) this.invalidate();
    return moved && shown;
  }

  /** The rows, cached until options or tasks change (or the day groups go stale). */
  organize(now: number): Organized {
    if (this.organized && now < this.organized.validUntil) return this.organized;
    const sorted = (this.sorted ??= this.sort(this.source.all()));
    const { groupBy, text } = this.options;
    const bounds = dayBounds(now);
    const match = this.matcher();
    const buckets = new Map<string, { pinned: string[]; rest: string[] }>();
    // No status filter (undefined) and an empty one ([]: nothing shows) must not look alike.
    const statuses = this.options.statuses?.join();
    const narrowed = this.narrowed;
    // Typing on: only what the shorter text let through can match (nothing changed meanwhile).
    const candidates = text !== undefined && narrowed?.sorted === sorted && narrowed.statuses === statuses && text.toLowerCase().includes(narrowed.text) ? narrowed.ids : sorted;
    const matched: string[] = [];
    let shown = 0;
    for (const id of candidates) {
      const task = this.source.get(id);
      if (!task || !match(task)) continue;
      matched.push(id);
      shown++;
      const key = this.groupKey(task, bounds);
      let bucket = buckets.get(key);
      if (!bucket) buckets.set(key, (bucket = { pinned: [], rest: [] }));
      (task.pinned ? bucket.pinned : bucket.rest).push(task.id);
    }
    this.narrowed = text === undefined ? undefined : { sorted, statuses, text: text.toLowerCase(), ids: matched };
    const groups = new Map<string, TaskGroup>();
    const parentOf = new Map<string, string>();
    let top: string[];
    if (groupBy === 'none') {
      const all = buckets.get('');
      top = all ? [...all.pinned, ...all.rest] : [];
    } else {
      top = [];
      for (const key of orderedKeys(groupBy, [...buckets.keys()])) {
        const bucket = buckets.get(key)!;
        const element = groupElement(groupBy, key);
        const ids = [...bucket.pinned, ...bucket.rest];
        groups.set(element, { element, label: groupLabel(groupBy, key), ids });
        for (const id of ids) parentOf.set(id, element);
        top.push(element);
      }
    }
    this.organized = { top, groups, parentOf, shown, total: sorted.length, validUntil: groupBy === 'day' ? bounds.tomorrow : Infinity };
    return this.organized;
  }

  /** Whether a task passes the filters. */
  matches(task: TrackedTask): boolean {
    return this.matcher()(task);
  }

  private matcher(): (task: TrackedTask) => boolean {
    const { statuses, text } = this.options;
    const needle = text?.toLowerCase();
    return (task) => (!statuses || statuses.includes(taskState(task))) && (needle === undefined || this.haystack(task).includes(needle));
  }

  /**
   * Lower-cases the searchable text of tasks not seen yet, for at most `budgetMs` (call again
   * until it returns true), so the first keystroke of a text filter does not pay for all of them.
   */
  warmSearch(budgetMs: number, clock: () => number = () => performance.now()): boolean {
    const tasks = this.source.all();
    const start = clock();
    for (let i = this.warmedUpTo; i < tasks.length; i++) {
      this.haystack(tasks[i]);
      if ((i & 63) === 63 && clock() - start > budgetMs) {
        this.warmedUpTo = i + 1;
        return false;
      }
    }
    this.warmedUpTo = 0;
    return true;
  }

  /** Where the next `warmSearch` slice starts. */
  private warmedUpTo = 0;

  private haystack(task: TrackedTask): string {
    let h = this.haystacks.get(task);
    if (h === undefined) {
      h = [task.id, task.label, task.request?.prompt, task.result?.model, task.request?.model, task.result?.error]
        .filter((s): s is string => typeof s === 'string')
        .join('\n')
        .toLowerCase();
      this.haystacks.set(task, h);
    }
    return h;
  }

  private placement(task: TrackedTask, bounds: ReturnType<typeof dayBounds>): string {
    return `${sortKey(task, this.options.sortBy)}\u0000${this.groupKey(task, bounds)}\u0000${this.matches(task)}\u0000${task.pinned === true}`;
  }

  private groupKey(task: TrackedTask, bounds: ReturnType<typeof dayBounds>): string {
    switch (this.options.groupBy) {
      case 'status':
        return taskState(task);
      case 'day':
        return dayGroup(createdAt(task), bounds);
      case 'model':
        return modelOf(task) ?? '';
      default:
        return '';
    }
  }

  private sort(tasks: readonly TrackedTask[]): string[] {
    this.seen = new Map(tasks.map((t) => [t.id, t]));
    const { sortBy } = this.options;
    if (sortBy === 'tracked') return tasks.map((t) => t.id);
    this.sorts++;
    if (sortBy === 'name') {
      const names = tasks.map((t) => taskLabel(t));
      return indexOrder(tasks.length, (a, b) => collator.compare(names[a], names[b])).map((i) => tasks[i].id);
    }
    const keys = tasks.map((t) => sortKey(t, sortBy) as number);
    // Newest first; equal keys keep the store's order (stable sort).
    return indexOrder(tasks.length, (a, b) => keys[b] - keys[a]).map((i) => tasks[i].id);
  }
}

function sortKey(task: TrackedTask, sortBy: SortBy): number | string {
  if (sortBy === 'tracked') return '';
  if (sortBy === 'name') return taskLabel(task);
  return sortBy === 'changed' ? changedAt(task) : createdAt(task);
}

function indexOrder(n: number, compare: (a: number, b: number) => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  return order.sort(compare);
}

function orderedKeys(groupBy: GroupBy, keys: string[]): string[] {
  if (groupBy === 'status') return STATES.filter((s) => keys.includes(s));
  if (groupBy === 'day') return DAYS.filter((d) => keys.includes(d));
  // Models by name, tasks without one last.
  return keys.sort((a, b) => (a === '' ? 1 : b === '' ? -1 : collator.compare(a, b)));
}

function groupLabel(groupBy: GroupBy, key: string): string {
  if (groupBy === 'status') return stateName(key as (typeof STATES)[number]);
  if (groupBy === 'day') return { today: t('Today'), yesterday: t('Yesterday'), week: t('This Week'), older: t('Older') }[key as DayGroup];
  return key === '' ? noModel() : key;
}

function sameOptions(a: ViewOptions, b: ViewOptions): boolean {
  return a.groupBy === b.groupBy && a.sortBy === b.sortBy && a.text === b.text && (a.statuses ?? []).join() === (b.statuses ?? []).join() && (a.statuses === undefined) === (b.statuses === undefined);
}
