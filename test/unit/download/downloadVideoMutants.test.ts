// downloadVideo's answers a well-behaved host never gives, against a scripted host on loopback
// (real sockets): the survivors of the mutation run on partial answers and resuming.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { downloadVideo } from '../../../src/download/downloadVideo';
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

describe('downloadVideo order of checks and retry pauses (mutation survivors)', () => {
  let host: ScriptedHost | undefined;
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veo-dl-'));
  });
  afterEach(async () => {
    await host?.close();
    host = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });
  /** A destination whose folder does not exist: creating the partial file there fails. */
  const nowhere = () => path.join(dir, 'missing', 'out.mp4');

  it('asks for a pause of retryDelayMs before the first resume, doubled before each next one', async () => {
    const body = videoBytes(20_000);
    host = await scriptedHost([dropAfter(body, 4_000), dropAfter(body, 8_000), dropAfter(body, 12_000), ranged(body)]);
    const pauses: number[] = [];
    const r = await downloadVideo({
      url: host.url,
      destination: path.join(dir, 'out.mp4'),
      retryDelayMs: 100,
      pause: async (ms, signal) => {
        assert.equal(signal.aborted, false);
        pauses.push(ms);
      },
    });
    assert.equal(r.resumes, 3);
    assert.ok(fs.readFileSync(r.path).equals(body));
    assert.deepEqual(pauses, [100, 200, 400]);
    assert.equal(host.requests.length, 4);
  });

  it('refuses a link the policy refuses before touching the disk (a missing folder is not reported)', async () => {
    const e = await failure(downloadVideo({ url: 'ftp://127.0.0.1/v.mp4', destination: nowhere() }));
    assert.equal(e.reason, 'refused');
    assert.equal(e.message, 'the video link uses ftp; only https is allowed');
  });

  it('refuses a refused link as refused even when the download is already cancelled', async () => {
    const e = await failure(downloadVideo({ url: 'ftp://127.0.0.1/v.mp4', destination: path.join(dir, 'out.mp4'), signal: AbortSignal.abort() }));
    assert.equal(e.reason, 'refused');
    assert.deepEqual(fs.readdirSync(dir), []);
  });

  it('says cancelled for a download cancelled before it starts, before creating any file or asking the host', async () => {
    host = await scriptedHost([ranged(videoBytes(10))]);
    const e = await failure(downloadVideo({ url: host.url, destination: nowhere(), signal: AbortSignal.abort() }));
    assert.equal(e.reason, 'cancelled');
    assert.equal(e.message, 'the download was cancelled');
    assert.equal(host.requests.length, 0);
  });

  it('says cancelled, not "the connection kept dropping", when the only try is cancelled while the host is silent', async () => {
    const controller = new AbortController();
    // The host never answers; the download is cancelled once the request has arrived.
    host = await scriptedHost([() => controller.abort()]);
    const e = await failure(downloadVideo({ url: host.url, destination: path.join(dir, 'out.mp4'), signal: controller.signal, maxAttempts: 1 }));
    assert.equal(e.reason, 'cancelled');
    assert.equal(e.message, 'the download was cancelled');
    assert.equal(host.requests.length, 1);
    assert.deepEqual(fs.readdirSync(dir), []);
  });

  for (const maxAttempts of [0, -1, Number.NaN]) {
    it(`tries once with maxAttempts ${maxAttempts}, failing as network and saying 1 try`, async () => {
      host = await scriptedHost([dropAfter(videoBytes(100), 40)]);
      const e = await failure(downloadVideo({ url: host.url, destination: path.join(dir, 'out.mp4'), maxAttempts }));
      assert.equal(e.reason, 'network');
      assert.match(e.message, /^the connection kept dropping \(1 tries, 40 of 100 bytes\): /);
      assert.equal(host.requests.length, 1);
      assert.deepEqual(fs.readdirSync(dir), []);
    });
  }
});
