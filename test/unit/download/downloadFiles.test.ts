import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURE_VIDEO } from '../../../sim/simulator';
import { failure, useSimulator } from './simHarness';

/** Symbolic links need a privilege on Windows; skip there when it is missing. */
function symlinkOrSkip(ctx: Mocha.Context, target: string, link: string): void {
  try {
    fs.symlinkSync(target, link);
  } catch (e) {
    if ((e as { code?: string }).code === 'EPERM') ctx.skip();
    throw e;
  }
}

describe('downloadVideo never writes through links or over other files', function () {
  this.timeout(60_000);
  const h = useSimulator();
  const fixture = fs.readFileSync(FIXTURE_VIDEO);
  const file = (name: string) => path.join(h.dir, name);
  const partName = /^out\.mp4(\.[0-9a-f]+)?\.part$/;

  it('does not follow a dangling link planted as <dest>.part', async function () {
    symlinkOrSkip(this, file('stolen.bin'), file('out.mp4.part'));
    const { url } = h.completedTask();
    const r = await h.download(url);
    assert.equal(r.path, file('out.mp4'));
    assert.ok(!fs.lstatSync(r.path).isSymbolicLink(), 'a regular file, not the planted link');
    assert.ok(fs.readFileSync(r.path).equals(fixture));
    assert.ok(!fs.existsSync(file('stolen.bin')), 'nothing was created through the link');
    assert.equal(fs.readlinkSync(file('out.mp4.part')), file('stolen.bin'), 'the planted link is left alone');
    assert.deepEqual(h.filesLeft(), ['out.mp4', 'out.mp4.part']);
  });

  it('does not write through a link to a real file planted as <dest>.part', async function () {
    fs.writeFileSync(file('victim.txt'), 'precious');
    symlinkOrSkip(this, file('victim.txt'), file('out.mp4.part'));
    const { url } = h.completedTask();
    const r = await h.download(url);
    assert.equal(fs.readFileSync(file('victim.txt'), 'utf8'), 'precious');
    assert.ok(fs.readFileSync(r.path).equals(fixture));
    assert.deepEqual(h.filesLeft(), ['out.mp4', 'out.mp4.part', 'victim.txt']);
  });

  it('leaves a leftover <dest>.part alone and writes to another partial name', async () => {
    fs.writeFileSync(file('out.mp4.part'), 'leftover');
    const { url } = h.completedTask();
    const partials: string[] = [];
    const r = await h.download(url, { onProgress: () => partials.push(...h.filesLeft().filter((n) => partName.test(n))) });
    assert.ok(fs.readFileSync(r.path).equals(fixture));
    assert.equal(fs.readFileSync(file('out.mp4.part'), 'utf8'), 'leftover');
    assert.ok(partials.some((n) => n !== 'out.mp4.part'), `wrote to another name: ${[...new Set(partials)].join(', ')}`);
    assert.deepEqual(h.filesLeft(), ['out.mp4', 'out.mp4.part']);
  });

  it('keeps writing through its one handle when the partial path is swapped for a link before a resume', async function () {
    fs.writeFileSync(file('victim.txt'), 'precious');
    const { task, url } = h.completedTask();
    h.sim.injectFault({ kind: 'stopEarly', afterBytes: 300_000 }, { taskId: task.id });
    let swapped: string | undefined;
    let linked = true;
    const e = await failure(
      h.download(url, {
        onProgress: () => {
          if (swapped) return;
          swapped = h.filesLeft().find((n) => partName.test(n));
          if (!swapped) return;
          fs.renameSync(file(swapped), file('moved.bin'));
          try {
            fs.symlinkSync(file('victim.txt'), file(swapped));
          } catch {
            linked = false;
          }
        },
      }),
    );
    if (!linked) this.skip();
    assert.ok(swapped, 'a partial file existed while downloading');
    assert.equal(e.reason, 'file');
    assert.match(e.message, /replaced while downloading/);
    assert.equal(fs.readFileSync(file('victim.txt'), 'utf8'), 'precious', 'the resume did not reopen the path');
    assert.equal(fs.readlinkSync(file(swapped ?? '')), file('victim.txt'), 'a link it did not create is not removed');
    assert.equal(fs.statSync(file('moved.bin')).size, 0, 'its own bytes were emptied through the handle');
    assert.ok(!fs.existsSync(file('out.mp4')));
  });

  it('does not replace a file that appeared at the destination meanwhile, and says where it saved', async () => {
    const { url } = h.completedTask();
    const r = await h.download(url, { onProgress: () => fs.existsSync(file('out.mp4')) || fs.writeFileSync(file('out.mp4'), 'mine') });
    assert.equal(r.path, file('out (1).mp4'));
    assert.equal(fs.readFileSync(file('out.mp4'), 'utf8'), 'mine');
    assert.ok(fs.readFileSync(r.path).equals(fixture));
    assert.deepEqual(h.filesLeft(), ['out (1).mp4', 'out.mp4']);
  });

  it('does not replace a link at the destination, and takes the next free number', async function () {
    fs.writeFileSync(file('victim.txt'), 'precious');
    symlinkOrSkip(this, file('victim.txt'), file('out.mp4'));
    fs.writeFileSync(file('out (1).mp4'), 'taken');
    const { url } = h.completedTask();
    const r = await h.download(url);
    assert.equal(r.path, file('out (2).mp4'));
    assert.ok(fs.readFileSync(r.path).equals(fixture));
    assert.equal(fs.readlinkSync(file('out.mp4')), file('victim.txt'));
    assert.equal(fs.readFileSync(file('victim.txt'), 'utf8'), 'precious');
    assert.equal(fs.readFileSync(file('out (1).mp4'), 'utf8'), 'taken');
  });
});
