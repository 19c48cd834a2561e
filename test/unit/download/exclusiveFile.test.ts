import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createPartialFile, discardPartialFile, LinkFn, publishPartialFile } from '../../../src/download/exclusiveFile';

describe('exclusiveFile', () => {
  let dir: string;
  const file = (name: string) => path.join(dir, name);
  /** A file system without hard links, as `link` reports it on FAT or across devices. */
  const noHardLinks: LinkFn = async () => {
    throw Object.assign(new Error('cross-device link not permitted'), { code: 'EXDEV' });
  };
  const filled = async (content: string) => {
    const partial = await createPartialFile(file('v.mp4'));
    await partial.handle.write(content, 0);
    return partial;
  };

  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veo-excl-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('creates <dest>.part, or another name when anything is there', async () => {
    const first = await createPartialFile(file('v.mp4'));
    const second = await createPartialFile(file('v.mp4'));
    assert.equal(first.path, file('v.mp4.part'));
    assert.match(path.basename(second.path), /^v\.mp4\.[0-9a-f]{12}\.part$/);
    await discardPartialFile(first);
    await discardPartialFile(second);
    assert.deepEqual(fs.readdirSync(dir), []);
  });

  it('publishes by hard link and removes the partial file', async () => {
    const partial = await filled('video');
    assert.equal(await publishPartialFile(partial, file('v.mp4')), file('v.mp4'));
    assert.equal(fs.readFileSync(file('v.mp4'), 'utf8'), 'video');
    assert.deepEqual(fs.readdirSync(dir), ['v.mp4']);
  });

  it('copies exclusively where hard links are unsupported, never over an existing file', async () => {
    fs.writeFileSync(file('v.mp4'), 'mine');
    const partial = await filled('video');
    assert.equal(await publishPartialFile(partial, file('v.mp4'), noHardLinks), file('v (1).mp4'));
    assert.equal(fs.readFileSync(file('v.mp4'), 'utf8'), 'mine');
    assert.equal(fs.readFileSync(file('v (1).mp4'), 'utf8'), 'video');
    assert.deepEqual(fs.readdirSync(dir).sort(), ['v (1).mp4', 'v.mp4']);
  });

  it('removes only the file it created: a file put at the partial path stays', async () => {
    const partial = await filled('video');
    fs.renameSync(partial.path, file('moved.bin'));
    fs.writeFileSync(partial.path, 'someone else');
    await assert.rejects(publishPartialFile(partial, file('v.mp4')), /replaced while downloading/);
    await discardPartialFile(partial);
    assert.equal(fs.readFileSync(partial.path, 'utf8'), 'someone else');
    assert.equal(fs.statSync(file('moved.bin')).size, 0, 'its own bytes were emptied through the handle');
    assert.ok(!fs.existsSync(file('v.mp4')));
  });
});
