import * as assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { DownloadAbort, sleep } from '../../../src/download/downloadAbort';
import { isDownloadError } from '../../../src/download/downloadError';

describe('sleep', () => {
  it('leaves no listener on the signal once it resolved', async () => {
    const controller = new AbortController();
    for (let i = 0; i < 5; i++) await sleep(1, controller.signal);
    assert.equal(getEventListeners(controller.signal, 'abort').length, 0);
  });

  it('rejects with the abort reason, at once when already aborted', async () => {
    const controller = new AbortController();
    const pending = sleep(60_000, controller.signal);
    controller.abort(new Error('stop'));
    await assert.rejects(pending, /stop/);
    await assert.rejects(sleep(1, controller.signal), /stop/);
  });
});

describe('DownloadAbort', () => {
  const aborted = (signal: AbortSignal) => new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));

  it('aborts with a cancelled DownloadError when the caller aborts, and lets go on dispose', async () => {
    const caller = new AbortController();
    const abort = new DownloadAbort(caller.signal, Infinity);
    assert.equal(getEventListeners(caller.signal, 'abort').length, 1);
    caller.abort();
    assert.ok(abort.signal.aborted);
    assert.equal(abort.error?.reason, 'cancelled');
    abort.dispose();
    const other = new DownloadAbort(caller.signal, Infinity);
    assert.equal(other.error?.reason, 'cancelled', 'an already aborted caller signal counts at once');
    other.dispose();
    assert.equal(getEventListeners(caller.signal, 'abort').length, 0);
  });

  it('aborts with a timeout DownloadError at the deadline', async () => {
    const abort = new DownloadAbort(undefined, 5);
    await aborted(abort.signal);
    assert.ok(isDownloadError(abort.signal.reason));
    assert.equal(abort.error?.reason, 'timeout');
    assert.match(abort.error?.message ?? '', /did not finish within 5 ms/);
    abort.dispose();
  });

  it('lets go of the caller’s signal on dispose', () => {
    const caller = new AbortController();
    const abort = new DownloadAbort(caller.signal, 60_000);
    abort.dispose();
    caller.abort();
    assert.equal(abort.signal.aborted, false);
    assert.equal(getEventListeners(caller.signal, 'abort').length, 0);
  });
});
