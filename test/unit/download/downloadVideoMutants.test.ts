// downloadVideo's answers a well-behaved host never gives, against a scripted host on loopback
// (real sockets): the survivors of the mutation run on partial answers and resuming.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { dropAfter, ranged, scriptedHost, ScriptedHost, Step, videoBytes } from './scriptedHost';
import { failure, useSimulator } from './simHarness';

const PART_WITHOUT_SIZE = 'the video host sent part of the video without saying its full size; nothing was kept';

/** A 206 with the given Content-Range and the body. */
const partial =
  (body: Buffer, contentRange: string): Step =>
  (_req, res) => {
    res.writeHead(206, { 'content-type': 'video/mp4', 'content-length': body.length, 'content-range': contentRange });
    res.end(body);
  };

describe('downloadVideo edges (mutation survivors)', () => {
  const h = useSimulator();
  let host: ScriptedHost | undefined;
  afterEach(async () => {
    await host?.close();
    host = undefined;
  });

  it('refuses a 206 whose total is `*`, saying it sent part of the video without its full size', async () => {
    const body = videoBytes(10);
    host = await scriptedHost([partial(body, 'bytes 0-9/*')]);
    const e = await failure(h.download(host.url));
    assert.equal(e.reason, 'http');
    assert.equal(e.message, PART_WITHOUT_SIZE);
    assert.deepEqual(h.filesLeft(), []);
  });

  for (const contentRange of ['xbytes 0-9/10', 'bytes 0-9/10x']) {
    it(`reads no total from a Content-Range with anything around it ("${contentRange}")`, async () => {
      host = await scriptedHost([partial(videoBytes(10), contentRange)]);
      const e = await failure(h.download(host.url));
      assert.equal(e.reason, 'http');
      assert.equal(e.message, PART_WITHOUT_SIZE);
      assert.deepEqual(h.filesLeft(), []);
    });
  }

  it('starts over when a resumed request gets a 200, even one whose Content-Range names the asked offset', async () => {
    const body = videoBytes(20_000);
    host = await scriptedHost([
      dropAfter(body, 8_000),
      (req, res) => {
        const start = Number(/^bytes=(\d+)-$/.exec(req.headers.range ?? '')?.[1] ?? 0);
        res.writeHead(200, {
          'content-type': 'video/mp4',
          'content-length': body.length,
          'content-range': `bytes ${start}-${body.length - 1}/${body.length}`,
        });
        res.end(body);
      },
    ]);
    const r = await h.download(host.url);
    assert.match(host.requests[1].range ?? '', /^bytes=[1-9]\d*-$/, 'the second request asked to resume');
    assert.equal(r.bytes, body.length);
    assert.ok(fs.readFileSync(r.path).equals(body));
  });

  it('sends no If-Range when the host gave neither an ETag nor a Last-Modified', async () => {
    const body = videoBytes(20_000);
    host = await scriptedHost([dropAfter(body, 8_000), ranged(body)]);
    const r = await h.download(host.url);
    assert.equal(r.resumes, 1);
    assert.match(host.requests[1].range ?? '', /^bytes=[1-9]\d*-$/);
    assert.equal(host.requests[1]['if-range'], undefined);
    assert.ok(fs.readFileSync(r.path).equals(body));
  });
});
