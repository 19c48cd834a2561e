/**
 * The simulated video host over real sockets.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import { FIXTURE_VIDEO, syntheticRange, verifySynthetic } from '../../../sim/simulator';
import { rawRequest, request, useSim } from './helpers';

const fixture = readFileSync(FIXTURE_VIDEO);

describe('sim video host', () => {
  const ctx = useSim({ videoTtlMs: 60_000 });

  function completedTask(spec: Parameters<typeof ctx.sim.addTask>[0] = {}): { id: string; url: string } {
    const task = ctx.sim.addTask({ queuedMs: 0, processingMs: 1_000, ...spec });
    ctx.sim.advance(1_000);
    return { id: task.id, url: ctx.sim.videoUrl(task) };
  }

  it('serves the fixture whole with the documented headers', async () => {
    assert.equal(fixture.length, 786_272);
    const { url } = completedTask();
    const reply = await request(url);
    assert.equal(reply.status, 200);
    assert.equal(reply.headers['content-type'], 'video/mp4');
    assert.equal(reply.headers['content-length'], '786272');
    assert.equal(reply.headers['accept-ranges'], 'bytes');
    assert.ok(reply.body.equals(fixture));
  });

  it('serves byte ranges a-b, a- and -n as 206 with Content-Range', async () => {
    const { url } = completedTask();
    const mid = await request(url, { headers: { range: 'bytes=1000-1999' } });
    assert.equal(mid.status, 206);
    assert.equal(mid.headers['content-range'], 'bytes 1000-1999/786272');
    assert.equal(mid.headers['content-length'], '1000');
    assert.ok(mid.body.equals(fixture.subarray(1000, 2000)));
    const tail = await request(url, { headers: { range: 'bytes=786000-' } });
    assert.equal(tail.headers['content-range'], 'bytes 786000-786271/786272');
    assert.ok(tail.body.equals(fixture.subarray(786_000)));
    const suffix = await request(url, { headers: { range: 'bytes=-100' } });
    assert.equal(suffix.status, 206);
    assert.ok(suffix.body.equals(fixture.subarray(fixture.length - 100)));
  });

  it('answers 416 with Content-Range */size for an unsatisfiable range', async () => {
    const { url } = completedTask();
    const reply = await request(url, { headers: { range: 'bytes=786272-' } });
    assert.equal(reply.status, 416);
    assert.equal(reply.headers['content-range'], 'bytes */786272');
  });

  it('answers HEAD with the headers and no body', async () => {
    const { url } = completedTask();
    const reply = await request(url, { method: 'HEAD' });
    assert.equal(reply.status, 200);
    assert.equal(reply.headers['content-length'], '786272');
    assert.equal(reply.headers['content-type'], 'video/mp4');
    assert.equal(reply.body.length, 0);
    const ranged = await request(url, { method: 'HEAD', headers: { range: 'bytes=0-9' } });
    assert.equal(ranged.status, 206);
    assert.equal(ranged.headers['content-length'], '10');
  });

  it('answers 403 with an S3-like XML body once the link expired (sim clock)', async () => {
    const { sim } = ctx;
    const task = sim.addTask({ queuedMs: 0, processingMs: 1_000 });
    sim.advance(1_000);
    const url = sim.videoUrl(task);
    sim.advance(59_999);
    assert.equal((await request(url, { method: 'HEAD' })).status, 200);
    sim.advance(1);
    const expired = await request(url);
    assert.equal(expired.status, 403);
    assert.match(String(expired.headers['content-type']), /xml/);
    assert.match(expired.text, /<Code>AccessDenied<\/Code><Message>Request has expired<\/Message>/);
  });

  it('honours a per-task TTL', async () => {
    const { sim } = ctx;
    const task = sim.addTask({ queuedMs: 0, processingMs: 0, videoTtlMs: 5_000 });
    sim.advance(5_000);
    assert.equal((await request(sim.videoUrl(task))).status, 403);
  });

  it('answers 403 for a bad or missing signature and 404 for unknown videos', async () => {
    const { sim } = ctx;
    const { url, id } = completedTask();
    const sig = new URL(url).searchParams.get('sig') ?? '';
    const tampered = url.replace(`sig=${sig}`, `sig=${(sig[0] === 'a' ? 'b' : 'a') + sig.slice(1)}`);
    const bad = await request(tampered);
    assert.equal(bad.status, 403);
    assert.match(bad.text, /SignatureDoesNotMatch/);
    const laterExpiry = url.replace(/expires=(\d+)/, (_m, e: string) => `expires=${Number(e) + 1000}`);
    assert.equal((await request(laterExpiry)).status, 403);
    assert.equal((await request(`${sim.videoOrigin}/videos/${id}.mp4`)).status, 403);
    assert.equal((await request(`${sim.videoOrigin}/videos/vgen_nope.mp4?expires=1&sig=00`)).status, 404);
    assert.equal((await request(`${sim.videoOrigin}/elsewhere`)).status, 404);
  });

  it('has no video before completion (404) and rejects an Authorization header (400)', async () => {
    const { sim } = ctx;
    const task = sim.addTask({ queuedMs: 0, processingMs: 1_000 });
    assert.equal((await request(sim.videoUrl(task))).status, 404);
    sim.advance(1_000);
    const withAuth = await request(sim.videoUrl(task), { headers: { authorization: `Bearer ${sim.apiKey}` } });
    assert.equal(withAuth.status, 400);
    assert.match(withAuth.text, /InvalidArgument/);
    const post = await request(sim.videoUrl(task), { method: 'POST' });
    assert.equal(post.status, 405);
  });

  it('serves a synthetic body of videoBytes, whole and by range', async () => {
    const size = 5 * 1024 * 1024;
    const { url } = completedTask({ videoBytes: size });
    const whole = await request(url);
    assert.equal(whole.status, 200);
    assert.equal(whole.headers['content-length'], String(size));
    assert.equal(whole.body.length, size);
    assert.equal(verifySynthetic(whole.body, 0), -1);
    const start = 3_000_001;
    const part = await request(url, { headers: { range: `bytes=${start}-${start + 99_999}` } });
    assert.equal(part.status, 206);
    assert.equal(part.headers['content-range'], `bytes ${start}-${start + 99_999}/${size}`);
    assert.ok(part.body.equals(syntheticRange(start, start + 99_999)));
    assert.ok(!part.body.equals(syntheticRange(start + 1, start + 100_000)));
  });

  it('streams with backpressure: a paused reader does not make the server buffer everything', async () => {
    const { url } = completedTask({ videoBytes: 64 * 1024 * 1024 });
    const before = process.memoryUsage().arrayBuffers;
    await new Promise<void>((resolve, reject) => {
      const req = http.get(url, { agent: false }, (res) => {
        res.pause();
        setTimeout(() => {
          const grown = process.memoryUsage().arrayBuffers - before;
          req.destroy();
          if (grown > 32 * 1024 * 1024) reject(new Error(`server buffered ${grown} bytes for a paused client`));
          else resolve();
        }, 150);
      });
      req.on('error', () => undefined);
    });
    assert.equal(ctx.sim.requests.at(-1)?.status, 200);
  });

  it('a download that stopped early resumes with a Range request', async () => {
    const { sim } = ctx;
    const { url } = completedTask();
    sim.injectFault({ kind: 'stopEarly', afterBytes: 300_000 });
    const first = await rawRequest(url);
    assert.equal(first.status, 200);
    assert.equal(first.body.length, 300_000);
    assert.ok(first.error);
    const resume = await request(url, { headers: { range: `bytes=${first.body.length}-` } });
    assert.equal(resume.status, 206);
    assert.ok(Buffer.concat([first.body, resume.body]).equals(fixture));
  });
});
