// A window in another process for leaderLease.test.ts: leads, says so, and waits to be killed.
import { LeaderLease } from '../../../src/windows/leaderLease';

const [dir, id, ttl] = process.argv.slice(2);
const lease = new LeaderLease({ dir, windowId: id, ttlMs: Number(ttl) });
lease.onDidChangeLeadership((leader) => leader && process.send?.('leader'));
lease.setEligible(true);
lease.start();
