import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isDownloadError } from '../../../src/download/downloadError';
import { downloadVideo, DownloadOptions } from '../../../src/download/downloadVideo';
import { FIXTURE_VIDEO, verifySynthetic, VeoSimulator } from '../../../sim/simulator';

describe('downloadVideo against the simulator video host', function () {
  this.timeout(60_000);
  let sim: VeoSimulator;
  let dir: string;
  const fixture = fs.readFileSync(FIXTURE_VIDEO);

  const completedTask = (spec: Parameters<VeoSimulator['addTask']>[0] = {}) => {
    const t = sim.addTask({ queuedMs: 0, processingMs: 0, ...spec });
    sim.advance(1);
    return { task: t, url: sim.videoUrl(t) };
  };
  const download = (url: string, extra: Partial<DownloadOptions> = {}) =>
    downloadVideo({ url, destination: path.join(dir, 'out.mp4'), retryDelayMs: 1, ...extra });
  const failure = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      assert.ok(isDownloadError(e), String(e));
      return e;
    }
    assert.fail('the download should have failed');
  };
  const filesLeft = () => fs.readdirSync(dir);

  beforeEach(async () => {
    sim = await VeoSimulator.start();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veo-dl-'));
  });
  afterEach(async () => {
    await sim.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes the exact bytes and leaves no partial file', async () => {
    const { url } = completedTask();
    const progress: number[] = [];
    const r = await download(url, { onProgress: (p) => progress.push(p.received) });
    assert.equal(r.bytes, fixture.length);
    assert.equal(r.resumes, 0);
    assert.ok(fs.readFileSync(r.path).equals(fixture));
    assert.deepEqual(filesLeft(), ['out.mp4']);
    assert.equal(progress.at(-1), fixture.length);
  });

  it('never sends an Authorization header to the video host', async () => {
    const { url } = completedTask();
    await download(url);
    const video = sim.requests.filter((r) => r.server === 'video');
    assert.equal(video.length, 1);
    assert.equal(video[0].headers.authorization, undefined);
    assert.equal(sim.requests.filter((r) => r.server === 'api').length, 0);
  });

  it('resumes with Range after the connection stops early', async () => {
    const { task, url } = completedTask();
    sim.injectFault({ kind: 'stopEarly', afterBytes: 300_000 }, { taskId: task.id });
    const r = await download(url);
    assert.equal(r.resumes, 1);
    assert.ok(fs.readFileSync(r.path).equals(fixture));
    const ranges = sim.requests.filter((q) => q.server === 'video').map((q) => q.headers.range);
    assert.equal(ranges[0], undefined);
    assert.match(ranges[1] ?? '', /^bytes=\d+-$/);
    assert.ok(Number(/\d+/.exec(ranges[1] ?? '')?.[0]) > 0, 'resumed past the start');
  });

  it('starts over in the same file when the video changed before a resume (If-Range no longer matches)', async () => {
    const MiB = 1024 * 1024;
    const { task, url } = completedTask({ videoBytes: 2 * MiB });
    sim.injectFault({ kind: 'stopEarly', afterBytes: 1.5 * MiB }, { taskId: task.id });
    const r = await download(url, { onProgress: (p) => p.received >= MiB && (task.videoBytes = MiB) });
    assert.equal(r.resumes, 1);
    const video = sim.requests.filter((q) => q.server === 'video');
    assert.match(video[1].headers['if-range'] ?? '', /^"/, 'the resume was conditional on the first ETag');
    assert.equal(r.bytes, MiB);
    const bytes = fs.readFileSync(r.path);
    assert.equal(bytes.length, MiB, 'the longer first attempt was truncated away');
    assert.equal(verifySynthetic(bytes, 0), -1);
    assert.deepEqual(filesLeft(), ['out.mp4']);
  });

  it('resumes after a connection reset mid-body', async () => {
    const { task, url } = completedTask();
    sim.injectFault({ kind: 'reset', afterBytes: 200_000 }, { taskId: task.id, on: 'video' });
    const r = await download(url);
    assert.equal(r.resumes, 1);
    assert.ok(fs.readFileSync(r.path).equals(fixture));
  });

  it('gives up on a body that keeps stopping early, with a clear message and no files', async () => {
    const { task, url } = completedTask();
    sim.injectFault({ kind: 'stopEarly', afterBytes: 1000 }, { taskId: task.id, times: Infinity });
    const e = await failure(download(url, { maxAttempts: 3 }));
    assert.match(e.message, /kept dropping \(3 tries/);
    assert.equal(sim.requests.filter((r) => r.server === 'video').length, 3);
    assert.deepEqual(filesLeft(), []);
  });

  it('says the link expired on 403, and leaves no files', async () => {
    const { url } = completedTask({ videoTtlMs: 1000 });
    sim.advance(2000);
    const e = await failure(download(url));
    assert.equal(e.reason, 'expired');
    assert.match(e.message, /link expired \(HTTP 403/);
    assert.deepEqual(filesLeft(), []);
  });

  it('refuses an HTML page instead of a video', async () => {
    const { url } = completedTask();
    const e = await failure(download(`${url}&sim_fault=html`));
    assert.equal(e.reason, 'notVideo');
    assert.match(e.message, /text\/html page instead of a video/);
    assert.deepEqual(filesLeft(), []);
  });

  it('removes the partial file when cancelled', async () => {
    const { url } = completedTask({ videoBytes: 64 * 1024 * 1024 });
    const controller = new AbortController();
    const e = await failure(
      download(url, {
        signal: controller.signal,
        onProgress: (p) => p.received > 4 * 1024 * 1024 && controller.abort(),
      }),
    );
    assert.equal(e.reason, 'cancelled');
    assert.deepEqual(filesLeft(), []);
  });

  it('downloads 200 MiB byte-exact without holding it in memory', async () => {
    const size = 200 * 1024 * 1024;
    const { url } = completedTask({ videoBytes: size });
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    try {
      const r = await download(url);
      assert.equal(r.bytes, size);
    } finally {
      clearInterval(sampler);
    }
    const growthMiB = (peak - before) / 1024 / 1024;
    assert.ok(growthMiB < 96, `memory grew by ${growthMiB.toFixed(1)} MiB for a 200 MiB file`);
    const fd = fs.openSync(path.join(dir, 'out.mp4'), 'r');
    try {
      const buf = Buffer.alloc(4 * 1024 * 1024);
      for (let offset = 0; offset < size; offset += buf.length) {
        const n = fs.readSync(fd, buf, 0, buf.length, offset);
        assert.equal(verifySynthetic(buf.subarray(0, n), offset), -1, `bytes differ near ${offset}`);
      }
    } finally {
      fs.closeSync(fd);
    }
  });
});
