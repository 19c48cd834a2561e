// The persisted shape of the tracked tasks, versioned so later versions can read it. Pure.
//
// Version 1: `{ version: 1, rev?: string, tasks: TrackedTask[] }` (`rev` is new for every
// write, so a window can tell that another one wrote). Rules for later versions: keep
// `version` and `tasks[].id`; add fields, never change the meaning of existing ones.
// This reader accepts any version and keeps every task whose `id` it can read.
import type { TaskResult } from '../api/taskResult';
import type { TrackedTask } from './trackedTask';

export const STORE_KEY = 'veo.trackedTasks';
export const STORE_VERSION = 1;

export interface StoredTasksV1 {
  version: number;
  rev?: string;
  tasks: TrackedTask[];
}

export function serializeTasks(tasks: Iterable<TrackedTask>, rev?: string): StoredTasksV1 {
  return { version: STORE_VERSION, ...(rev === undefined ? {} : { rev }), tasks: [...tasks] };
}

/** The `rev` of a stored value, if it has one. */
export function storedRev(raw: unknown): string | undefined {
  const rev = typeof raw === 'object' && raw !== null ? (raw as { rev?: unknown }).rev : undefined;
  return typeof rev === 'string' ? rev : undefined;
}

export function deserializeTasks(raw: unknown): TrackedTask[] {
  if (typeof raw !== 'object' || raw === null) return [];
  const tasks = (raw as { tasks?: unknown }).tasks;
  if (!Array.isArray(tasks)) return [];
  const seen = new Set<string>();
  const out: TrackedTask[] = [];
  for (const t of tasks) {
    if (typeof t !== 'object' || t === null) continue;
    const task = t as TrackedTask;
    if (typeof task.id !== 'string' || task.id === '' || seen.has(task.id)) continue;
    seen.add(task.id);
    out.push(sanitize(task));
  }
  return out;
}

/** Drops fields of the wrong type (a hand-edited or corrupted state must not crash the tree). */
function sanitize(task: TrackedTask): TrackedTask {
  const out: TrackedTask = { ...task, addedAt: typeof task.addedAt === 'number' ? task.addedAt : 0 };
  if (typeof out.label !== 'string') delete out.label;
  if (!isStoredResult(out.result)) delete out.result;
  if (typeof out.completedAt !== 'number') delete out.completedAt;
  if (typeof out.problem !== 'object' || out.problem === null || typeof out.problem.message !== 'string') delete out.problem;
  return out;
}

function isStoredResult(r: unknown): r is TaskResult {
  if (typeof r !== 'object' || r === null) return false;
  const o = r as Record<string, unknown>;
  const optional = (v: unknown, type: string) => v == null || typeof v === type;
  return (
    typeof o.id === 'string' &&
    typeof o.status === 'string' &&
    optional(o.video_url, 'string') &&
    optional(o.error, 'string') &&
    optional(o.created, 'number') &&
    optional(o.actualDuration, 'number') &&
    optional(o.model, 'string')
  );
}
