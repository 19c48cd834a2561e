/**
 * Bodies that never end, and Content-Length lies, observed from a real client.
 */
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import { readFileSync } from 'node:fs';
import { FIXTURE_VIDEO, verifySynthetic } from '../../../sim/simulator';
import { auth, eventually, rawRequest, readPrefix, resultUrl, useSim } from './helpers';

const fixture = readFileSync(FIXTURE_VIDEO);
const MiB = 1024 * 1024;

describe('sim endless fault', () => {
  const ctx = useSim();

  function videoUrl(): string {
    return ctx.sim.videoUrl(ctx.sim.addTask({ queuedMs: 0, processingMs: 0 }));
  }

  it('endless on the video host: chunked synthetic video bytes until the client hangs up', async () => {
    const { sim } = ctx;
    sim.injectFault({ kind: 'endless' });
    assert.equal(sim.pendingFaults()[0].on, 'video');
    const got = await readPrefix(videoUrl(), 8 * MiB);
    assert.equal(got.status, 200);
    assert.equal(got.ended, false);
    assert.equal(got.headers['content-type'], 'video/mp4');
    assert.equal(got.headers['content-length'], undefined);
    assert.equal(got.headers['transfer-encoding'], 'chunked');
    assert.ok(got.body.length >= 8 * MiB);
    assert.equal(verifySynthetic(got.body, 0), -1);
    await eventually(() => sim.stats.videoInFlight === 0, 'the server to stop writing');
  });

  it('endless:3221225472 declares a 3 GiB Content-Length and streams until the client closes', async () => {
    const { sim } = ctx;
    const got = await readPrefix(`${videoUrl()}&sim_fault=endless:3221225472`, 2 * MiB);
    assert.equal(got.status, 200);
    assert.equal(got.headers['content-length'], '3221225472');
    assert.equal(got.headers['transfer-encoding'], undefined);
    assert.equal(verifySynthetic(got.body, 0), -1);
    await eventually(() => sim.stats.videoInFlight === 0, 'the server to stop writing');
  });

  it('?sim_fault=endless on the API: a JSON object that never closes', async () => {
    const { sim } = ctx;
    const id = sim.addTask().id;
    const got = await readPrefix(`${resultUrl(sim, id)}?sim_fault=endless`, MiB, { headers: auth(sim) });
    assert.equal(got.status, 200);
    assert.match(String(got.headers['content-type']), /^application\/json/);
    assert.equal(got.headers['content-length'], undefined);
    const text = got.body.toString('utf8');
    assert.ok(text.startsWith(`{"id":"${id}","object":"video","status":"processing","padding":"xxxx`), text.slice(0, 80));
    assert.match(text.slice(100), /^x+$/);
    await eventually(() => sim.stats.inFlight === 0, 'the API to stop writing');
  });

  it('does not buffer: a client that stops reading holds the server back', async () => {
    const { sim } = ctx;
    const url = `${videoUrl()}&sim_fault=endless`;
    const before = process.memoryUsage().arrayBuffers;
    let received = 0;
    await new Promise<void>((resolve, reject) => {
      const req = http.get(url, { agent: false }, (res) => {
        res.once('data', (c: Buffer) => {
          received += c.length;
          res.pause();
          setTimeout(() => {
            req.destroy();
            resolve();
          }, 400);
        });
        res.on('error', () => undefined);
      });
      req.on('error', reject);
    });
    const grown = process.memoryUsage().arrayBuffers - before;
    assert.ok(received > 0);
    assert.ok(grown < 64 * MiB, `array buffers grew by ${Math.round(grown / MiB)} MiB`);
    await eventually(() => sim.stats.videoInFlight === 0, 'the server to stop writing');
  });

  it('sim.close() ends an endless response at once', async () => {
    const { sim } = ctx;
    const pending = rawRequest(`${videoUrl()}&sim_fault=endless`);
    await eventually(() => sim.stats.videoInFlight === 1, 'the download to start');
    const started = Date.now();
    await sim.close();
    const out = await pending;
    assert.ok(Date.now() - started < 1_000);
    assert.equal(out.complete, false);
  });
});

describe('sim lengthMismatch fault', () => {
  const ctx = useSim();

  it('declares more than it sends: the real bytes, then the connection closes', async () => {
    const { sim } = ctx;
    const t = sim.addTask({ queuedMs: 0, processingMs: 0 });
    sim.injectFault({ kind: 'lengthMismatch', declared: fixture.length + 1_000 });
    assert.equal(sim.pendingFaults()[0].on, 'video');
    const out = await rawRequest(sim.videoUrl(t));
    assert.equal(out.status, 200);
    assert.equal(out.headers?.['content-length'], String(fixture.length + 1_000));
    assert.equal(out.complete, false);
    assert.ok(out.body.equals(fixture));
  });

  it('declares less than it sends: the client reads the declared bytes, and Node flags the extra data', async () => {
    const { sim } = ctx;
    const t = sim.addTask({ queuedMs: 0, processingMs: 0 });
    const seen = await new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer; error?: string }>((resolve) => {
      const chunks: Buffer[] = [];
      let error: string | undefined;
      const req = http.get(`${sim.videoUrl(t)}&sim_fault=lengthMismatch:1000`, { agent: false }, (res) => {
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => setTimeout(() => resolve({ headers: res.headers, body: Buffer.concat(chunks), error }), 20));
      });
      req.on('error', (err) => {
        error = err.message;
      });
    });
    assert.equal(seen.headers['content-length'], '1000');
    assert.equal(seen.headers.connection, 'close');
    assert.ok(seen.body.equals(fixture.subarray(0, 1000)));
    assert.match(String(seen.error), /Parse Error/);
  });
});
