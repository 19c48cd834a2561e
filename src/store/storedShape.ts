// The persisted shape of the tracked tasks, versioned so later versions can read it. Pure.
//
// Version 1: `{ version: 1, tasks: TrackedTask[] }`. Rules for later versions: keep
// `version` and `tasks[].id`; add fields, never change the meaning of existing ones.
// This reader accepts any version and keeps every task whose `id` it can read.
import type { TrackedTask } from './trackedTask';

export const STORE_KEY = 'veo.trackedTasks';
export const STORE_VERSION = 1;

export interface StoredTasksV1 {
  version: number;
  tasks: TrackedTask[];
}

export function serializeTasks(tasks: Iterable<TrackedTask>): StoredTasksV1 {
  return { version: STORE_VERSION, tasks: [...tasks] };
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
    out.push({ ...task, addedAt: typeof task.addedAt === 'number' ? task.addedAt : 0 });
  }
  return out;
}
