import * as assert from 'node:assert/strict';
import { clampTimerDelay, MAX_TIMER_DELAY_MS, systemClock, timerClock, TimerHost } from '../../../src/polling/clock';

/** Records every setTimeout; `fire()` runs the oldest pending one. */
class RecordingHost implements TimerHost {
  readonly delays: number[] = [];
  private pending: Array<{ id: number; callback: () => void }> = [];
  private nextId = 1;

  setTimeout(callback: () => void, ms: number): unknown {
    this.delays.push(ms);
    const id = this.nextId++;
    this.pending.push({ id, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending = this.pending.filter((t) => t.id !== handle);
  }

  get count(): number {
    return this.pending.length;
  }

  fire(): void {
    const t = this.pending.shift();
    assert.ok(t, 'a timer is pending');
    t.callback();
  }
}

describe('clock', () => {
  it('clampTimerDelay keeps delays within what setTimeout honours', () => {
    assert.equal(MAX_TIMER_DELAY_MS, 2 ** 31 - 1);
    assert.equal(clampTimerDelay(-5), 0);
    assert.equal(clampTimerDelay(NaN), 0);
    assert.equal(clampTimerDelay(1_000), 1_000);
    assert.equal(clampTimerDelay(2 ** 31), MAX_TIMER_DELAY_MS);
    assert.equal(clampTimerDelay(Infinity), MAX_TIMER_DELAY_MS);
  });

  it('never hands setTimeout a delay outside [0, 2^31-1], and re-arms for a longer wait', () => {
    const host = new RecordingHost();
    let fired = 0;
    timerClock(host).setTimer(() => fired++, 2 * MAX_TIMER_DELAY_MS + 5);
    assert.deepEqual(host.delays, [MAX_TIMER_DELAY_MS]);
    host.fire();
    assert.equal(fired, 0);
    host.fire();
    assert.equal(fired, 0);
    host.fire();
    assert.equal(fired, 1);
    assert.deepEqual(host.delays, [MAX_TIMER_DELAY_MS, MAX_TIMER_DELAY_MS, 5]);
  });

  it('treats negative and NaN delays as 0, and Infinity as never', () => {
    const host = new RecordingHost();
    const clock = timerClock(host);
    clock.setTimer(() => undefined, -1_000);
    clock.setTimer(() => undefined, NaN);
    let fired = false;
    clock.setTimer(() => (fired = true), Infinity);
    for (let i = 0; i < 3; i++) host.fire();
    for (let i = 0; i < 5; i++) host.fire();
    assert.equal(fired, false);
    assert.deepEqual(host.delays.slice(0, 3), [0, 0, MAX_TIMER_DELAY_MS]);
    assert.ok(host.delays.every((d) => d >= 0 && d <= MAX_TIMER_DELAY_MS));
  });

  it('cancel stops a wait, also after it was re-armed', () => {
    const host = new RecordingHost();
    let fired = false;
    const handle = timerClock(host).setTimer(() => (fired = true), MAX_TIMER_DELAY_MS + 10);
    host.fire();
    assert.equal(host.count, 1);
    handle.cancel();
    assert.equal(host.count, 0);
    assert.equal(fired, false);
  });

  it('systemClock does not fire a timer of more than 2^31-1 ms at once (Node would, with a TimeoutOverflowWarning)', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    let fired = false;
    const handle = systemClock.setTimer(() => (fired = true), 2 ** 40);
    try {
      await new Promise((resolve) => setTimeout(resolve, 20));
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(fired, false);
      assert.ok(!warnings.includes('TimeoutOverflowWarning'), warnings.join());
    } finally {
      handle.cancel();
      process.off('warning', onWarning);
    }
  });
});
