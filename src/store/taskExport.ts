// Export of tracked tasks (JSON, CSV) and import of a JSON export (untrusted), merged without
// duplicates. Pure.
import { storedTask } from './storedShape';
import { isFinished, TrackedTask } from './trackedTask';
import { t } from '../util/l10n';

export const EXPORT_FORMAT = 'veo-tasks-export';
export const EXPORT_VERSION = 1;
/** Largest file "Import Tasks" reads. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** Most tasks one import takes. */
export const MAX_IMPORT_TASKS = 100_000;

/** Fields an import never takes: a path on someone else's disk, and state only the poller's own requests make sense of. */
const NOT_IMPORTED = ['localFile', 'problem', 'notFoundStreak'] as const;

/** The JSON export: `{ format, version, exportedAt, tasks }`, readable by `parseImport`. */
export function tasksToJson(tasks: readonly TrackedTask[], now: number): string {
  return `${JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: new Date(now).toISOString(), tasks }, null, 2)}\n`;
}

export const CSV_COLUMNS = ['id', 'name', 'status', 'model', 'created', 'tracked', 'completed', 'video_url', 'error', 'prompt', 'local_file', 'pinned'] as const;

/** The CSV export: a header row, then one row per task (RFC 4180, CRLF), safe to open in a spreadsheet. */
export function tasksToCsv(tasks: readonly TrackedTask[]): string {
  const rows = [CSV_COLUMNS.map(csvCell).join(',')];
  for (const t of tasks) {
    const r = t.result;
    rows.push(
      [
        t.id,
        t.label ?? '',
        r?.status ?? '',
        r?.model ?? t.request?.model ?? '',
        typeof r?.created === 'number' ? isoTime(r.created * 1000) : '',
        isoTime(t.addedAt),
        typeof t.completedAt === 'number' ? isoTime(t.completedAt) : '',
        r?.video_url ?? '',
        r?.error ?? '',
        t.request?.prompt ?? '',
        t.localFile ?? '',
        t.pinned ? 'yes' : '',
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${rows.join('\r\n')}\r\n`;
}

function isoTime(ms: number): string {
  const d = new Date(ms);
  return Number.isFinite(d.getTime()) ? d.toISOString() : '';
}

/**
 * One CSV cell. A spreadsheet runs a cell starting with = + - @ (or tab, CR) as a formula:
 * such cells get a leading `'`. Quotes, commas and line breaks are quoted as RFC 4180 says.
 */
export function csvCell(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Why a file of more than `maxBytes` is not imported (checked before reading it). */
export function tooLarge(maxBytes = MAX_IMPORT_BYTES): string {
  return t('The file is larger than {0} MB.', Math.round(maxBytes / (1024 * 1024)));
}

export interface ParsedImport {
  tasks: TrackedTask[];
  /** Entries that are not a valid task (or repeat an id earlier in the file). */
  refused: number;
}

/** Reads a JSON export (or a bare array of tasks); a string is the reason it cannot be imported. Every task is validated as stored state is. */
export function parseImport(bytes: Uint8Array | string, limits = { maxBytes: MAX_IMPORT_BYTES, maxTasks: MAX_IMPORT_TASKS }): ParsedImport | string {
  const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.byteLength;
  if (size > limits.maxBytes) return tooLarge(limits.maxBytes);
  let raw: unknown;
  try {
    raw = JSON.parse(typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('utf8'));
  } catch {
    return t('The file is not JSON.');
  }
  const list = Array.isArray(raw) ? raw : typeof raw === 'object' && raw !== null ? (raw as { tasks?: unknown }).tasks : undefined;
  if (!Array.isArray(list)) return t('The file has no list of tasks (a VEO Tasks JSON export has "tasks").');
  if (list.length > limits.maxTasks) return t('The file holds {0} entries; at most {1} are imported at once.', list.length, limits.maxTasks);
  const seen = new Set<string>();
  const tasks: TrackedTask[] = [];
  let refused = 0;
  for (const entry of list) {
    const task = storedTask(entry);
    if (!task || seen.has(task.id)) {
      refused++;
      continue;
    }
    seen.add(task.id);
    for (const key of NOT_IMPORTED) delete task[key];
    tasks.push(task);
  }
  return { tasks, refused };
}

export interface MergePlan {
  /** Tasks not tracked yet, as they will be stored. */
  added: TrackedTask[];
  /** Tracked tasks completed with fields they did not have. */
  updated: TrackedTask[];
  /** Tracked already (updated or not). */
  existing: number;
}

/**
 * What merging `imported` into the tracked tasks does: a new id is added (finished ones
 * marked notified, so no toast for an old video; tracked now if the file had no time); a
 * tracked id keeps every field it has and takes only fields it lacks.
 */
export function planMerge(get: (id: string) => TrackedTask | undefined, imported: readonly TrackedTask[], now: number): MergePlan {
  const plan: MergePlan = { added: [], updated: [], existing: 0 };
  for (const task of imported) {
    const current = get(task.id);
    if (!current) {
      const added: TrackedTask = { ...task, addedAt: task.addedAt > 0 ? task.addedAt : now };
      if (isFinished(added)) added.notified = true;
      plan.added.push(added);
      continue;
    }
    plan.existing++;
    const next: Record<string, unknown> = { ...current };
    let changed = false;
    for (const [key, value] of Object.entries(task)) {
      if (next[key] === undefined && value !== undefined) {
        next[key] = value;
        changed = true;
      }
    }
    if (changed) plan.updated.push(next as unknown as TrackedTask);
  }
  return plan;
}
