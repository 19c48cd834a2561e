import * as assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import * as fs from 'node:fs';
import { FIXTURE_VIDEO } from '../../../sim/simulator';
import { failure, useSimulator } from './simHarness';

describe('downloadVideo size cap, deadline and listeners', () => {
  const h = useSimulator();
  const fixture = fs.readFileSync(FIXTURE_VIDEO);

  it('refuses a declared length over maxBytes before writing a byte', async () => {
    const { url } = h.completedTask();
    let progressed = false;
    const e = await failure(h.download(url, { maxBytes: 1000, onProgress: () => (progressed = true) }));
    assert.equal(e.reason, 'tooLarge');
    assert.match(e.message, /too large: 768 KB, more than the 1000 B limit/);
    assert.equal(progressed, false);
    assert.deepEqual(h.filesLeft(), []);
  });

  it('takes a video of exactly maxBytes', async () => {
    const { url } = h.completedTask();
    const r = await h.download(url, { maxBytes: fixture.length });
    assert.equal(r.bytes, fixture.length);
  });

  it('refuses an endless body at maxBytes and one declaring more than the cap before writing', async () => {
    const { url } = h.completedTask();
    const endless = await failure(h.download(`${url}&sim_fault=endless`, { maxBytes: 4 * 1024 * 1024 }));
    assert.equal(endless.reason, 'tooLarge');
    assert.match(endless.message, /too large: larger than the 4.0 MB limit/);
    let progressed = false;
    const declared = await failure(h.download(`${url}&sim_fault=endless:3221225472`, { onProgress: () => (progressed = true) }));
    assert.equal(declared.reason, 'tooLarge');
    assert.match(declared.message, /too large: 3.0 GB, more than the 2.0 GB limit/);
    assert.equal(progressed, false);
    assert.deepEqual(h.filesLeft(), []);
  });

  it('gives up at the overall deadline with a timeout error and no files', async () => {
    const { url } = h.completedTask();
    const e = await failure(h.download(`${url}&sim_fault=delay:30000`, { deadlineMs: 200 }));
    assert.equal(e.reason, 'timeout');
    assert.match(e.message, /did not finish within 200 ms/);
    assert.deepEqual(h.filesLeft(), []);
  });

  it('counts the pauses between attempts against the deadline', async () => {
    const { task, url } = h.completedTask();
    h.sim.injectFault({ kind: 'stopEarly', afterBytes: 1000 }, { taskId: task.id, times: Infinity });
    const e = await failure(h.download(url, { retryDelayMs: 60_000, deadlineMs: 300 }));
    assert.equal(e.reason, 'timeout');
    assert.equal(h.videoRequests().length, 1, 'the deadline struck during the first pause');
    assert.deepEqual(h.filesLeft(), []);
  });

  it('leaves no listener on the caller’s signal after downloads that resumed', async () => {
    const { task, url } = h.completedTask();
    const controller = new AbortController();
    const runs = 5;
    for (let i = 0; i < runs; i++) {
      h.sim.injectFault({ kind: 'stopEarly', afterBytes: 100_000 }, { taskId: task.id });
      const r = await h.download(url, { signal: controller.signal, destination: `${h.dir}/v${i}.mp4` });
      assert.equal(r.resumes, 1);
    }
    assert.equal(getEventListeners(controller.signal, 'abort').length, 0);
  });

  it('leaves no listener on the caller’s signal after failed downloads either', async () => {
    const { url } = h.completedTask({ videoTtlMs: 1000 });
    h.sim.advance(2000);
    const controller = new AbortController();
    for (let i = 0; i < 3; i++) assert.equal((await failure(h.download(url, { signal: controller.signal }))).reason, 'expired');
    assert.equal(getEventListeners(controller.signal, 'abort').length, 0);
  });

  it('cancels during the pause between attempts and leaves nothing', async () => {
    const { task, url } = h.completedTask();
    h.sim.injectFault({ kind: 'stopEarly', afterBytes: 1000 }, { taskId: task.id });
    const controller = new AbortController();
    const p = h.download(url, { signal: controller.signal, retryDelayMs: 60_000, onProgress: () => setImmediate(() => controller.abort()) });
    const e = await failure(p);
    assert.equal(e.reason, 'cancelled');
    assert.deepEqual(h.filesLeft(), []);
    assert.equal(getEventListeners(controller.signal, 'abort').length, 0);
  });
});
