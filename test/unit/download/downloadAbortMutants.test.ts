import * as assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { DownloadAbort, sleep } from '../../../src/download/downloadAbort';
import { ManualTimers } from '../windows/manualTimers';

describe('DownloadAbort and sleep edges (mutation survivors)', () => {
  let timers: ManualTimers | undefined;
  afterEach(() => {
    timers?.uninstall();
    timers = undefined;
  });

  it('lets go of the caller signal as soon as the caller aborts, before dispose', () => {
    const caller = new AbortController();
    const abort = new DownloadAbort(caller.signal, Infinity);
    caller.abort();
    assert.equal(abort.error?.reason, 'cancelled');
    assert.equal(getEventListeners(caller.signal, 'abort').length, 0);
    abort.dispose();
  });

  it('sets no deadline timer at all for an infinite deadline', async () => {
    timers = new ManualTimers().install();
    const abort = new DownloadAbort(undefined, Infinity);
    assert.deepEqual(timers.delays, []);
    await timers.advance(2 ** 31);
    assert.equal(abort.signal.aborted, false);
    assert.equal(abort.error, undefined);
    abort.dispose();
  });

  it('words a deadline of exactly 1000 ms as a wait in seconds, not in ms', async () => {
    timers = new ManualTimers().install();
    const abort = new DownloadAbort(undefined, 1000);
    assert.deepEqual(timers.delays, [1000]);
    await timers.next();
    assert.equal(abort.error?.reason, 'timeout');
    assert.equal(abort.error?.message, 'the download did not finish within 1 s');
    abort.dispose();
  });

  it('words a deadline under 1000 ms in ms', async () => {
    timers = new ManualTimers().install();
    const abort = new DownloadAbort(undefined, 999);
    await timers.next();
    assert.equal(abort.error?.message, 'the download did not finish within 999 ms');
    abort.dispose();
  });

  it('sleep leaves no listener on the signal once the signal aborted it', async () => {
    const controller = new AbortController();
    const pending = sleep(60_000, controller.signal);
    controller.abort(new Error('stop'));
    await assert.rejects(pending, /stop/);
    assert.equal(getEventListeners(controller.signal, 'abort').length, 0);
  });
});
