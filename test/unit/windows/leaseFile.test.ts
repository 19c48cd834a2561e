import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readSmallFile, writeJsonAtomically } from '../../../src/windows/leaseFile';

describe('leaseFile', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veo-lease-file-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('readSmallFile: undefined for a missing file, the text of one that is there', () => {
    assert.equal(readSmallFile(path.join(dir, 'missing.json')), undefined);
    fs.writeFileSync(path.join(dir, 'a.json'), '{"a":1}');
    assert.equal(readSmallFile(path.join(dir, 'a.json')), '{"a":1}');
  });

  it('writeJsonAtomically: a failed rename throws and leaves no temporary file behind', () => {
    const target = path.join(dir, 'taken');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'inside'), 'x');
    assert.throws(() => writeJsonAtomically(target, { a: 1 }));
    assert.deepEqual(fs.readdirSync(dir), ['taken']);
    writeJsonAtomically(path.join(dir, 'ok.json'), { a: 1 });
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(dir, 'ok.json'), 'utf8')), { a: 1 });
  });
});
