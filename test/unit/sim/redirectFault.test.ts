/**
 * Redirect chains on the video host, followed hop by hop over real sockets.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { FIXTURE_VIDEO, HOPS_QUERY } from '../../../sim/simulator';
import { rawRequest, request, type Reply, type RequestOptions, useSim } from './helpers';

const fixture = readFileSync(FIXTURE_VIDEO);

/** Follow Location headers by hand (resolving relative ones), recording each hop. */
async function follow(url: string, opts: RequestOptions = {}, max = 20): Promise<{ hops: Reply[]; last: Reply; urls: string[] }> {
  const hops: Reply[] = [];
  const urls = [url];
  let current = url;
  for (let i = 0; i <= max; i++) {
    const reply = await request(current, opts);
    if (reply.status < 300 || reply.status > 399) return { hops, last: reply, urls };
    hops.push(reply);
    current = new URL(String(reply.headers.location), current).toString();
    urls.push(current);
  }
  throw new Error(`more than ${max} redirects`);
}

describe('sim redirect fault', () => {
  const ctx = useSim();

  function completedVideo(): string {
    return ctx.sim.videoUrl(ctx.sim.addTask({ queuedMs: 0, processingMs: 0 }));
  }

  it('an injected redirect:3 sends three 302s back to the same signed URL, then the video', async () => {
    const { sim } = ctx;
    const url = completedVideo();
    sim.injectFault({ kind: 'redirect', hops: 3 });
    assert.equal(sim.pendingFaults()[0].on, 'video');
    const { hops, last, urls } = await follow(url);
    assert.deepEqual(hops.map((h) => h.status), [302, 302, 302]);
    assert.equal(last.status, 200);
    assert.ok(last.body.equals(fixture));
    const original = new URL(url);
    for (const next of urls.slice(1).map((u) => new URL(u))) {
      assert.equal(next.origin, sim.videoOrigin);
      assert.equal(next.pathname, original.pathname);
      assert.equal(next.searchParams.get('expires'), original.searchParams.get('expires'));
      assert.equal(next.searchParams.get('sig'), original.searchParams.get('sig'));
    }
    assert.deepEqual(urls.slice(1).map((u) => new URL(u).searchParams.get(HOPS_QUERY)), ['2', '1', '0']);
    assert.deepEqual(sim.requests.map((r) => r.status), [302, 302, 302, 200]);
    assert.equal(sim.pendingFaults().length, 0);
  });

  it('byte ranges work through the chain: the final hop answers 206', async () => {
    const url = completedVideo();
    const { hops, last } = await follow(`${url}&sim_fault=redirect:2`, { headers: { range: 'bytes=1000-1999' } });
    assert.equal(hops.length, 2);
    assert.equal(last.status, 206);
    assert.equal(last.headers['content-range'], `bytes 1000-1999/${fixture.length}`);
    assert.ok(last.body.equals(fixture.subarray(1000, 2000)));
  });

  it('the last hop can point at a non-https, non-loopback or non-http target', async () => {
    const url = completedVideo();
    for (const to of ['http://example.invalid/v.mp4', 'ftp://x/y']) {
      const first = await request(`${url}&sim_fault=${encodeURIComponent(`redirect:2:${to}`)}`);
      assert.equal(first.status, 302);
      const second = await request(String(first.headers.location));
      assert.equal(second.status, 302);
      assert.equal(second.headers.location, to);
    }
    const direct = await request(url, { headers: { 'x-sim-fault': 'redirect:1:http://127.0.0.1:9/elsewhere.mp4' } });
    assert.equal(direct.headers.location, 'http://127.0.0.1:9/elsewhere.mp4');
  });

  it('code and relative Locations: JSON form and shorthand', async () => {
    const { sim } = ctx;
    const url = completedVideo();
    sim.injectFault({ kind: 'redirect', hops: 2, code: 307, relative: true });
    const { hops, last } = await follow(url);
    assert.deepEqual(hops.map((h) => h.status), [307, 307]);
    for (const h of hops) assert.match(String(h.headers.location), /^\/videos\/[^?]+\.mp4\?expires=/);
    assert.equal(last.status, 200);
    const viaShorthand = await follow(`${url}&sim_fault=redirect:2:308:relative`);
    assert.deepEqual(viaShorthand.hops.map((h) => [h.status, String(h.headers.location).startsWith('/')]), [[308, true], [308, true]]);
  });

  it('ends even when the client re-sends the x-sim-fault header on every hop', async () => {
    const { hops, last } = await follow(completedVideo(), { headers: { 'x-sim-fault': 'redirect:4' } });
    assert.equal(hops.length, 4);
    assert.ok(last.body.equals(fixture));
  });

  it('fetch follows a chain end to end, and fails on a redirect to ftp', async () => {
    const url = completedVideo();
    const res = await fetch(`${url}&sim_fault=redirect:5`);
    assert.equal(res.status, 200);
    assert.equal(res.redirected, true);
    assert.ok(Buffer.from(await res.arrayBuffer()).equals(fixture));
    await assert.rejects(fetch(`${url}&sim_fault=${encodeURIComponent('redirect:1:ftp://x/y')}`), TypeError);
  });

  it('HEAD gets the redirect too; a per-task redirect spares other tasks', async () => {
    const { sim } = ctx;
    const a = sim.addTask({ queuedMs: 0, processingMs: 0 });
    const b = sim.addTask({ queuedMs: 0, processingMs: 0 });
    sim.injectFault({ kind: 'redirect', hops: 1 }, { taskId: a.id, times: -1 });
    const head = await rawRequest(sim.videoUrl(a), { method: 'HEAD' });
    assert.equal(head.status, 302);
    assert.equal((await request(sim.videoUrl(b))).status, 200);
  });

  it('the control API arms a redirect and rejects bad ones with a clear message', async () => {
    const { sim } = ctx;
    const post = (fault: unknown): Promise<Reply> =>
      request(`${sim.apiOrigin}/__sim/faults`, { method: 'POST', body: JSON.stringify({ fault }) });
    assert.equal((await post({ kind: 'redirect', hops: 1, to: 'http://example.invalid/v.mp4' })).status, 200);
    assert.equal((await request(completedVideo())).headers.location, 'http://example.invalid/v.mp4');
    const badCode = await post({ kind: 'redirect', hops: 1, code: 305 });
    assert.equal(badCode.status, 400);
    assert.match(badCode.text, /redirect code must be one of 301, 302, 303, 307, 308/);
    const badHops = await post({ kind: 'redirect', hops: 0 });
    assert.match(badHops.text, /redirect hops must be an integer >= 1/);
  });
});
