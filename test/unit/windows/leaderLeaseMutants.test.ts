// LeaderLease, step by step (issue #11, mutation testing): manual timers and a manual clock
// (manualTimers.ts) instead of real ones, and a folder watch the test drives, so each test sees
// exactly which looks are pending, for how long, and what each look wrote. Real files in a
// temporary folder; no real waiting. The last describe uses the real fs.watch.
import * as assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LeaderLease } from '../../../src/windows/leaderLease';
import { LEASE_FILE, REFRESH_FILE } from '../../../src/windows/leaseFile';
import { ManualTimers } from './manualTimers';

/** A folder watch that reports what the test says, when it says it. */
class FakeWatcher extends EventEmitter {
  closed = false;
  close(): void {
    this.closed = true;
  }
}

interface Watch {
  dir: string;
  listener: (event: string, name: string | null) => void;
  watcher: FakeWatcher;
}

// The fs module itself (not a namespace copy): the lease's fs.watch and renameSync go through it.
const patchable = fs as unknown as { watch: unknown; renameSync: (from: string, to: string) => void };
const realWatch = patchable.watch;
const realRename = patchable.renameSync;

describe('LeaderLease with manual timers and a watch driven by the test', function () {
  this.timeout(10_000);
  let root: string;
  let dir: string;
  let timers: ManualTimers;
  let watches: Watch[];
  let logged: string[];
  let failRenames: boolean;
  const made: LeaderLease[] = [];

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'veo-lease-mutants-'));
    dir = path.join(root, 'w');
    fs.mkdirSync(dir);
    logged = [];
    watches = [];
    failRenames = false;
    timers = new ManualTimers().install();
    patchable.watch = (watched: string, _options: unknown, listener: Watch['listener']) => {
      const watcher = new FakeWatcher();
      watches.push({ dir: watched, listener, watcher });
      return watcher;
    };
    patchable.renameSync = (from: string, to: string) => {
      if (failRenames) throw Object.assign(new Error(`EROFS: read-only file system, rename '${from}'`), { code: 'EROFS' });
      realRename(from, to);
    };
  });
  afterEach(() => {
    for (const l of made.splice(0)) l.dispose();
    timers.uninstall();
    patchable.watch = realWatch;
    patchable.renameSync = realRename;
    fs.rmSync(root, { recursive: true, force: true });
  });

  function window(id: string, options: { ttlMs?: number; dir?: string; confirmDelayMs?: number; eligible?: boolean; start?: boolean } = {}): LeaderLease {
    const lease = new LeaderLease({
      dir: options.dir ?? dir,
      windowId: id,
      ttlMs: options.ttlMs ?? 300,
      now: () => timers.now,
      log: (m) => logged.push(`${id}: ${m}`),
      ...(options.confirmDelayMs === undefined ? {} : { confirmDelayMs: options.confirmDelayMs }),
    });
    made.push(lease);
    if (options.eligible ?? true) lease.setEligible(true);
    if (options.start ?? true) lease.start();
    return lease;
  }

  /** A started window that took the missing lease and confirmed it. */
  async function leader(id: string, options: { ttlMs?: number } = {}): Promise<LeaderLease> {
    const lease = window(id, options);
    await timers.next(); // the confirmation pause
    assert.equal(lease.isLeader, true);
    return lease;
  }

  const leaseFile = (folder = dir) => path.join(folder, LEASE_FILE);
  const raw = (folder = dir) => fs.readFileSync(leaseFile(folder), 'utf8');
  const plant = (owner: string, expiresAt: number, extra: object = {}, folder = dir) =>
    fs.writeFileSync(leaseFile(folder), JSON.stringify({ owner, expiresAt, ...extra }));
  const requested = () => fs.existsSync(path.join(dir, REFRESH_FILE));

  /** Fires timers until `p` settles (at most `max`); the delays fired, in order. */
  async function drive<T>(p: Promise<T>, max = 40): Promise<{ result: T; fired: number[] }> {
    let done = false;
    const settled = p.finally(() => (done = true));
    const fired: number[] = [];
    await timers.settle();
    while (!done) {
      if (fired.length >= max) throw new Error(`still pending after ${max} timers: ${fired.join(', ')}`);
      fired.push(await timers.next());
    }
    return { result: await settled, fired };
  }

  it('confirms after a fifth of the lease life, at most 200 ms, unless given its own pause', async () => {
    const folders = ['a', 'b', 'c'].map((n) => path.join(root, n));
    window('a', { dir: folders[0], ttlMs: 300 });
    await timers.settle();
    assert.deepEqual(timers.delays, [60]);
    window('b', { dir: folders[1], ttlMs: 6_000 });
    window('c', { dir: folders[2], ttlMs: 6_000, confirmDelayMs: 7 });
    await timers.settle();
    assert.deepEqual(timers.delays, [7, 60, 200]);
  });

  it('looks every third of the lease life, never more often than every 50 ms', async () => {
    window('a', { eligible: false, ttlMs: 300 });
    window('b', { eligible: false, ttlMs: 60, dir: path.join(root, 'b') });
    await timers.settle();
    assert.deepEqual(timers.delays, [50, 100]);
  });

  it('start() a second time, or after dispose(), does nothing more', async () => {
    const a = window('a', { eligible: false });
    a.start();
    await timers.settle();
    assert.equal(watches.length, 1);
    assert.deepEqual(timers.delays, [100]);
    const later = path.join(root, 'x', 'y');
    const b = window('b', { dir: later, start: false });
    b.dispose();
    b.start();
    await timers.settle();
    assert.equal(fs.existsSync(later), false, 'no folder made');
    assert.equal(watches.length, 1, 'no watch');
    assert.deepEqual(timers.delays, [100], 'no look');
  });

  it('creates a missing folder (nested) and watches it; an existing folder is watched as it is', async () => {
    const nested = path.join(root, 'n', 'm');
    window('a', { dir: nested, eligible: false });
    window('b', { eligible: false });
    assert.equal(fs.statSync(nested).isDirectory(), true);
    assert.deepEqual(
      watches.map((w) => w.dir),
      [nested, dir],
    );
    assert.deepEqual(logged, []);
  });

  it('a change to lease.json or refresh.json, or an unnamed one, brings the next look forward (30 ms); other files do not', async () => {
    const a = window('a', { eligible: false });
    await timers.settle();
    const { listener } = watches[0];
    assert.deepEqual(timers.delays, [100]);
    listener('rename', 'other.txt');
    listener('rename', '.lease.json.0123456789ab.tmp');
    assert.deepEqual(timers.delays, [100], 'other files');
    plant('other', timers.now + 5_000);
    listener('rename', 'lease.json');
    listener('change', 'lease.json');
    assert.deepEqual(timers.delays, [30, 100], 'one look for both events');
    assert.equal(await timers.next(), 30);
    assert.equal(a.lease?.owner, 'other', 'the look read the lease');
    assert.deepEqual(timers.delays, [100], 'and the next look is counted from it');
    assert.deepEqual(timers.dueTimes, [timers.now + 100]);
    listener('change', 'refresh.json');
    assert.deepEqual(timers.delays, [30, 100], 'refresh.json');
    await timers.next();
    listener('rename', null);
    assert.deepEqual(timers.delays, [30, 100], 'no name');
    await timers.next();
    assert.deepEqual(timers.delays, [100]);
  });

  it('a watch that fails is closed, and the looks go on', async () => {
    window('a', { eligible: false });
    await timers.settle();
    const { watcher } = watches[0];
    watcher.emit('error', new Error('EMFILE'));
    assert.equal(watcher.closed, true);
    assert.deepEqual(timers.delays, [100]);
  });

  it('dispose() closes the watch and clears both the pending look and the one brought forward', async () => {
    const a = window('a', { eligible: false });
    await timers.settle();
    watches[0].listener('rename', 'lease.json');
    assert.deepEqual(timers.delays, [30, 100]);
    a.dispose();
    assert.deepEqual(timers.delays, []);
    assert.equal(watches[0].watcher.closed, true);
  });

  it('closed while it confirms: gives the lease back and arms no further look', async () => {
    const a = window('a');
    assert.equal(JSON.parse(raw()).owner, 'a');
    a.dispose();
    await timers.next();
    assert.equal(fs.existsSync(leaseFile()), false);
    assert.equal(a.isLeader, false);
    assert.deepEqual(timers.delays, []);
  });

  it('a closed window asked for a Refresh takes no lease', async () => {
    const a = window('a', { start: false });
    a.dispose();
    const { result, fired } = await drive(a.requestRefresh());
    assert.equal(result, 'noLeader');
    assert.deepEqual(fired, []);
    assert.equal(fs.existsSync(leaseFile()), false);
  });

  it('a Refresh over a lease that expires exactly now takes it and refreshes here, asking no one; a window not started keeps no timer', async () => {
    plant('gone', timers.now);
    const b = window('b', { start: false });
    let refreshes = 0;
    b.onDidRequestRefresh(() => refreshes++);
    const p = b.requestRefresh();
    await timers.settle();
    assert.equal(requested(), false, 'no request written');
    const { result, fired } = await drive(p);
    assert.equal(result, 'here');
    assert.deepEqual(fired, [60]);
    assert.equal(refreshes, 1);
    assert.equal(JSON.parse(raw()).owner, 'b');
    assert.deepEqual(timers.delays, [], 'not started: no look of its own');
  });

  it("a Refresh over this window's own live lease (same id) takes it back without asking anyone", async () => {
    plant('b', timers.now + 10_000);
    const b = window('b', { start: false });
    const p = b.requestRefresh();
    await timers.settle();
    assert.equal(requested(), false);
    assert.equal((await drive(p)).result, 'here');
  });

  it('in the leader, a Refresh is carried out at once, with no extra write of the lease', async () => {
    const a = await leader('a');
    let refreshes = 0;
    a.onDidRequestRefresh(() => refreshes++);
    timers.now += 10;
    const before = raw();
    assert.equal(await a.requestRefresh(), 'here');
    assert.equal(refreshes, 1);
    assert.equal(raw(), before);
  });

  it('setEligible(true) a second time does nothing; a window that does not lead leaves a lease under its id alone, even when closed', async () => {
    const a = await leader('a');
    timers.now += 10;
    const before = raw();
    a.setEligible(true);
    assert.equal(raw(), before, 'no extra look');
    const other = path.join(root, 'c');
    fs.mkdirSync(other);
    plant('c', timers.now + 10_000, {}, other);
    const c = window('c', { dir: other, eligible: false, start: false });
    c.setEligible(true);
    assert.equal(fs.existsSync(leaseFile(other)), true, 'becoming eligible');
    c.setEligible(false);
    assert.equal(fs.existsSync(leaseFile(other)), true, 'no longer eligible, never led');
    c.dispose();
    assert.equal(fs.existsSync(leaseFile(other)), true, 'closed, never led');
  });

  it('becoming eligible takes a missing lease in the same call', async () => {
    const a = window('a', { eligible: false });
    await timers.settle(); // its first look is over
    a.setEligible(true);
    assert.equal(JSON.parse(raw()).owner, 'a');
  });

  it('the same or a shorter Retry-After again writes nothing; a follower never writes one', async () => {
    const a = await leader('a');
    const until = timers.now + 5_000;
    a.shareBlockedUntil(until);
    assert.equal(JSON.parse(raw()).blockedUntil, until);
    timers.now += 10;
    const before = raw();
    a.shareBlockedUntil(until);
    a.shareBlockedUntil(until - 1);
    assert.equal(raw(), before);
    const other = path.join(root, 'f');
    fs.mkdirSync(other);
    plant('a', timers.now + 10_000, {}, other);
    const f = window('f', { dir: other, start: false });
    const text = raw(other);
    f.shareBlockedUntil(until);
    assert.equal(raw(other), text);
    assert.equal(f.sharedBlockedUntil, until);
  });

  it('a follower whose Refresh is not answered waits a third of the lease life and a second, in 100 ms steps, then takes over', async () => {
    plant('stalled', timers.now + 30_000);
    const b = window('b', { start: false });
    const t0 = timers.now;
    const { result, fired } = await drive(b.requestRefresh());
    assert.equal(result, 'tookOver');
    assert.deepEqual(fired, [...Array(11).fill(100), 60]);
    assert.equal(timers.now - t0, 1_160);
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(dir, REFRESH_FILE), 'utf8')), { from: 'b', at: t0 });
  });

  it('a lease that disappears while a follower waits for an answer is no answer (and no error)', async () => {
    plant('stalled', timers.now + 30_000);
    const b = window('b', { start: false });
    const p = b.requestRefresh();
    await timers.next();
    fs.rmSync(leaseFile());
    const { result, fired } = await drive(p);
    assert.equal(result, 'tookOver');
    assert.equal(fired.length, 11);
  });

  it("an acknowledgement in a lease under the follower's own id is not the leader's answer", async () => {
    plant('stalled', timers.now + 30_000);
    const b = window('b', { start: false });
    const t0 = timers.now;
    const p = b.requestRefresh();
    await timers.next();
    plant('b', timers.now + 30_000, { refreshedAt: t0 });
    assert.equal((await drive(p)).result, 'tookOver');
  });

  it("a follower closed while it waits for an answer gives up: no takeover, the leader's lease untouched", async () => {
    plant('stalled', timers.now + 30_000);
    const before = raw();
    const b = window('b', { start: false });
    const p = b.requestRefresh();
    await timers.next();
    b.dispose();
    assert.equal((await drive(p)).result, 'noLeader');
    assert.equal(raw(), before);
    assert.ok(!logged.some((m) => /did not answer/.test(m)), logged.join('\n'));
  });

  it('a takeover whose lease another window replaced during the confirmation pause ends without leading', async () => {
    plant('stalled', timers.now + 30_000);
    const b = window('b', { start: false });
    let refreshes = 0;
    b.onDidRequestRefresh(() => refreshes++);
    const p = b.requestRefresh();
    for (let i = 0; i < 11; i++) assert.equal(await timers.next(), 100);
    assert.equal(JSON.parse(raw()).owner, 'b', 'taken, now confirming');
    plant('other', timers.now + 30_000);
    const { result, fired } = await drive(p);
    assert.deepEqual(fired, [60]);
    assert.equal(result, 'noLeader');
    assert.equal(b.isLeader, false);
    assert.equal(refreshes, 0);
  });

  it('a lease this window took twice at once (a Refresh and its own look) is announced once', async () => {
    // Looks every 110 ms, the Refresh's steps every 100 ms: the look at +1210 finds the lease the
    // Refresh took at +1200 and confirms it too, 10 ms after the Refresh's own confirmation.
    plant('stalled', timers.now + 30_000);
    const b = window('b', { ttlMs: 330 });
    const seen: boolean[] = [];
    b.onDidChangeLeadership((l) => seen.push(l));
    const { result } = await drive(b.requestRefresh());
    assert.equal(result, 'tookOver');
    await timers.advance(100);
    assert.equal(b.isLeader, true);
    assert.deepEqual(seen, [true]);
  });

  it('a lease that expires exactly at the look: a leader renews over it, a follower takes it', async () => {
    const a = await leader('a');
    plant('other', timers.dueTimes[0]);
    await timers.next();
    assert.equal(a.isLeader, true);
    assert.equal(JSON.parse(raw()).owner, 'a');
    const other = path.join(root, 'f');
    fs.mkdirSync(other);
    plant('other', timers.now + 30_000, {}, other);
    const b = window('b', { dir: other });
    await timers.settle();
    const at = timers.dueTimes[0]; // a's look and b's
    plant('other', at, {}, other);
    await timers.advance(at - timers.now);
    assert.equal(b.isLeader, false, 'confirming');
    assert.equal(JSON.parse(raw(other)).owner, 'b');
  });

  it('a lease deleted during the confirmation pause of a Refresh: no leader, no error', async () => {
    const b = window('b', { start: false });
    const p = b.requestRefresh();
    await timers.settle();
    assert.equal(JSON.parse(raw()).owner, 'b');
    fs.rmSync(leaseFile());
    assert.equal((await drive(p)).result, 'noLeader');
    assert.equal(b.isLeader, false);
  });

  it('Refresh requests: one per request, and a new one exactly 2 s after the last is carried out', async () => {
    const a = await leader('a');
    let refreshes = 0;
    a.onDidRequestRefresh(() => refreshes++);
    const request = (at: number) => fs.writeFileSync(path.join(dir, REFRESH_FILE), JSON.stringify({ from: 'x', at }));
    request(timers.now);
    await timers.next();
    assert.equal(refreshes, 1);
    const first = timers.now;
    await timers.advance(1_950);
    assert.equal(refreshes, 1);
    request(timers.now);
    assert.deepEqual(timers.dueTimes, [first + 2_000]);
    await timers.next();
    assert.equal(refreshes, 2, 'exactly 2 s after the last');
    await timers.advance(3_000);
    assert.equal(refreshes, 2, 'the same request is not carried out again');
    assert.equal(JSON.parse(raw()).refreshedAt, first + 1_950);
  });

  it('the lease carries no refreshedAt before a Refresh was handled, and no Retry-After once it ended', async () => {
    const a = await leader('a');
    await timers.next();
    assert.deepEqual(Object.keys(JSON.parse(raw())).sort(), ['expiresAt', 'owner']);
    const until = timers.dueTimes[0];
    a.shareBlockedUntil(until);
    assert.equal(JSON.parse(raw()).blockedUntil, until);
    await timers.next();
    assert.equal(timers.now, until);
    assert.deepEqual(Object.keys(JSON.parse(raw())).sort(), ['expiresAt', 'owner']);
  });

  it("a leader that cannot write steps down only for another window's live lease", async () => {
    const a = await leader('a');
    const seen: boolean[] = [];
    a.onDidChangeLeadership((l) => seen.push(l));
    failRenames = true;
    let until = timers.now + 1_000;
    fs.rmSync(leaseFile());
    a.shareBlockedUntil((until += 1_000));
    assert.equal(a.isLeader, true, 'no lease');
    plant('a', timers.now + 5_000);
    a.shareBlockedUntil((until += 1_000));
    assert.equal(a.isLeader, true, 'its own lease');
    plant('other', timers.now);
    a.shareBlockedUntil((until += 1_000));
    assert.equal(a.isLeader, true, "another's lease, expiring now");
    plant('other', timers.now + 5_000);
    a.shareBlockedUntil((until += 1_000));
    assert.equal(a.isLeader, false, "another's live lease");
    assert.deepEqual(seen, [false]);
    assert.equal(JSON.parse(raw()).owner, 'other');
    assert.equal(logged.filter((m) => /cannot write the lease/.test(m)).length, 1, logged.join('\n'));
  });
});

describe('LeaderLease and the real folder watch', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veo-lease-watch-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the watch does not keep the process alive', () => {
    const watches = () => process.getActiveResourcesInfo().filter((r) => r === 'FSEventWrap').length;
    const logged: string[] = [];
    const lease = new LeaderLease({ dir, windowId: 'a', ttlMs: 300, log: (m) => logged.push(m) });
    try {
      const before = watches();
      lease.start();
      assert.deepEqual(logged, [], 'watching');
      assert.equal(watches(), before);
    } finally {
      lease.dispose();
    }
  });
});
