// leaseFile, the edges the other tests leave open (issue #11, mutation testing): a time of 0 is
// a time, a Retry-After ending exactly now is over, and a rename that fails because the folder
// vanished reports the rename's own error.
import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseLease, parseRefreshRequest, writeJsonAtomically } from '../../../src/windows/leaseFile';

// The fs module itself (not a namespace copy): leaseFile's renameSync goes through it.
const patchable = fs as unknown as { renameSync: (from: string, to: string) => void };

describe('leaseFile: edges', () => {
  const now = 1_700_000_000_000;

  it('a time of 0 (the epoch) is a time: an expired lease, a request of long ago', () => {
    assert.deepEqual(parseLease('{"owner":"a","expiresAt":0,"refreshedAt":0}', now), { owner: 'a', expiresAt: 0, refreshedAt: 0 });
    assert.deepEqual(parseRefreshRequest('{"from":"b","at":0}', now), { from: 'b', at: 0 });
  });

  it('a shared Retry-After that ends exactly now is over; one a millisecond later is kept', () => {
    assert.deepEqual(parseLease(JSON.stringify({ owner: 'a', expiresAt: now + 10, blockedUntil: now }), now), { owner: 'a', expiresAt: now + 10 });
    assert.deepEqual(parseLease(JSON.stringify({ owner: 'a', expiresAt: now + 10, blockedUntil: now + 1 }), now), { owner: 'a', expiresAt: now + 10, blockedUntil: now + 1 });
  });

  it('writeJsonAtomically: when the folder vanishes before the rename, the rename\'s own error is passed on', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'veo-lease-vanish-'));
    const dir = path.join(root, 'w');
    fs.mkdirSync(dir);
    const realRename = patchable.renameSync;
    patchable.renameSync = (from: string, to: string) => {
      fs.rmSync(dir, { recursive: true, force: true }); // the temporary file goes with it
      realRename(from, to);
    };
    try {
      assert.throws(
        () => writeJsonAtomically(path.join(dir, 'lease.json'), { owner: 'a' }),
        (e: NodeJS.ErrnoException) => e.code === 'ENOENT' && e.syscall === 'rename',
      );
    } finally {
      patchable.renameSync = realRename;
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
