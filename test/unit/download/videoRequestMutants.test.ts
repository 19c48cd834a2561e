import * as assert from 'node:assert/strict';
import { Agent, Dispatcher } from 'undici';
import { requestVideo } from '../../../src/download/videoRequest';
import { scriptedHost, ScriptedHost, videoBytes } from './scriptedHost';

/** An Agent that counts the requests it dispatches. */
class CountingAgent extends Agent {
  dispatched = 0;
  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    this.dispatched++;
    return super.dispatch(options, handler);
  }
}

describe('requestVideo edges (mutation survivors)', () => {
  let host: ScriptedHost | undefined;
  const methods: string[] = [];
  afterEach(async () => {
    await host?.close();
    host = undefined;
    methods.length = 0;
  });
  const video = async () =>
    scriptedHost([
      (req, res) => {
        methods.push(req.method ?? '');
        res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': 10 });
        res.end(videoBytes(10));
      },
    ]);

  it('refuses a first link with the policy message alone, not as a redirect', async () => {
    await assert.rejects(requestVideo('ftp://example.com/v.mp4', { timeoutMs: 5_000 }), (e: Error & { reason?: string }) => {
      assert.equal(e.reason, 'refused');
      assert.equal(e.message, 'the video link uses ftp; only https is allowed');
      return true;
    });
  });

  it('asks with GET', async () => {
    host = await video();
    const res = await requestVideo(host.url, { timeoutMs: 5_000 });
    await res.body.dump();
    assert.equal(res.statusCode, 200);
    assert.deepEqual(methods, ['GET']);
  });

  it('sends the request through the dispatcher it is given', async () => {
    host = await video();
    const agent = new CountingAgent();
    try {
      const res = await requestVideo(host.url, { timeoutMs: 5_000, dispatcher: agent });
      await res.body.dump();
      assert.equal(agent.dispatched, 1);
    } finally {
      await agent.close();
    }
  });
});

/**
 * requestVideo of a fresh load of its module, whose default pool is not made yet: it is made once
 * per process, by the first download, and Stryker runs every mutant in one process (with the pool an
 * earlier test made, the cap's mutant could not show). The shared copy stays in require's cache.
 */
function freshRequestVideo(): typeof requestVideo {
  const module = require.resolve('../../../src/download/videoRequest');
  const shared = require.cache[module];
  delete require.cache[module];
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require(module) as typeof import('../../../src/download/videoRequest')).requestVideo;
  } finally {
    require.cache[module] = shared;
  }
}

describe('requestVideo default connection pool (mutation survivors)', () => {
  let host: ScriptedHost | undefined;
  afterEach(async () => {
    await host?.close();
    host = undefined;
  });

  it('opens at most 4 connections to one host: a fifth request at once waits for a free one', async () => {
    const ports: number[] = [];
    host = await scriptedHost([
      (req, res) => {
        ports.push(req.socket.remotePort ?? 0);
        res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': 10 });
        res.end(videoBytes(10));
      },
    ]);
    const url = host.url;
    const request = freshRequestVideo();
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => request(url, { timeoutMs: 5_000 })));
    await Promise.all(answers.map((res) => res.body.dump()));
    assert.deepEqual(
      answers.map((res) => res.statusCode),
      [200, 200, 200, 200, 200],
    );
    assert.equal(ports.length, 5);
    assert.equal(new Set(ports).size, 4, `requests came over ${new Set(ports).size} connections`);
  });
});
