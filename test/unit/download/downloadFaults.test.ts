// What a video host can get wrong, and what downloadVideo does about it: each test names the
// fault, and checks the bytes on disk (or that nothing is left), the requests sent, and the
// error. The simulator serves what it has knobs for; scriptedHost the rest.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { verifySynthetic } from '../../../sim/simulator';
import { dropAfter, ranged, scriptedHost, ScriptedHost, videoBytes, whole } from './scriptedHost';
import { failure, useSimulator } from './simHarness';

describe('downloadVideo against a faulty video host', function () {
  this.timeout(30_000);
  const h = useSimulator();
  let host: ScriptedHost | undefined;
  afterEach(async () => {
    await host?.close();
    host = undefined;
  });
  const serve = async (...steps: Parameters<typeof scriptedHost>[0]) => (host = await scriptedHost(steps));

  describe('Content-Range totals and lengths', () => {
    it('keeps asking while a 206 stops short of its Content-Range total, and checks the length at the end', async () => {
      const body = videoBytes(3000);
      // Each answer is a well-formed 206 of 1000 bytes claiming a total of 3000.
      const partOf = (start: number) => (_req: unknown, res: import('node:http').ServerResponse) => {
        res.writeHead(206, { 'content-type': 'video/mp4', etag: '"a"', 'content-range': `bytes ${start}-${start + 999}/3000`, 'content-length': 1000 });
        res.end(body.subarray(start, start + 1000));
      };
      const s = await serve(partOf(0), partOf(1000), partOf(2000));
      const r = await h.download(s.url);
      assert.equal(r.bytes, 3000);
      assert.equal(r.resumes, 2);
      assert.ok(fs.readFileSync(r.path).equals(body));
      assert.deepEqual(
        s.requests.map((q) => [q.range, q['if-range']]),
        [
          [undefined, undefined],
          ['bytes=1000-', '"a"'],
          ['bytes=2000-', '"a"'],
        ],
      );
      assert.deepEqual(h.filesLeft(), ['out.mp4']);
      assert.ok(s.requests.every((q) => q.accept === 'video/*, application/octet-stream;q=0.9'), 'asks for a video on every attempt');
    });

    it('fails as truncated, keeping nothing, when the host never sends past its short range', async () => {
      const body = videoBytes(3000);
      const s = await serve((_req, res) => {
        res.writeHead(206, { 'content-type': 'video/mp4', 'content-range': 'bytes 0-999/3000', 'content-length': 1000 });
        res.end(body.subarray(0, 1000));
      });
      const e = await failure(h.download(s.url, { maxAttempts: 3 }));
      assert.equal(e.reason, 'truncated');
      assert.match(e.message, /kept dropping \(3 tries, 1000 of 3000 bytes\): the download stopped at 1000 of 3000 bytes/);
      assert.equal(s.requests.length, 3);
      assert.deepEqual(h.filesLeft(), []);
    });

    it('does not publish a body shorter than its Content-Length (simulator lengthMismatch), and keeps nothing', async () => {
      const { url } = h.completedTask({ videoBytes: 5000 });
      const e = await failure(h.download(`${url}&sim_fault=lengthMismatch:9000`));
      // 5000 of 9000 bytes, then the connection closed; the resume from 5000 is then refused by
      // the host (416: its file has 5000 bytes), which is final.
      assert.equal(e.reason, 'http');
      assert.equal(e.message, 'the video host answered HTTP 416');
      assert.deepEqual(
        h.videoRequests().map((q) => q.headers.range),
        [undefined, 'bytes=5000-'],
      );
      assert.deepEqual(h.filesLeft(), []);
    });
    it('takes a chunked body that declares no length at all', async () => {
      const body = videoBytes(70_000);
      const s = await serve((_req, res) => {
        res.writeHead(200, { 'content-type': 'video/mp4' });
        res.write(body.subarray(0, 30_000));
        res.end(body.subarray(30_000));
      });
      const progress: Array<number | undefined> = [];
      const r = await h.download(s.url, { onProgress: (p) => progress.push(p.total) });
      assert.equal(r.bytes, body.length);
      assert.ok(fs.readFileSync(r.path).equals(body));
      assert.ok(progress.length > 0 && progress.every((t) => t === undefined), 'no total to report');
    });
  });

  describe('HTML instead of a video', () => {
    for (const [what, page] of [
      ['an HTML page labelled video/mp4', '<!DOCTYPE html><html><body>Sign in</body></html>'],
      ['HTML after white space, labelled video/mp4', '\r\n \t<html><body>Error</body></html>'],
    ] as const) {
      it(`refuses ${what} by its first bytes, without retrying or keeping a file`, async () => {
        const s = await serve(whole(Buffer.from(page, 'latin1')));
        let progressed = false;
        const e = await failure(h.download(s.url, { onProgress: () => (progressed = true) }));
        assert.equal(e.reason, 'notVideo');
        assert.equal(e.message, 'the link returned an HTML page instead of a video');
        assert.equal(s.requests.length, 1);
        assert.equal(progressed, false, 'no progress was reported for the page');
        assert.deepEqual(h.filesLeft(), []);
      });
    }

    it('takes a video whose first bytes are not `<` (a positive control for the sniff)', async () => {
      const body = Buffer.concat([Buffer.from('  \x00\x00\x00\x18ftypmp42'), videoBytes(2000)]);
      const s = await serve(whole(body));
      const r = await h.download(s.url);
      assert.ok(fs.readFileSync(r.path).equals(body));
    });

    it('does not sniff a resumed body: its first bytes are the middle of the video', async () => {
      const body = Buffer.concat([videoBytes(1000), Buffer.from('<middle of a video that happens to look like a tag>'), videoBytes(1000, 2)]);
      const s = await serve(dropAfter(body, 1000, { etag: '"m"' }), ranged(body, '"m"'));
      const r = await h.download(s.url);
      assert.equal(r.resumes, 1);
      assert.equal(s.requests[1].range, 'bytes=1000-');
      assert.ok(fs.readFileSync(r.path).equals(body));
    });

    for (const type of ['text/html; charset=utf-8', 'application/json', 'application/xml', 'application/xhtml+xml', 'TEXT/PLAIN']) {
      it(`refuses a 200 whose Content-Type is ${type}`, async () => {
        const s = await serve(whole(videoBytes(100), { 'content-type': type }));
        const e = await failure(h.download(s.url));
        assert.equal(e.reason, 'notVideo');
        assert.equal(e.message, `the link returned a ${type.split(';')[0]} page instead of a video`);
        assert.deepEqual(h.filesLeft(), []);
      });
    }
  });

  describe('resuming', () => {
    it('starts over when the host ignores Range and sends the whole file again with 200', async () => {
      const body = videoBytes(50_000);
      const s = await serve(dropAfter(body, 20_000, { etag: '"r"' }), whole(body, { etag: '"r"' }));
      const r = await h.download(s.url);
      assert.equal(s.requests[1].range, 'bytes=20000-', 'it did ask for the rest');
      assert.equal(r.resumes, 1);
      assert.equal(r.bytes, body.length);
      assert.ok(fs.readFileSync(r.path).equals(body), 'the file is the video once, not its start followed by the whole');
      assert.deepEqual(h.filesLeft(), ['out.mp4']);
    });

    it('starts over when a 206 answers a range other than the one asked for', async () => {
      const body = videoBytes(50_000);
      const s = await serve(dropAfter(body, 20_000, { etag: '"r"' }), (_req, res) => {
        res.writeHead(206, { 'content-type': 'video/mp4', etag: '"r"', 'content-range': `bytes 0-${body.length - 1}/${body.length}`, 'content-length': body.length });
        res.end(body);
      });
      const r = await h.download(s.url);
      assert.ok(fs.readFileSync(r.path).equals(body));
    });

    it('resumes conditionally on the ETag; when it changed (same length), takes the new video whole', async () => {
      const v1 = videoBytes(40_000, 1);
      const v2 = videoBytes(40_000, 2);
      const s = await serve(dropAfter(v1, 15_000, { etag: '"v1"' }), ranged(v2, '"v2"'));
      const r = await h.download(s.url);
      assert.equal(s.requests[1].range, 'bytes=15000-');
      assert.equal(s.requests[1]['if-range'], '"v1"', 'the resume names the first answer’s ETag');
      assert.equal(r.resumes, 1);
      assert.ok(fs.readFileSync(r.path).equals(v2), 'the new video whole, not the old start with the new end');
    });

    it('keeps the first ETag as the validator across several resumes', async () => {
      const body = videoBytes(30_000);
      const s = await serve(dropAfter(body, 10_000, { etag: '"e1"' }), (req, res) => {
        // A 206 from 10000 that drops again and carries another ETag.
        res.writeHead(206, { 'content-type': 'video/mp4', etag: '"e2"', 'content-range': `bytes 10000-29999/30000`, 'content-length': 20_000 });
        res.write(body.subarray(10_000, 20_000), () => setTimeout(() => req.socket.destroy(), 20));
      }, ranged(body, '"e1"'));
      const r = await h.download(s.url);
      assert.deepEqual(
        s.requests.map((q) => q['if-range']),
        [undefined, '"e1"', '"e1"'],
      );
      assert.equal(r.resumes, 2);
      assert.ok(fs.readFileSync(r.path).equals(body));
    });

    it('uses Last-Modified as the If-Range validator when there is no ETag', async () => {
      const body = videoBytes(30_000);
      const lastModified = 'Wed, 21 Oct 2026 07:28:00 GMT';
      const s = await serve(dropAfter(body, 12_000, { 'last-modified': lastModified }), ranged(body));
      const r = await h.download(s.url);
      assert.equal(s.requests[1]['if-range'], lastModified);
      assert.ok(fs.readFileSync(r.path).equals(body));
    });

    it('resumes without If-Range when the host named no validator', async () => {
      const body = videoBytes(30_000);
      const s = await serve(dropAfter(body, 12_000), ranged(body));
      const r = await h.download(s.url);
      assert.equal(s.requests[1].range, 'bytes=12000-');
      assert.equal('if-range' in s.requests[1], false);
      assert.ok(fs.readFileSync(r.path).equals(body));
    });
  });

  describe('stalls', () => {
    it('gives up on a body that stalls with the socket open, and resumes from what arrived', async () => {
      const body = videoBytes(40_000);
      const s = await serve((_req, res) => {
        res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': body.length, etag: '"s"' });
        res.write(body.subarray(0, 8_000)); // then nothing, and the connection stays open
      }, ranged(body, '"s"'));
      const started = Date.now();
      const r = await h.download(s.url, { idleTimeoutMs: 300 });
      assert.ok(Date.now() - started < 10_000);
      assert.equal(r.resumes, 1);
      assert.equal(s.requests[1].range, 'bytes=8000-');
      assert.ok(fs.readFileSync(r.path).equals(body));
    });

    it('fails as a network error, keeping nothing, when every attempt stalls', async () => {
      const s = await serve((_req, res) => {
        res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': 10_000 });
        res.write(videoBytes(1_000));
      });
      const e = await failure(h.download(s.url, { idleTimeoutMs: 200, maxAttempts: 2 }));
      assert.equal(e.reason, 'network');
      assert.match(e.message, /kept dropping \(2 tries, 1000 of 10000 bytes\)/);
      assert.equal(s.requests.length, 2);
      assert.deepEqual(h.filesLeft(), []);
    });

    it('gives up on a host that sends no headers in time (simulator delay), then succeeds on the retry', async () => {
      const { task, url } = h.completedTask({ videoBytes: 20_000 });
      h.sim.injectFault({ kind: 'delay', ms: 3_000 }, { taskId: task.id, on: 'video' });
      const r = await h.download(url, { idleTimeoutMs: 300 });
      assert.equal(r.resumes, 1);
      assert.equal(h.videoRequests().length, 2);
      assert.equal(verifySynthetic(fs.readFileSync(r.path), 0), -1);
    });
  });

  describe('HTTP errors', () => {
    for (const code of [500, 502, 503, 504]) {
      it(`retries a ${code} from the video host and then downloads`, async () => {
        const { task, url } = h.completedTask({ videoBytes: 20_000 });
        h.sim.injectFault({ kind: 'status', code }, { taskId: task.id, on: 'video', times: 2 });
        const r = await h.download(url);
        assert.equal(h.videoRequests().length, 3);
        assert.equal(r.resumes, 2);
        assert.equal(r.bytes, 20_000);
      });
    }

    it('gives up after maxAttempts 503s, as a network error naming the status, keeping nothing', async () => {
      const { task, url } = h.completedTask();
      h.sim.injectFault({ kind: 'status', code: 503 }, { taskId: task.id, on: 'video', times: Infinity });
      const e = await failure(h.download(url, { maxAttempts: 3 }));
      assert.equal(e.reason, 'network');
      assert.equal(e.message, 'the connection kept dropping (3 tries, 0 bytes): the video host answered HTTP 503');
      assert.equal(h.videoRequests().length, 3);
      assert.deepEqual(h.filesLeft(), []);
    });

    for (const code of [400, 405, 416, 429, 451]) {
      it(`takes a ${code} as final: one request, an http error, nothing kept`, async () => {
        const { task, url } = h.completedTask();
        h.sim.injectFault({ kind: 'status', code }, { taskId: task.id, on: 'video', times: Infinity });
        const e = await failure(h.download(url));
        assert.equal(e.reason, 'http');
        assert.equal(e.message, `the video host answered HTTP ${code}`);
        assert.equal(h.videoRequests().length, 1);
        assert.deepEqual(h.filesLeft(), []);
      });
    }

    for (const code of [403, 404, 410]) {
      it(`takes a ${code} as an expired link: one request, nothing kept`, async () => {
        const { task, url } = h.completedTask();
        h.sim.injectFault({ kind: 'status', code }, { taskId: task.id, on: 'video', times: Infinity });
        const e = await failure(h.download(url));
        assert.equal(e.reason, 'expired');
        assert.equal(e.message, `the video link expired (HTTP ${code} from the video host)`);
        assert.equal(h.videoRequests().length, 1);
      });
    }

    it('takes a 304 or another non-2xx answer as final', async () => {
      const s = await serve((_req, res) => {
        res.writeHead(304);
        res.end();
      });
      const e = await failure(h.download(s.url));
      assert.equal(e.reason, 'http');
      assert.equal(s.requests.length, 1);
    });
  });

  describe('the partial file while in flight', () => {
    it('writes only <dest>.part until every byte is there, and its bytes are the video’s', async () => {
      const size = 8 * 1024 * 1024;
      const { url } = h.completedTask({ videoBytes: size });
      const seen: Array<{ received: number; files: string[]; partSize: number; partOk: boolean }> = [];
      const r = await h.download(url, {
        onProgress: (p) => {
          if (p.received === size || seen.length > 0 && p.received - seen[seen.length - 1].received < 1024 * 1024) return;
          const files = h.filesLeft();
          const part = path.join(h.dir, 'out.mp4.part');
          const bytes = fs.existsSync(part) ? fs.readFileSync(part) : Buffer.alloc(0);
          seen.push({ received: p.received, files, partSize: bytes.length, partOk: verifySynthetic(bytes, 0) === -1 });
        },
      });
      assert.ok(seen.length >= 4, `looked ${seen.length} times`);
      for (const s of seen) {
        assert.deepEqual(s.files, ['out.mp4.part'], `at ${s.received} bytes`);
        assert.ok(s.partSize <= s.received, `at ${s.received} bytes the partial file has ${s.partSize}`);
        assert.ok(s.partOk, `at ${s.received} bytes the partial file holds other bytes`);
      }
      assert.ok(seen.some((s) => s.partSize > 0), 'bytes reached the partial file before the end');
      assert.equal(r.path, path.join(h.dir, 'out.mp4'));
      assert.deepEqual(h.filesLeft(), ['out.mp4']);
      assert.equal(verifySynthetic(fs.readFileSync(r.path), 0), -1);
    });

    it('keeps the partial file between attempts with exactly the bytes the resume starts from', async () => {
      const body = videoBytes(60_000);
      let partAtResume: Buffer | undefined;
      const s = await serve(dropAfter(body, 25_000, { etag: '"p"' }), (req, res) => {
        partAtResume = fs.readFileSync(path.join(h.dir, 'out.mp4.part'));
        ranged(body, '"p"')(req, res);
      });
      const r = await h.download(s.url);
      assert.equal(s.requests[1].range, `bytes=${partAtResume?.length}-`);
      assert.ok(partAtResume?.equals(body.subarray(0, partAtResume.length)), 'the partial file holds the video’s start');
      assert.ok(fs.readFileSync(r.path).equals(body));
    });
  });
});
