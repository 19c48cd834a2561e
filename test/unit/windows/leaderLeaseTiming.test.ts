// LeaderLease: how fast a window notices (the folder watch, not only its ticks), how often it
// writes, what it never touches (another window's lease), the shared Retry-After, and what it
// logs. Real files, real timers; a long lease life where "at once" has to mean the watch.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LeaderLease } from '../../../src/windows/leaderLease';
import { LEASE_FILE, parseLease, REFRESH_FILE } from '../../../src/windows/leaseFile';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what: string, ok: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

describe('LeaderLease: timing, writes and logs', function () {
  this.timeout(20_000);
  let dir: string;
  const made: LeaderLease[] = [];
  let logged: string[];

  function window(id: string, ttlMs: number, options: { eligible?: boolean; start?: boolean; now?: () => number; confirmDelayMs?: number } = {}): LeaderLease {
    const lease = new LeaderLease({
      dir,
      windowId: id,
      ttlMs,
      log: (m) => logged.push(`${id}: ${m}`),
      ...(options.now ? { now: options.now } : {}),
      ...(options.confirmDelayMs !== undefined ? { confirmDelayMs: options.confirmDelayMs } : {}),
    });
    made.push(lease);
    lease.setEligible(options.eligible ?? true);
    if (options.start ?? true) lease.start();
    return lease;
  }
  const leaseFile = () => path.join(dir, LEASE_FILE);
  const onDisk = () => parseLease(fs.readFileSync(leaseFile(), 'utf8'), Date.now());
  const plant = (owner: string, expiresAt: number, extra: object = {}) => fs.writeFileSync(leaseFile(), JSON.stringify({ owner, expiresAt, ...extra }));

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veo-lease-timing-'));
    logged = [];
  });
  afterEach(() => {
    for (const l of made.splice(0)) l.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a follower in an existing folder sees a closed leader go through the folder watch, long before its next look', async () => {
    // Ticks every 2 s: leading within 700 ms of the release can only come from the watch.
    const a = window('a', 6_000);
    await waitFor('a leads', () => a.isLeader);
    const b = window('b', 6_000);
    await sleep(100);
    const closedAt = Date.now();
    a.dispose();
    await waitFor('b leads', () => b.isLeader, 1_500);
    assert.ok(Date.now() - closedAt < 700, `${Date.now() - closedAt} ms`);
    assert.equal(onDisk()!.owner, 'b');
  });

  it("the leader carries out a follower's Refresh as soon as the request is written (the watch), not at its next look", async () => {
    const a = window('a', 6_000);
    await waitFor('a leads', () => a.isLeader);
    let refreshes = 0;
    a.onDidRequestRefresh(() => refreshes++);
    const b = window('b', 6_000);
    await sleep(50);
    const askedAt = Date.now();
    assert.equal(await b.requestRefresh(), 'leader');
    assert.ok(Date.now() - askedAt < 1_000, `${Date.now() - askedAt} ms`);
    assert.equal(refreshes, 1);
    assert.equal(b.isLeader, false);
  });

  it('a window that becomes eligible takes a missing lease at once, not at its next look', async () => {
    const a = window('a', 6_000, { eligible: false });
    await sleep(100);
    assert.equal(fs.existsSync(leaseFile()), false);
    const at = Date.now();
    a.setEligible(true);
    await waitFor('a leads', () => a.isLeader, 1_500);
    assert.ok(Date.now() - at < 700, `${Date.now() - at} ms`);
  });

  it('the leader writes its lease once every third of its life, not more often', async () => {
    const a = window('a', 3_000);
    await waitFor('a leads', () => a.isLeader);
    const first = fs.readFileSync(leaseFile(), 'utf8');
    await sleep(600);
    assert.equal(fs.readFileSync(leaseFile(), 'utf8'), first, 'not renewed within 600 ms');
    await sleep(700);
    assert.notEqual(fs.readFileSync(leaseFile(), 'utf8'), first, 'renewed after a third of 3 s');
  });

  it('a window that finds its own live lease (same id) leads at once instead of waiting for it to expire', async () => {
    plant('a', Date.now() + 20_000);
    const a = window('a', 300);
    await waitFor('a leads', () => a.isLeader, 1_000);
  });

  it("a leader does not step down for another window's expired lease: it renews over it", async () => {
    const a = window('a', 300);
    await waitFor('a leads', () => a.isLeader);
    const seen: boolean[] = [];
    a.onDidChangeLeadership((l) => seen.push(l));
    plant('other', Date.now() - 1_000);
    await sleep(300);
    assert.equal(a.isLeader, true);
    assert.deepEqual(seen, []);
    assert.equal(onDisk()!.owner, 'a');
  });

  it("a leader that steps down logs which window leads now; the new leader's log names the one before", async () => {
    const a = window('a', 300);
    await waitFor('a leads', () => a.isLeader);
    assert.deepEqual(logged, ['a: windows: this window (a) leads polling.']);
    plant('other', Date.now() + 20 * 300);
    await waitFor('a steps down', () => !a.isLeader);
    assert.ok(logged.includes('a: windows: window other leads now; this one stops polling.'), logged.join('\n'));
    plant('other', Date.now() - 1);
    await waitFor('a leads again', () => a.isLeader);
    assert.ok(logged.includes('a: windows: this window (a) leads polling after other.'), logged.join('\n'));
  });

  it("giving up (no longer eligible) never deletes another window's lease", async () => {
    const a = window('a', 6_000);
    await waitFor('a leads', () => a.isLeader);
    // Another window took the lease; a has not looked yet (its next tick is 2 s away).
    plant('other', Date.now() + 20_000);
    a.setEligible(false);
    assert.equal(a.isLeader, false);
    assert.equal(onDisk()?.owner, 'other');
  });

  it('a lease another window wrote within the confirmation pause wins: this one never leads', async () => {
    const b = window('b', 2_000);
    const seen: boolean[] = [];
    b.onDidChangeLeadership((l) => seen.push(l));
    assert.equal(onDisk()!.owner, 'b', 'written, now confirming (200 ms)');
    await sleep(40);
    plant('other', Date.now() + 20_000);
    await sleep(400);
    assert.deepEqual(seen, []);
    assert.equal(onDisk()!.owner, 'other');
  });

  it('a lease deleted while this window confirms it: no leader for a moment, no error, then this window takes it', async () => {
    const b = window('b', 300);
    assert.equal(onDisk()!.owner, 'b');
    fs.rmSync(leaseFile());
    await waitFor('b leads', () => b.isLeader);
    assert.equal(onDisk()!.owner, 'b');
  });

  it('a Refresh request written before this window led is left to the old leader, never carried out later', async () => {
    fs.writeFileSync(path.join(dir, REFRESH_FILE), JSON.stringify({ from: 'x', at: Date.now() - 10 }));
    const a = window('a', 300);
    let refreshes = 0;
    a.onDidRequestRefresh(() => refreshes++);
    await waitFor('a leads', () => a.isLeader);
    await sleep(400);
    assert.equal(refreshes, 0);
  });

  it('one Refresh request is carried out once, however long the leader keeps looking at it', async () => {
    const a = window('a', 300);
    await waitFor('a leads', () => a.isLeader);
    let refreshes = 0;
    a.onDidRequestRefresh(() => refreshes++);
    fs.writeFileSync(path.join(dir, REFRESH_FILE), JSON.stringify({ from: 'x', at: Date.now() }));
    await waitFor('carried out', () => refreshes === 1);
    await sleep(2_600);
    assert.equal(refreshes, 1);
  });

  it('a follower whose Refresh the leader does not answer takes over after a third of a lease life and a second, and logs it', async () => {
    plant('stalled', Date.now() + 30 * 300);
    const b = window('b', 300);
    await sleep(150);
    const at = Date.now();
    assert.equal(await b.requestRefresh(), 'tookOver');
    const took = Date.now() - at;
    assert.ok(took >= 1_000 && took < 1_700, `${took} ms`);
    assert.ok(logged.includes('b: windows: the leading window did not answer a Refresh; this window takes over polling.'), logged.join('\n'));
  });

  it("a Refresh in a window that is not started, over another window's expired lease, takes the lease and refreshes here at once", async () => {
    fs.mkdirSync(dir, { recursive: true });
    plant('gone', Date.now() - 1_000);
    const a = window('a', 6_000, { start: false });
    let refreshes = 0;
    a.onDidRequestRefresh(() => refreshes++);
    const at = Date.now();
    assert.equal(await a.requestRefresh(), 'here');
    assert.ok(Date.now() - at < 700, `${Date.now() - at} ms`);
    assert.equal(refreshes, 1);
  });

  it('the shared Retry-After only grows: a shorter one later does not shorten it', async () => {
    const a = window('a', 300);
    await waitFor('a leads', () => a.isLeader);
    const long = Date.now() + 30_000;
    a.shareBlockedUntil(long);
    a.shareBlockedUntil(Date.now() + 10_000);
    assert.equal(onDisk()!.blockedUntil, long);
    assert.equal(a.sharedBlockedUntil, long);
  });

  it("a follower that learns a Retry-After keeps it for itself and leaves the leader's lease alone", async () => {
    const a = window('a', 300);
    await waitFor('a leads', () => a.isLeader);
    const b = window('b', 300);
    await sleep(100);
    const until = Date.now() + 30_000;
    b.shareBlockedUntil(until);
    assert.equal(onDisk()!.owner, 'a');
    assert.equal(b.sharedBlockedUntil, until);
    await sleep(300);
    assert.equal(a.isLeader, true);
    assert.equal(b.isLeader, false);
  });

  it("a window keeps the longest Retry-After it knows, even when the leader's lease carries a shorter one", async () => {
    plant('other', Date.now() + 20_000, { blockedUntil: Date.now() + 10_000 });
    const b = window('b', 300);
    const mine = Date.now() + 30_000;
    b.shareBlockedUntil(mine);
    await sleep(250);
    assert.equal(b.sharedBlockedUntil, mine);
  });

  it('the shared Retry-After ends at its instant', () => {
    let now = 1_000_000;
    const a = window('a', 300, { start: false, eligible: false, now: () => now });
    a.shareBlockedUntil(now + 5_000);
    assert.equal(a.sharedBlockedUntil, 1_005_000);
    now = 1_005_000;
    assert.equal(a.sharedBlockedUntil, 0);
  });

  it('a leader that could not write logs once when it can write again', async () => {
    const sub = path.join(dir, 'w');
    const lease = new LeaderLease({ dir: sub, windowId: 'a', ttlMs: 300, log: (m) => logged.push(m) });
    made.push(lease);
    fs.writeFileSync(sub, 'not a folder');
    lease.setEligible(true);
    lease.start();
    await waitFor('a polls alone', () => lease.isLeader);
    assert.equal(logged.filter((m) => /can be written again/.test(m)).length, 0);
    fs.rmSync(sub);
    await waitFor('written again', () => fs.existsSync(path.join(sub, LEASE_FILE)));
    await sleep(300);
    assert.equal(logged.filter((m) => /can be written again/.test(m)).length, 1, logged.join('\n'));
  });

  it('a follower whose leader goes away while it waits for an answer refreshes as the new leader at once', async () => {
    plant('leaving', Date.now() + 400);
    const b = window('b', 300);
    let refreshes = 0;
    b.onDidRequestRefresh(() => refreshes++);
    const at = Date.now();
    assert.equal(await b.requestRefresh(), 'here');
    assert.ok(Date.now() - at < 1_000, `${Date.now() - at} ms (the deadline is 1.1 s)`);
    assert.equal(refreshes, 1);
  });

  it("a follower that may not lead leaves the unanswering leader's lease exactly as it was", async () => {
    const text = JSON.stringify({ owner: 'stalled', expiresAt: Date.now() + 30 * 300 });
    fs.writeFileSync(leaseFile(), text);
    const b = window('b', 300, { eligible: false });
    assert.equal(await b.requestRefresh(), 'noLeader');
    await sleep(100);
    assert.equal(fs.readFileSync(leaseFile(), 'utf8'), text);
  });

  it('a Refresh request that cannot be written is logged, and the window still waits for the leader', async () => {
    plant('stalled', Date.now() + 30 * 300);
    // A folder (with something in it) where the request file goes: the rename over it fails.
    fs.mkdirSync(path.join(dir, REFRESH_FILE));
    fs.writeFileSync(path.join(dir, REFRESH_FILE, 'x'), 'x');
    const b = window('b', 300, { eligible: false });
    assert.equal(await b.requestRefresh(), 'noLeader');
    assert.ok(logged.some((m) => m.startsWith('b: windows: cannot ask the leader to refresh: ')), logged.join('\n'));
  });

  it("a window taking over an expired lease carries its Retry-After on from the first write", () => {
    const until = Date.now() + 30_000;
    plant('gone', Date.now() - 1_000, { blockedUntil: until });
    window('a', 300);
    assert.equal(onDisk()!.owner, 'a', 'written, now confirming');
    assert.equal(onDisk()!.blockedUntil, until);
  });

  it('a leader closed with its window does not announce the change (its listeners are going away too)', async () => {
    const a = window('a', 300);
    const seen: boolean[] = [];
    a.onDidChangeLeadership((l) => seen.push(l));
    await waitFor('a leads', () => a.isLeader);
    a.dispose();
    assert.deepEqual(seen, [true]);
    assert.equal(fs.existsSync(leaseFile()), false, 'released');
  });
});
