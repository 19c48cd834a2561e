import * as assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { DownloadAbort, sleep } from '../../../src/download/downloadAbort';

/** setTimeout/clearTimeout replaced while a test runs: timers fire only when the test says so. */
class ManualTimers {
  private readonly realSetTimeout = globalThis.setTimeout;
  private readonly realClearTimeout = globalThis.clearTimeout;
  private pending: Array<{ ms: number; fire: () => void }> = [];

  install(): this {
    globalThis.setTimeout = ((fire: () => void, ms?: number) => {
      const timer = { ms: ms ?? 0, fire };
      this.pending.push(timer);
      return timer;
    }) as unknown as typeof setTimeout;
    globalThis.clearTimeout = ((timer: unknown) => {
      this.pending = this.pending.filter((p) => p !== timer);
    }) as typeof clearTimeout;
    return this;
  }

  uninstall(): void {
    globalThis.setTimeout = this.realSetTimeout;
    globalThis.clearTimeout = this.realClearTimeout;
  }

  /** The delays (ms) of the pending timers, in the order they were set. */
  get delays(): number[] {
    return this.pending.map((p) => p.ms);
  }

  /** Fires the pending timer due first. */
  next(): void {
    const timer = [...this.pending].sort((a, b) => a.ms - b.ms)[0];
    if (!timer) throw new Error('no timer pending');
    this.pending = this.pending.filter((p) => p !== timer);
    timer.fire();
  }

  /** Fires every pending timer due within `ms`. */
  advance(ms: number): void {
    for (const timer of this.pending.filter((p) => p.ms <= ms)) {
      this.pending = this.pending.filter((p) => p !== timer);
      timer.fire();
    }
  }
}

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

  it('sets no deadline timer at all for an infinite deadline', () => {
    timers = new ManualTimers().install();
    const abort = new DownloadAbort(undefined, Infinity);
    assert.deepEqual(timers.delays, []);
    timers.advance(2 ** 31);
    assert.equal(abort.signal.aborted, false);
    assert.equal(abort.error, undefined);
    abort.dispose();
  });

  it('words a deadline of exactly 1000 ms as a wait in seconds, not in ms', () => {
    timers = new ManualTimers().install();
    const abort = new DownloadAbort(undefined, 1000);
    assert.deepEqual(timers.delays, [1000]);
    timers.next();
    assert.equal(abort.error?.reason, 'timeout');
    assert.equal(abort.error?.message, 'the download did not finish within 1 s');
    abort.dispose();
  });

  it('words a deadline under 1000 ms in ms', () => {
    timers = new ManualTimers().install();
    const abort = new DownloadAbort(undefined, 999);
    timers.next();
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
