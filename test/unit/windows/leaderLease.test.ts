import * as assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LeaderLease } from '../../../src/windows/leaderLease';
import { LEASE_FILE, MAX_LEASE_MS, parseLease, parseRefreshRequest, REFRESH_FILE } from '../../../src/windows/leaseFile';

const TTL = 300;

async function waitFor(what: string, ok: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('LeaderLease (windows of one profile)', function () {
  this.timeout(20_000);
  let dir: string;
  const leases: LeaderLease[] = [];

  function window(id: string, eligible = true): LeaderLease {
    const lease = new LeaderLease({ dir, windowId: id, ttlMs: TTL });
    leases.push(lease);
    lease.setEligible(eligible);
    lease.start();
    return lease;
  }

  const leaders = () => leases.filter((l) => l.isLeader).map((l) => l.windowId);
  const onDisk = () => parseLease(fs.readFileSync(path.join(dir, LEASE_FILE), 'utf8'), Date.now());

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veo-lease-'));
  });
  afterEach(() => {
    for (const l of leases.splice(0)) l.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('one window takes a missing lease and renews it', async () => {
    const a = window('a');
    await waitFor('a leads', () => a.isLeader);
    const first = onDisk()!;
    assert.equal(first.owner, 'a');
    await sleep(TTL * 2);
    assert.equal(a.isLeader, true);
    assert.ok(onDisk()!.expiresAt > first.expiresAt, 'renewed');
  });

  it('three windows started together: exactly one leads, and it stays one', async () => {
    window('a');
    window('b');
    window('c');
    await waitFor('a leader', () => leaders().length > 0);
    for (let i = 0; i < 10; i++) {
      assert.equal(leaders().length, 1, `leaders: ${leaders().join(', ')}`);
      await sleep(TTL / 3);
    }
    assert.equal(onDisk()!.owner, leaders()[0]);
  });

  it('two windows that took a missing lease at the same moment: only the one whose write stayed leads', async () => {
    const b = window('b');
    const seen: boolean[] = [];
    b.onDidChangeLeadership((leader) => seen.push(leader));
    // b wrote its lease and waits to confirm it; another window's rename lands meanwhile.
    assert.equal(onDisk()!.owner, 'b');
    fs.writeFileSync(path.join(dir, LEASE_FILE), JSON.stringify({ owner: 'other', expiresAt: Date.now() + 20 * TTL }));
    await sleep(TTL);
    assert.deepEqual(seen, [], 'b never led, not even for a moment');
    assert.equal(onDisk()!.owner, 'other', 'and it left the other lease alone');
  });

  it('a closed leader releases: another window leads well within one lease life', async () => {
    const a = window('a');
    await waitFor('a leads', () => a.isLeader);
    const b = window('b');
    await sleep(TTL);
    assert.equal(b.isLeader, false);
    const closedAt = Date.now();
    a.dispose();
    assert.equal(fs.existsSync(path.join(dir, LEASE_FILE)), false, 'the lease file is gone');
    await waitFor('b leads', () => b.isLeader);
    assert.ok(Date.now() - closedAt < TTL, `${Date.now() - closedAt} ms`);
  });

  it('a leader killed with SIGKILL (no release) is replaced once its lease expired', async () => {
    const child = fork(path.join(__dirname, 'leaseChild.js'), [dir, 'crashing', String(TTL)], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    try {
      await new Promise<void>((resolve, reject) => {
        child.on('message', (m) => m === 'leader' && resolve());
        child.on('exit', (code) => reject(new Error(`child exited with ${code}`)));
      });
      const b = window('b');
      await sleep(TTL);
      assert.equal(b.isLeader, false, 'the live child leads');
      child.kill('SIGKILL');
      const killedAt = Date.now();
      await waitFor('b leads', () => b.isLeader);
      const took = Date.now() - killedAt;
      assert.ok(took < TTL + TTL / 3 + 200, `${took} ms`);
      assert.equal(onDisk()!.owner, 'b');
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('a window that may not lead (no key) never takes the lease, and a leader that loses its key hands over', async () => {
    const a = window('a', false);
    await sleep(TTL);
    assert.equal(a.isLeader, false);
    assert.equal(fs.existsSync(path.join(dir, LEASE_FILE)), false);
    const b = window('b');
    await waitFor('b leads', () => b.isLeader);
    a.setEligible(true);
    b.setEligible(false);
    assert.equal(b.isLeader, false);
    await waitFor('a leads', () => a.isLeader);
  });

  it('tells listeners when leadership comes and goes, once each', async () => {
    const a = window('a');
    const seen: boolean[] = [];
    a.onDidChangeLeadership((leader) => seen.push(leader));
    await waitFor('a leads', () => a.isLeader);
    const b = window('b');
    a.setEligible(false);
    await waitFor('b leads', () => b.isLeader);
    assert.deepEqual(seen, [true, false]);
  });

  it('a Refresh in a follower reaches the leader, which acknowledges it', async () => {
    const a = window('a');
    await waitFor('a leads', () => a.isLeader);
    const b = window('b');
    let refreshes = 0;
    a.onDidRequestRefresh(() => refreshes++);
    let bRefreshes = 0;
    b.onDidRequestRefresh(() => bRefreshes++);
    assert.equal(await b.requestRefresh(), 'leader');
    assert.equal(refreshes, 1);
    assert.equal(bRefreshes, 0);
    assert.equal(b.isLeader, false);
    assert.equal(await a.requestRefresh(), 'here', 'in the leader it refreshes there');
    assert.equal(refreshes, 2);
  });

  it('Refresh requests written faster than one per 2 s are acknowledged but carried out once', async () => {
    const a = window('a');
    await waitFor('a leads', () => a.isLeader);
    let refreshes = 0;
    a.onDidRequestRefresh(() => refreshes++);
    const file = path.join(dir, REFRESH_FILE);
    for (let i = 1; i <= 5; i++) {
      const at = Date.now();
      fs.writeFileSync(file, JSON.stringify({ from: 'loop', at }));
      await waitFor(`request ${i} acknowledged`, () => (onDisk()?.refreshedAt ?? 0) >= at);
    }
    assert.equal(refreshes, 1);
  });

  it('a follower whose Refresh the leader does not answer (its lease still live, the leader stalled) takes over', async () => {
    fs.writeFileSync(path.join(dir, LEASE_FILE), JSON.stringify({ owner: 'stalled', expiresAt: Date.now() + 30 * TTL }));
    const b = window('b');
    await sleep(TTL);
    assert.equal(b.isLeader, false, 'a live lease is respected');
    let refreshes = 0;
    b.onDidRequestRefresh(() => refreshes++);
    assert.equal(await b.requestRefresh(), 'tookOver');
    assert.equal(b.isLeader, true);
    assert.equal(refreshes, 1, 'and it polls');
    assert.equal(onDisk()!.owner, 'b');
  });

  it('the API\'s Retry-After travels in the lease to the next leader', async () => {
    const a = window('a');
    await waitFor('a leads', () => a.isLeader);
    const until = Date.now() + 30_000;
    a.shareBlockedUntil(until);
    assert.equal(onDisk()!.blockedUntil, until);
    const b = window('b');
    a.dispose();
    await waitFor('b leads', () => b.isLeader);
    assert.equal(b.sharedBlockedUntil, until);
  });

  it('replaces a planted link at lease.json instead of writing through it', async () => {
    const target = path.join(dir, 'target.txt');
    fs.writeFileSync(target, 'keep me');
    fs.symlinkSync(target, path.join(dir, LEASE_FILE));
    const a = window('a');
    await waitFor('a leads', () => a.isLeader);
    assert.equal(fs.readFileSync(target, 'utf8'), 'keep me');
    assert.equal(fs.lstatSync(path.join(dir, LEASE_FILE)).isSymbolicLink(), false);
  });

  it('a planted lease that claims to last for years expires like any other', async () => {
    fs.writeFileSync(path.join(dir, LEASE_FILE), JSON.stringify({ owner: 'squatter', expiresAt: Date.now() + 10 * 365 * 86_400_000 }));
    const parsed = onDisk()!;
    assert.ok(parsed.expiresAt <= Date.now() + MAX_LEASE_MS);
  });
});

describe('LeaderLease when things go wrong', function () {
  this.timeout(20_000);
  let root: string;
  const made: LeaderLease[] = [];
  const make = (dir: string, id: string, log?: (m: string) => void) => {
    const l = new LeaderLease({ dir, windowId: id, ttlMs: TTL, ...(log ? { log } : {}) });
    made.push(l);
    return l;
  };
  beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'veo-lease-bad-'))));
  afterEach(() => {
    for (const l of made.splice(0)) l.dispose();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('a Refresh with no leader: an eligible window takes the lease and polls; one that may not lead says so', async () => {
    const dir = path.join(root, 'w');
    const idle = make(dir, 'idle');
    idle.start();
    assert.equal(await idle.requestRefresh(), 'noLeader');
    assert.equal(fs.existsSync(path.join(dir, LEASE_FILE)), false);
    const eager = make(dir, 'eager');
    let refreshes = 0;
    eager.onDidRequestRefresh(() => refreshes++);
    // Not started (no ticks of its own): the lease is taken by the Refresh itself.
    eager.setEligible(true);
    assert.equal(fs.existsSync(path.join(dir, LEASE_FILE)), false);
    assert.equal(await eager.requestRefresh(), 'here');
    assert.equal(eager.isLeader, true);
    assert.equal(refreshes, 1);
  });

  it('a Refresh while this window is still confirming the lease it just took is carried out once it leads', async () => {
    const dir = path.join(root, 'w');
    const a = make(dir, 'a');
    let refreshes = 0;
    a.onDidRequestRefresh(() => refreshes++);
    a.setEligible(true);
    a.start();
    assert.equal(a.isLeader, false, 'confirming');
    assert.equal(await a.requestRefresh(), 'here');
    assert.equal(a.isLeader, true);
    assert.equal(refreshes, 1);
  });

  it('a follower that may not lead does not take over from a leader that does not answer', async () => {
    const dir = path.join(root, 'w');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, LEASE_FILE), JSON.stringify({ owner: 'stalled', expiresAt: Date.now() + 30 * TTL }));
    const b = make(dir, 'b');
    b.start();
    assert.equal(await b.requestRefresh(), 'noLeader');
    assert.equal(b.isLeader, false);
    assert.equal(parseRefreshRequest(fs.readFileSync(path.join(dir, REFRESH_FILE), 'utf8'), Date.now())?.from, 'b', 'the request was made');
  });

  it('a leader that can no longer write its lease keeps polling alone (no window could lead there), logging it once', async () => {
    const dir = path.join(root, 'w');
    const logged: string[] = [];
    const a = make(dir, 'a', (m) => logged.push(m));
    const seen: boolean[] = [];
    a.onDidChangeLeadership((l) => seen.push(l));
    a.setEligible(true);
    a.start();
    await waitFor('a leads', () => a.isLeader);
    // The folder is replaced by a file: nothing can be written there any more.
    fs.rmSync(dir, { recursive: true, force: true });
    fs.writeFileSync(dir, 'not a folder');
    await sleep(TTL);
    assert.equal(a.isLeader, true);
    assert.deepEqual(seen, [true]);
    assert.equal(logged.filter((m) => /cannot write the lease/.test(m)).length, 1, logged.join('\n'));
  });

  it('a leader that cannot write steps down for another window\'s live lease', async () => {
    const dir = path.join(root, 'w');
    const a = make(dir, 'a');
    a.setEligible(true);
    a.start();
    await waitFor('a leads', () => a.isLeader);
    // The lease is now another window's, and this window cannot write any more.
    const lease = path.join(dir, LEASE_FILE);
    fs.writeFileSync(lease, JSON.stringify({ owner: 'other', expiresAt: Date.now() + 20 * TTL }));
    fs.chmodSync(dir, 0o500);
    const canWrite = (() => {
      try {
        fs.writeFileSync(path.join(dir, 'probe'), 'x');
        fs.rmSync(path.join(dir, 'probe'));
        return true;
      } catch {
        return false;
      }
    })();
    try {
      // As root the folder stays writable: then the other lease is simply seen at the next look.
      await waitFor('a steps down', () => !a.isLeader);
      assert.equal(parseLease(fs.readFileSync(lease, 'utf8'), Date.now())?.owner, 'other', `left alone (folder writable: ${canWrite})`);
    } finally {
      fs.chmodSync(dir, 0o700);
    }
  });

  it('a folder that cannot be created: this window polls on its own, with the reason logged, and no throw', async () => {
    const file = path.join(root, 'file');
    fs.writeFileSync(file, 'x');
    const logged: string[] = [];
    const a = make(path.join(file, 'w'), 'a', (m) => logged.push(m));
    a.setEligible(true);
    a.start();
    await waitFor('a polls alone', () => a.isLeader);
    assert.ok(logged.some((m) => /cannot watch/.test(m)), logged.join('\n'));
    assert.ok(logged.some((m) => /cannot write the lease.*polls on its own/.test(m)), logged.join('\n'));
  });

  it('closed while confirming its new lease: gives it back instead of leading', async () => {
    const dir = path.join(root, 'w');
    const a = make(dir, 'a');
    const seen: boolean[] = [];
    a.onDidChangeLeadership((l) => seen.push(l));
    a.setEligible(true);
    a.start();
    assert.equal(parseLease(fs.readFileSync(path.join(dir, LEASE_FILE), 'utf8'), Date.now())?.owner, 'a');
    a.setEligible(false);
    await sleep(TTL / 2);
    assert.deepEqual(seen, []);
    assert.equal(fs.existsSync(path.join(dir, LEASE_FILE)), false);
  });

  it('a leader that finds another window in a live lease (its own renewal was late) steps down at once', async () => {
    const dir = path.join(root, 'w');
    const a = make(dir, 'a');
    a.setEligible(true);
    a.start();
    await waitFor('a leads', () => a.isLeader);
    assert.equal(a.lease?.owner, 'a');
    fs.writeFileSync(path.join(dir, LEASE_FILE), JSON.stringify({ owner: 'other', expiresAt: Date.now() + 20 * TTL }));
    await waitFor('a steps down', () => !a.isLeader);
    assert.equal(a.lease?.owner, 'other');
    assert.equal(parseLease(fs.readFileSync(path.join(dir, LEASE_FILE), 'utf8'), Date.now())?.owner, 'other', 'and leaves the lease alone');
  });

  it('a new lease life applies from the next renewal', async () => {
    const dir = path.join(root, 'w');
    const a = make(dir, 'a');
    a.setEligible(true);
    a.start();
    await waitFor('a leads', () => a.isLeader);
    a.setTtl(20 * TTL);
    await sleep(TTL / 2);
    const lease = parseLease(fs.readFileSync(path.join(dir, LEASE_FILE), 'utf8'), Date.now())!;
    assert.ok(lease.expiresAt - Date.now() > 10 * TTL, `${lease.expiresAt - Date.now()} ms left`);
  });
});

describe('parseRefreshRequest', () => {
  it('reads a request, its time never in the future', () => {
    assert.deepEqual(parseRefreshRequest('{"from":"w1","at":5}', 10), { from: 'w1', at: 5 });
    assert.deepEqual(parseRefreshRequest('{"from":"w1","at":50}', 10), { from: 'w1', at: 10 });
  });
  it('refuses what is not one', () => {
    for (const text of ['', 'null', '1', '{}', '{"from":"w 1","at":1}', '{"from":"w1"}', '{"from":"w1","at":"1"}', '{"from":"w1","at":-3}']) {
      assert.equal(parseRefreshRequest(text, 10), undefined, text);
    }
  });
});

describe('parseLease', () => {
  const now = 1_700_000_000_000;
  it('reads a lease and clamps its times', () => {
    assert.deepEqual(parseLease(JSON.stringify({ owner: 'w-1_A', expiresAt: now + 5000, blockedUntil: now + 9e12, refreshedAt: now + 50 }), now), {
      owner: 'w-1_A',
      expiresAt: now + 5000,
      blockedUntil: now + 3_600_000,
      refreshedAt: now,
    });
    assert.deepEqual(parseLease(JSON.stringify({ owner: 'a', expiresAt: now - 1, blockedUntil: now - 5 }), now), { owner: 'a', expiresAt: now - 1 });
  });

  it('refuses what is not a lease', () => {
    for (const text of ['', 'null', '[]', '{}', '{"owner":"a"}', '{"owner":"a b","expiresAt":1}', '{"owner":"<b>x</b>","expiresAt":1}', '{"owner":"a","expiresAt":"1"}', '{"owner":"a","expiresAt":-1}', '{"owner":"a","expiresAt":1e999}', 'x'.repeat(100)]) {
      assert.equal(parseLease(text, now), undefined, text);
    }
  });
});
