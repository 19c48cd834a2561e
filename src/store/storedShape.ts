// The persisted shape of the tracked tasks, versioned so later versions can read it. Pure.
//
// Version 1: `{ version: 1, rev?: string, tasks: TrackedTask[] }` in `globalState`, now only
// read (`deserializeTasks`) to migrate it to the journal (version 2, `journalFormat.ts`).
// Rules for later versions: keep `version` and `tasks[].id`; add fields, never change the
// meaning of existing ones. This reader accepts any version and keeps every task whose `id` it can read.
import * as path from 'node:path';
import type { NotFoundStreak } from '../api/queryOutcome';
import { cleanError, cleanModel, cleanObject, cleanStatus, saneCreated, saneDuration, saneTimeMs, videoUrlProblem } from '../api/resultFields';
import type { TaskResult } from '../api/taskResult';
import { validateStoredTaskId } from '../input/parseTaskIds';
import { storedRequest } from '../request/videoRequest';
import { cleanText } from '../util/safeText';
import { MAX_LABEL_LENGTH, TaskProblem, TrackedTask } from './trackedTask';

export const STORE_KEY = 'veo.trackedTasks';
/** Longest `localFile` kept. */
export const MAX_PATH_LENGTH = 4096;

export function deserializeTasks(raw: unknown): TrackedTask[] {
  if (typeof raw !== 'object' || raw === null) return [];
  const tasks = (raw as { tasks?: unknown }).tasks;
  if (!Array.isArray(tasks)) return [];
  const seen = new Set<string>();
  const out: TrackedTask[] = [];
  for (const t of tasks) {
    if (typeof t !== 'object' || t === null) continue;
    const task = t as TrackedTask;
    // No control or bidi characters reach a label from stored state (validateStoredTaskId).
    if (typeof task.id !== 'string' || validateStoredTaskId(task.id) !== undefined || seen.has(task.id)) continue;
    seen.add(task.id);
    out.push(sanitize(task));
  }
  return out;
}

/** Every field a `TrackedTask` has: version 2 (the journal) keeps only these. */
export const TASK_FIELDS: readonly (keyof TrackedTask)[] = [
  'id',
  'label',
  'request',
  'addedAt',
  'result',
  'completedAt',
  'startedAt',
  'finishedAt',
  'notFound',
  'notFoundStreak',
  'problem',
  'notified',
  'localFile',
  'linkExpired',
  'expiryWarned',
  'pinned',
];
const KNOWN = new Set<string>(TASK_FIELDS);

/** A field this version stores (`__proto__`, `constructor` and unknown names are not). */
export function isTaskField(key: string): key is keyof TrackedTask {
  return KNOWN.has(key);
}

/**
 * One task read from the journal or its snapshot (version 2, untrusted): undefined without a
 * valid id; otherwise validated like `deserializeTasks`, and fields this version does not know
 * are dropped (own properties only, so `__proto__` in the JSON is just a dropped field).
 */
export function storedTask(raw: unknown): TrackedTask | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const o = raw as Record<string, unknown>;
  if (typeof o.id !== 'string' || validateStoredTaskId(o.id) !== undefined) return undefined;
  const picked: Record<string, unknown> = {};
  for (const key of Object.keys(o)) if (KNOWN.has(key)) picked[key] = o[key];
  return sanitize(picked as unknown as TrackedTask);
}

/**
 * Re-validates a stored task with the rules network answers get (a hand-edited, corrupted
 * or older state must not crash the tree, the tooltip or the preview): bad fields are
 * dropped, text is cleaned and capped, the task is kept. Fields this version does not know
 * are kept as they are.
 */
function sanitize(task: TrackedTask): TrackedTask {
  const out: TrackedTask = { ...task, addedAt: saneTimeMs(task.addedAt) ?? 0 };
  if (typeof out.label === 'string') out.label = cleanText(out.label, MAX_LABEL_LENGTH);
  else delete out.label;
  const result = storedResult(out.result, out.id);
  if (result) out.result = result;
  else delete out.result;
  setOrDelete(out, 'request', storedRequest(out.request));
  setOrDelete(out, 'completedAt', saneTimeMs(out.completedAt));
  setOrDelete(out, 'startedAt', saneTimeMs(out.startedAt));
  setOrDelete(out, 'finishedAt', saneTimeMs(out.finishedAt));
  setOrDelete(out, 'problem', storedProblem(out.problem));
  setOrDelete(out, 'notFoundStreak', storedStreak(out.notFoundStreak));
  setOrDelete(out, 'localFile', typeof out.localFile === 'string' && isSanePath(out.localFile) ? out.localFile : undefined);
  for (const key of ['notFound', 'notified', 'linkExpired', 'expiryWarned', 'pinned'] as const) {
    if (typeof out[key] !== 'boolean') delete out[key];
  }
  return out;
}

function setOrDelete<K extends keyof TrackedTask>(task: TrackedTask, key: K, value: TrackedTask[K] | undefined): void {
  if (value === undefined) delete task[key];
  else task[key] = value;
}

/** The stored result, each bad field dropped (only the documented fields); undefined without a usable id and status. */
function storedResult(raw: unknown, taskId: string): TaskResult | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const o = raw as Record<string, unknown>;
  const status = typeof o.status === 'string' ? cleanStatus(o.status) : '';
  if (o.id !== taskId || status === '') return undefined;
  const result: TaskResult = {
    id: taskId,
    status,
    video_url: typeof o.video_url === 'string' && videoUrlProblem(o.video_url) === undefined ? o.video_url : null,
    error: typeof o.error === 'string' ? cleanError(o.error) : null,
  };
  const [created, actualDuration] = [saneCreated(o.created), saneDuration(o.actualDuration)];
  if (typeof o.object === 'string') result.object = cleanObject(o.object);
  if (created !== undefined) result.created = created;
  if (typeof o.model === 'string') result.model = cleanModel(o.model);
  if (actualDuration !== undefined) result.actualDuration = actualDuration;
  return result;
}

function storedProblem(raw: unknown): TaskProblem | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const o = raw as Record<string, unknown>;
  if (typeof o.message !== 'string') return undefined;
  const problem: TaskProblem = { message: cleanError(o.message) };
  const retryAt = saneTimeMs(o.retryAt);
  if (retryAt !== undefined) problem.retryAt = retryAt;
  if (o.kind === 'rateLimited' || o.kind === 'notFound') problem.kind = o.kind;
  return problem;
}

function storedStreak(raw: unknown): NotFoundStreak | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { count, since } = raw as Record<string, unknown>;
  const at = saneTimeMs(since);
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 1000 || at === undefined) return undefined;
  return { count, since: at };
}

/** An absolute path (a relative one would resolve against whatever folder is current), no NUL, not absurdly long. */
function isSanePath(p: string): boolean {
  return p.length <= MAX_PATH_LENGTH && !p.includes('\0') && path.isAbsolute(p);
}
