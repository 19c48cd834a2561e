// The leader lease of the windows of one profile: a small JSON file in the extension's global
// storage folder, shared by every window (every extension host) that uses that folder. No
// `vscode`: plain Node `fs`, unit-tested in plain Node.
//
// - Read without following a planted link, parsed as untrusted: every field checked, every
//   time clamped (a lease cannot claim to last longer than `MAX_LEASE_MS`).
// - Written whole: a temporary file created exclusively (never through a link), then renamed
//   over `lease.json`, so a reader sees the old lease or the new one, never half of one.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';

export const LEASE_FILE = 'lease.json';
export const REFRESH_FILE = 'refresh.json';
/** No lease is believed to last longer than this from now (a planted far-future lease expires). */
export const MAX_LEASE_MS = 60_000;
/** No shared Retry-After is believed beyond this from now (the poller's own cap). */
export const MAX_BLOCK_MS = 60 * 60_000;

export interface Lease {
  /** The window that holds it (a random id per activation). */
  owner: string;
  /** Until when (ms since the epoch) it holds without a renewal. */
  expiresAt: number;
  /** The API's Retry-After, shared: no window polls before this. */
  blockedUntil?: number;
  /** The last Refresh request (its `at`) the leader carried out. */
  refreshedAt?: number;
}

export interface RefreshRequest {
  from: string;
  at: number;
}

const OWNER = /^[A-Za-z0-9_-]{1,64}$/;

function finiteTime(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0;
}

/** The JSON object in `text` (not an array), or undefined. */
function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const raw: unknown = JSON.parse(text);
    return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The lease in `text`, checked and clamped against `now`; undefined when it is not one. */
export function parseLease(text: string, now: number): Lease | undefined {
  const r = parseObject(text);
  if (!r || typeof r.owner !== 'string' || !OWNER.test(r.owner) || !finiteTime(r.expiresAt)) return undefined;
  const lease: Lease = { owner: r.owner, expiresAt: Math.min(r.expiresAt, now + MAX_LEASE_MS) };
  if (finiteTime(r.blockedUntil) && r.blockedUntil > now) lease.blockedUntil = Math.min(r.blockedUntil, now + MAX_BLOCK_MS);
  if (finiteTime(r.refreshedAt)) lease.refreshedAt = Math.min(r.refreshedAt, now);
  return lease;
}

export function parseRefreshRequest(text: string, now: number): RefreshRequest | undefined {
  const r = parseObject(text);
  if (!r || typeof r.from !== 'string' || !OWNER.test(r.from) || !finiteTime(r.at)) return undefined;
  return { from: r.from, at: Math.min(r.at, now) };
}

/** The text of `file`, or undefined when it is missing, a link, or unreadable. */
export function readSmallFile(file: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
    const buffer = Buffer.alloc(4096);
    const n = fs.readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, n).toString('utf8');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Replaces `file` with `value` as JSON, atomically (temporary file, exclusive, then rename). */
export function writeJsonAtomically(file: string, value: unknown): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = fs.openSync(temp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_NOFOLLOW, 0o600);
  try {
    fs.writeSync(fd, JSON.stringify(value));
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(temp, file);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
}
