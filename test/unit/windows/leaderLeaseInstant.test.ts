// LeaderLease decides each look at the instant the look began (issue #11, mutation testing):
// another window's lease that expires while the look is still running is left to the next look,
// with a clock that moves on at every reading, as a real one does; and one that is live again
// when the lease is written (the clock stepped back meanwhile) is not overwritten.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LeaderLease } from '../../../src/windows/leaderLease';
import { LEASE_FILE } from '../../../src/windows/leaseFile';

describe('LeaderLease: one look, one instant', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veo-lease-instant-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const lookBegins = 1_000_000;

  /**
   * Window B's first look at window A's lease, which expires `expiresIn` ms after the look began;
   * the owner it leaves in the file. The clock reads `readings` one after the other, then the last
   * one again; by default it moves on by 1 ms at every reading.
   */
  function firstLook(expiresIn: number, readings?: number[]): unknown {
    let clock = lookBegins; // the look's first reading of the clock
    const now = readings ? () => (readings.length > 1 ? readings.shift()! : readings[0]) : () => clock++;
    const file = path.join(dir, LEASE_FILE);
    fs.writeFileSync(file, JSON.stringify({ owner: 'A', expiresAt: lookBegins + expiresIn }));
    const b = new LeaderLease({ dir, windowId: 'B', ttlMs: 60_000, confirmDelayMs: 1, now });
    try {
      b.setEligible(true);
      b.start(); // the look runs at once: a lease it takes is written before start() returns
      return (JSON.parse(fs.readFileSync(file, 'utf8')) as { owner: unknown }).owner;
    } finally {
      b.dispose();
    }
  }

  it('takes a lease expired when the look began, and leaves one that expires only during the look', () => {
    assert.equal(firstLook(0), 'B', 'expired at the look: taken at once');
    assert.equal(firstLook(2), 'A', 'live at the look, expired two clock readings later: left to the next look');
  });

  it('does not take a lease that is live again when it would write its own (the clock stepped back during the look)', () => {
    // Readings: the look's instant, the lease's parse, the instant of the write.
    assert.equal(firstLook(0, [lookBegins, lookBegins, lookBegins]), 'B', 'the same instant throughout: taken');
    assert.equal(firstLook(0, [lookBegins, lookBegins, lookBegins - 10]), 'A', '10 ms back at the write: left alone');
  });
});
