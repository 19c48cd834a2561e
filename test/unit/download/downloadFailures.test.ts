// The download's failure paths that no well-behaved host or disk reaches: the file system
// refusing (creating, linking, copying, writing), a partial file that vanished, a disk that
// accepts fewer bytes than given, a redirect without Location, a probe of a broken link.
// Each says what failed, in its own words, and leaves nothing behind.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { DownloadAbort } from '../../../src/download/downloadAbort';
import { describeError, isDownloadError } from '../../../src/download/downloadError';
import { downloadVideo } from '../../../src/download/downloadVideo';
import { createPartialFile, discardPartialFile, LinkFn, publishPartialFile } from '../../../src/download/exclusiveFile';
import { PositionalWriter } from '../../../src/download/positionalWriter';
import { probeVideoLink } from '../../../src/download/probeLink';
import { requestVideo } from '../../../src/download/videoRequest';
import { scriptedHost, ScriptedHost, videoBytes, whole } from './scriptedHost';
import { failure, useSimulator } from './simHarness';

const fsError = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('download failure paths', () => {
  let dir: string;
  const file = (name: string) => path.join(dir, name);
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veo-fail-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('createPartialFile', () => {
    it('says it could not create the partial file when the folder is missing', async () => {
      await assert.rejects(createPartialFile(file('missing/v.mp4')), (e: unknown) => {
        assert.ok(isDownloadError(e));
        assert.equal(e.reason, 'file');
        assert.ok(e.message.startsWith(`could not create ${file('missing/v.mp4.part')}: `), e.message);
        assert.match(e.message, /\(ENOENT\)$/);
        return true;
      });
    });

    it('tries <dest>.part and 8 random names, then gives up', async () => {
      const open = fs.promises.open;
      const tried: string[] = [];
      fs.promises.open = (async (p: fs.PathLike) => {
        tried.push(String(p));
        throw fsError('EEXIST');
      }) as typeof fs.promises.open;
      try {
        await assert.rejects(createPartialFile(file('v.mp4')), {
          name: 'DownloadError',
          reason: 'file',
          message: `could not find a free name for the partial file next to ${file('v.mp4')}`,
        });
      } finally {
        fs.promises.open = open;
      }
      assert.equal(tried.length, 9);
      assert.equal(tried[0], file('v.mp4.part'));
      assert.equal(new Set(tried).size, 9);
      assert.ok(tried.slice(1).every((p) => /^v\.mp4\.[0-9a-f]{12}\.part$/.test(path.basename(p))), tried.join(' '));
    });
  });

  describe('publishPartialFile', () => {
    const filled = async (content: string) => {
      const partial = await createPartialFile(file('v.mp4'));
      await partial.handle.write(content, 0);
      return partial;
    };

    it('takes names up to `v (999).mp4`, then gives up and keeps the partial file for discarding', async () => {
      const partial = await filled('video');
      const tried: string[] = [];
      const taken: LinkFn = async (_existing, created) => {
        tried.push(path.basename(created));
        throw fsError('EEXIST');
      };
      await assert.rejects(publishPartialFile(partial, file('v.mp4'), taken), {
        reason: 'file',
        message: `could not find a free name for ${file('v.mp4')}`,
      });
      assert.equal(tried.length, 1000);
      assert.equal(tried[0], 'v.mp4');
      assert.equal(tried[999], 'v (999).mp4');
      assert.ok(fs.existsSync(partial.path));
      await discardPartialFile(partial);
      assert.deepEqual(fs.readdirSync(dir), []);
    });

    for (const [what, error] of [
      ['EACCES', fsError('EACCES', 'permission denied')],
      ['an error without a code', new Error('odd failure')],
    ] as const) {
      it(`says it could not save the video when linking fails with ${what}, and does not copy`, async () => {
        const partial = await filled('video');
        await assert.rejects(
          publishPartialFile(partial, file('v.mp4'), async () => {
            throw error;
          }),
          { reason: 'file', message: `could not save the video as ${file('v.mp4')}: ${describeError(error)}` },
        );
        assert.ok(!fs.existsSync(file('v.mp4')));
        await discardPartialFile(partial);
      });
    }

    for (const code of ['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'ENOSYS', 'EMLINK', 'EINVAL']) {
      it(`copies instead when linking fails with ${code}`, async () => {
        const partial = await filled('video');
        const target = await publishPartialFile(partial, file('v.mp4'), async () => {
          throw fsError(code);
        });
        assert.equal(target, file('v.mp4'));
        assert.equal(fs.readFileSync(target, 'utf8'), 'video');
        assert.deepEqual(fs.readdirSync(dir), ['v.mp4']);
      });
    }

    it('says it could not save the video when the exclusive copy fails for another reason', async () => {
      const partial = await filled('video');
      const target = file('gone/v.mp4');
      await assert.rejects(
        publishPartialFile(partial, target, async () => {
          throw fsError('EXDEV');
        }),
        (e: unknown) => isDownloadError(e) && e.reason === 'file' && e.message.startsWith(`could not save the video as ${target}: `) && /\(ENOENT\)$/.test(e.message),
      );
      await discardPartialFile(partial);
      assert.deepEqual(fs.readdirSync(dir), []);
    });

    it('removes what the link made and refuses when the target is not the partial file afterwards', async () => {
      const partial = await filled('video');
      // A link that "succeeds" but leaves another file at the target (a race with someone else).
      const impostor: LinkFn = async (_existing, created) => fs.promises.writeFile(created, 'not ours');
      await assert.rejects(publishPartialFile(partial, file('v.mp4'), impostor), {
        reason: 'file',
        message: `the partial file ${partial.path} was replaced while downloading; nothing was saved`,
      });
      assert.ok(!fs.existsSync(file('v.mp4')), 'the impostor at the target was removed');
      await discardPartialFile(partial);
      assert.deepEqual(fs.readdirSync(dir), []);
    });

    it('refuses when the partial file is gone, and publishes nothing', async () => {
      const partial = await filled('video');
      fs.unlinkSync(partial.path);
      await assert.rejects(publishPartialFile(partial, file('v.mp4')), /was replaced while downloading; nothing was saved/);
      assert.deepEqual(fs.readdirSync(dir), []);
      await discardPartialFile(partial);
    });

    it('refuses when a directory took the partial file’s place', async () => {
      const partial = await filled('video');
      fs.unlinkSync(partial.path);
      fs.mkdirSync(partial.path);
      await assert.rejects(publishPartialFile(partial, file('v.mp4')), /was replaced while downloading/);
      await discardPartialFile(partial);
      assert.ok(fs.statSync(partial.path).isDirectory(), 'the directory is not ours: left alone');
    });
  });

  describe('PositionalWriter', () => {
    /** A handle whose writev accepts at most `limit` bytes per call (0: none), recording positions. */
    const stingy = (limit: number) => {
      const calls: Array<{ position: number; offered: number; taken: number }> = [];
      const data: number[] = [];
      const handle = {
        writev: async (buffers: Buffer[], position: number) => {
          const all = Buffer.concat(buffers);
          const taken = Math.min(limit, all.length);
          for (let i = 0; i < taken; i++) data[position + i] = all[i];
          calls.push({ position, offered: all.length, taken });
          return { bytesWritten: taken, buffers };
        },
      } as unknown as FileHandle;
      return { handle, calls, data };
    };
    const write = (w: PositionalWriter, chunks: Buffer[]) =>
      new Promise<void>((resolve, reject) => {
        w.on('error', reject);
        w.cork(); // one _writev with every chunk
        for (const c of chunks) w.write(c);
        w.uncork();
        w.end((e?: Error | null) => (e ? reject(e) : resolve()));
      });

    it('writes what a short write left, from where it stopped, across buffer boundaries', async () => {
      const { handle, calls, data } = stingy(3);
      const w = new PositionalWriter(handle, 10, 1024);
      await write(w, [Buffer.from('ab'), Buffer.from('cdefg'), Buffer.from('h')]);
      assert.equal(Buffer.from(data.slice(10)).toString(), 'abcdefgh');
      assert.equal(w.bytesWritten, 8);
      assert.deepEqual(calls, [
        { position: 10, offered: 8, taken: 3 },
        { position: 13, offered: 5, taken: 3 },
        { position: 16, offered: 2, taken: 2 },
      ]);
      assert.equal(w.diskError, undefined);
    });

    it('fails with a disk error when the disk accepts no bytes', async () => {
      const { handle } = stingy(0);
      const w = new PositionalWriter(handle, 0, 1024);
      await assert.rejects(write(w, [Buffer.from('abc')]), /the disk accepted no bytes/);
      assert.match(String(w.diskError), /the disk accepted no bytes/);
      await w.settled();
    });

    it('takes empty buffers without asking the disk for more', async () => {
      const { handle, calls } = stingy(0);
      const w = new PositionalWriter(handle, 0, 1024);
      await write(w, [Buffer.alloc(0)]);
      assert.equal(w.bytesWritten, 0);
      assert.ok(calls.every((c) => c.offered === 0));
    });
  });

  describe('describeError', () => {
    it('adds the code when there is one, and takes anything', () => {
      assert.equal(describeError(fsError('ENOSPC', 'no space left on device')), 'no space left on device (ENOSPC)');
      assert.equal(describeError(new Error('plain')), 'plain');
      assert.equal(describeError('a string'), 'a string');
      assert.equal(describeError({ code: 'X' }), '[object Object] (X)');
    });
  });

  describe('DownloadAbort', () => {
    it('keeps the first cause: a deadline after a cancel is still a cancel', async () => {
      const caller = new AbortController();
      const abort = new DownloadAbort(caller.signal, 5);
      caller.abort();
      await new Promise((r) => setTimeout(r, 30));
      assert.equal(abort.error?.reason, 'cancelled');
      assert.equal((abort.signal.reason as Error).message, 'the download was cancelled');
      abort.dispose();
    });
  });
});

describe('download failure paths against a host', () => {
  const h = useSimulator();
  let host: ScriptedHost | undefined;
  afterEach(async () => {
    await host?.close();
    host = undefined;
  });

  it('does nothing for an already cancelled download: no request, no file', async () => {
    const { url } = h.completedTask();
    const controller = new AbortController();
    controller.abort();
    const e = await failure(h.download(url, { signal: controller.signal }));
    assert.equal(e.reason, 'cancelled');
    assert.equal(h.videoRequests().length, 0);
    assert.deepEqual(h.filesLeft(), []);
  });

  it('waits retryDelayMs, doubled per attempt, between attempts (500 ms by default)', async () => {
    const { task, url } = h.completedTask({ videoBytes: 10_000 });
    const pauses: number[] = [];
    const pause = async (ms: number): Promise<void> => {
      pauses.push(ms);
    };
    h.sim.injectFault({ kind: 'status', code: 503 }, { taskId: task.id, on: 'video', times: 1 });
    await downloadVideo({ url, destination: path.join(h.dir, 'out.mp4'), pause });
    assert.deepEqual(pauses, [500]);
    h.sim.injectFault({ kind: 'status', code: 503 }, { taskId: task.id, on: 'video', times: 2 });
    fs.rmSync(path.join(h.dir, 'out.mp4'));
    pauses.length = 0;
    await h.download(url, { retryDelayMs: 100, pause });
    assert.deepEqual(pauses, [100, 200]);
    assert.equal(h.videoRequests().length, 5, 'two tries, then three');
  });

  it('says it could not write the partial file when the disk fails, and keeps nothing', async () => {
    const { url } = h.completedTask({ videoBytes: 3 * 1024 * 1024 });
    const probe = await fs.promises.open(path.join(h.dir, 'probe'), 'w');
    const proto = Object.getPrototypeOf(probe) as { writev: FileHandle['writev'] };
    await probe.close();
    fs.rmSync(path.join(h.dir, 'probe'));
    const writev = proto.writev;
    proto.writev = async () => {
      throw fsError('ENOSPC', 'no space left on device');
    };
    let e;
    try {
      e = await failure(h.download(url));
    } finally {
      proto.writev = writev;
    }
    assert.equal(e.reason, 'file');
    assert.equal(e.message, `could not write ${path.join(h.dir, 'out.mp4.part')}: no space left on device (ENOSPC)`);
    assert.equal(h.videoRequests().length, 1, 'a disk error is not retried');
    assert.deepEqual(h.filesLeft(), []);
  });

  it('says a redirect without a usable Location is an http error', async () => {
    host = await scriptedHost([
      (_req, res) => {
        res.writeHead(302);
        res.end();
      },
    ]);
    const e = await failure(h.download(host.url));
    assert.equal(e.reason, 'http');
    assert.equal(e.message, 'the video host answered HTTP 302 without a usable Location');
    await assert.rejects(requestVideo(host.url, { timeoutMs: 5_000 }), { reason: 'http' });
    assert.deepEqual(h.filesLeft(), []);
  });

  describe('probeVideoLink', () => {
    it('is ok for a video, partial or whole', async () => {
      host = await scriptedHost([
        (_req, res) => {
          res.writeHead(206, { 'content-type': 'video/mp4', 'content-range': 'bytes 0-0/10' });
          res.end('x');
        },
        whole(videoBytes(10), { 'content-type': 'application/octet-stream' }),
        (_req, res) => {
          res.writeHead(200, { 'content-length': 1 });
          res.end('x');
        },
      ]);
      assert.equal(await probeVideoLink(host.url), 'ok');
      assert.equal(await probeVideoLink(host.url), 'ok');
      assert.equal(await probeVideoLink(host.url), 'ok', 'no Content-Type at all');
      assert.equal(host.requests[0].range, 'bytes=0-0');
    });

    it('is notVideo for an HTML page', async () => {
      host = await scriptedHost([whole(Buffer.from('<html></html>'), { 'content-type': 'Text/HTML; charset=utf-8' })]);
      assert.equal(await probeVideoLink(host.url), 'notVideo');
    });

    it('is network for a 5xx or another status, and for a host that is not there', async () => {
      host = await scriptedHost([
        (_req, res) => {
          res.writeHead(500);
          res.end();
        },
        (_req, res) => {
          res.writeHead(418);
          res.end();
        },
      ]);
      assert.equal(await probeVideoLink(host.url), 'network');
      assert.equal(await probeVideoLink(host.url), 'network');
      const url = host.url;
      await host.close();
      host = undefined;
      assert.equal(await probeVideoLink(url, { timeoutMs: 2_000 }), 'network');
    });

    it('is network when the host does not answer in time', async () => {
      host = await scriptedHost([() => undefined]);
      const started = Date.now();
      assert.equal(await probeVideoLink(host.url, { timeoutMs: 200 }), 'network');
      assert.ok(Date.now() - started < 5_000);
    });
  });
});
