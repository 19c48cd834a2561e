// leaseFile: what is refused besides leaderLease.test.ts's list (a non-string owner or sender),
// and that reading and writing leaves no file open.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseLease, parseRefreshRequest, readSmallFile, writeJsonAtomically } from '../../../src/windows/leaseFile';

describe('leaseFile: more checks', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veo-lease-checks-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a lease whose owner is not a string is refused, and so is a Refresh request from a number', () => {
    assert.equal(parseLease('{"owner":5,"expiresAt":1}', 10), undefined);
    assert.equal(parseRefreshRequest('{"from":7,"at":1}', 10), undefined);
  });

  it('reading and writing the lease a thousand times leaves no file open', () => {
    if (!fs.existsSync('/proc/self/fd')) return; // Linux: the open files are listed there
    const fdCount = () => fs.readdirSync('/proc/self/fd').length;
    const file = path.join(dir, 'lease.json');
    const before = fdCount();
    for (let i = 0; i < 1_000; i++) {
      writeJsonAtomically(file, { i });
      assert.equal(readSmallFile(file), JSON.stringify({ i }));
      readSmallFile(path.join(dir, 'missing.json'));
    }
    assert.ok(fdCount() - before < 10, `${fdCount() - before} more open files`);
  });
});
