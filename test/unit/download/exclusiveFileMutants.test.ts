import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createPartialFile, discardPartialFile } from '../../../src/download/exclusiveFile';

describe('exclusiveFile edges (mutation survivors)', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veo-excl-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('discardPartialFile closes the partial file handle and removes the file', async () => {
    const partial = await createPartialFile(path.join(dir, 'v.mp4'));
    assert.notEqual(partial.handle.fd, -1);
    await discardPartialFile(partial);
    assert.equal(partial.handle.fd, -1, 'the handle is closed');
    assert.deepEqual(fs.readdirSync(dir), []);
  });
});
