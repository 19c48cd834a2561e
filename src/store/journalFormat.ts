// The task journal's line format (version 2 of the stored tasks). Pure: no fs, no vscode.
//
// One JSON object per line, each line ending with "\n":
//   {"id":"abc","add":1761635478000}                    track (ignored when the id is tracked)
//   {"id":"abc","set":{"label":"Beach"},"unset":["problem"]}   change some fields of one task
//   {"id":"abc","del":1}                                 forget it
// A snapshot is a header line `{"v":2,"gen":N,"folded":{"file":"journal-<N-1>.jsonl","offset":X}}`
// followed by one task per line. Everything read is untrusted: a line that does not parse, or
// is too long, is skipped; every task a record produces goes through `storedTask`.
import { isDeepStrictEqual } from 'node:util';
import { isTaskField, storedTask } from './storedShape';
import type { TrackedTask } from './trackedTask';

export const FORMAT_VERSION = 2;
/** Longer lines are skipped unread (a task with a long prompt and images is a few KiB). */
export const MAX_LINE_BYTES = 256 * 1024;
const NEWLINE = 0x0a;

export type TaskFields = Partial<Omit<TrackedTask, 'id'>>;

export type JournalRecord =
  | { id: string; add: number }
  | { id: string; set?: TaskFields; unset?: (keyof TaskFields)[] }
  | { id: string; del: 1 };

export interface SnapshotHeader {
  v: number;
  gen: number;
  folded: { file: string; offset: number };
}

export function journalName(gen: number): string {
  return `journal-${gen}.jsonl`;
}

/** The generation of a journal file name, or undefined when it is not one. */
export function journalGen(name: string): number | undefined {
  const m = /^journal-(\d{1,15})\.jsonl$/.exec(name);
  return m ? Number(m[1]) : undefined;
}

export function snapshotHeader(gen: number, foldedOffset: number): SnapshotHeader {
  return { v: FORMAT_VERSION, gen, folded: { file: journalName(gen - 1), offset: foldedOffset } };
}

/** A header read from disk, or undefined when it is not a usable one. */
export function parseHeader(line: string): SnapshotHeader | undefined {
  const o = parseJson(line);
  if (typeof o !== 'object' || o === null) return undefined;
  const { v, gen, folded } = o as Record<string, unknown>;
  if (v !== FORMAT_VERSION || !isCount(gen) || gen < 1 || typeof folded !== 'object' || folded === null) return undefined;
  const offset = (folded as Record<string, unknown>).offset;
  return isCount(offset) ? snapshotHeader(gen, offset) : undefined;
}

/**
 * The complete lines of `bytes` (each ended by "\n") as text, and how many bytes they take: the
 * rest is a line still being written (or torn by a crash) and is read again later.
 */
export function completeLines(bytes: Uint8Array): { text: string; consumed: number } {
  const last = bytes.lastIndexOf(NEWLINE);
  if (last < 0) return { text: '', consumed: 0 };
  return { text: Buffer.from(bytes.buffer, bytes.byteOffset, last + 1).toString('utf8'), consumed: last + 1 };
}

/** Parses the complete lines of `input` into records, skipping empty, invalid and oversized ones. */
export function parseLines(input: string | Uint8Array): { records: JournalRecord[]; consumed: number } {
  const { text, consumed } = typeof input === 'string' ? completeText(input) : completeLines(input);
  const records: JournalRecord[] = [];
  for (const line of text.split('\n')) {
    const record = parseRecord(line);
    if (record) records.push(record);
  }
  return { records, consumed };
}

function completeText(input: string): { text: string; consumed: number } {
  const last = input.lastIndexOf('\n');
  const text = last < 0 ? '' : input.slice(0, last + 1);
  return { text, consumed: Buffer.byteLength(text) };
}

/** One line as a record, or undefined. */
export function parseRecord(line: string): JournalRecord | undefined {
  if (line.length === 0 || line.length > MAX_LINE_BYTES) return undefined;
  const o = parseJson(line);
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return undefined;
  const r = o as Record<string, unknown>;
  if (typeof r.id !== 'string' || storedTask({ id: r.id }) === undefined) return undefined;
  if ('add' in r) return typeof r.add === 'number' && Number.isFinite(r.add) ? { id: r.id, add: r.add } : undefined;
  if ('del' in r) return r.del === 1 ? { id: r.id, del: 1 } : undefined;
  const set = r.set;
  const unset = r.unset;
  if (set !== undefined && (typeof set !== 'object' || set === null || Array.isArray(set))) return undefined;
  if (unset !== undefined && (!Array.isArray(unset) || !unset.every((k) => typeof k === 'string'))) return undefined;
  if (set === undefined && unset === undefined) return undefined;
  const record: { id: string; set?: TaskFields; unset?: (keyof TaskFields)[] } = { id: r.id };
  if (set !== undefined) record.set = set as TaskFields;
  if (unset !== undefined) record.unset = unset as (keyof TaskFields)[];
  return record;
}

/** A snapshot's task line, validated; undefined when unusable. */
export function parseTaskLine(line: string): TrackedTask | undefined {
  if (line.length === 0 || line.length > MAX_LINE_BYTES) return undefined;
  return storedTask(parseJson(line));
}

/**
 * Applies one record to `tasks` (validated like stored state). Returns true when the stored
 * value of that task changed. A change to a task that is not tracked is ignored (it was removed).
 */
export function applyRecord(tasks: Map<string, TrackedTask>, record: JournalRecord): boolean {
  const current = tasks.get(record.id);
  if ('add' in record) {
    if (current) return false;
    const task = storedTask({ id: record.id, addedAt: record.add });
    if (!task) return false;
    tasks.set(record.id, task);
    return true;
  }
  if ('del' in record) return tasks.delete(record.id);
  if (!current) return false;
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(record.set ?? {})) if (key !== 'id' && isTaskField(key)) merged[key] = value;
  for (const key of record.unset ?? []) if (key !== ('id' as string) && isTaskField(key)) delete merged[key];
  const next = storedTask(merged);
  if (!next || isDeepStrictEqual(next, current)) return false;
  tasks.set(record.id, next);
  return true;
}

/** The record that turns `before` into `after` (same id): only the fields that differ; undefined when none do. */
export function diffRecord(before: TrackedTask, after: TrackedTask): JournalRecord | undefined {
  const set: Record<string, unknown> = {};
  const unset: string[] = [];
  for (const [key, value] of Object.entries(after)) {
    if (key !== 'id' && value !== undefined && !isDeepStrictEqual(value, (before as unknown as Record<string, unknown>)[key])) set[key] = value;
  }
  for (const key of Object.keys(before)) if (key !== 'id' && (after as unknown as Record<string, unknown>)[key] === undefined) unset.push(key);
  if (Object.keys(set).length === 0 && unset.length === 0) return undefined;
  const record: { id: string; set?: TaskFields; unset?: (keyof TaskFields)[] } = { id: after.id };
  if (Object.keys(set).length) record.set = set as TaskFields;
  if (unset.length) record.unset = unset as (keyof TaskFields)[];
  return record;
}

/** Records as journal text: one line each, every line ended. */
export function formatRecords(records: readonly JournalRecord[]): string {
  let out = '';
  for (const r of records) out += `${JSON.stringify(r)}\n`;
  return out;
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return undefined;
  }
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}
