// timerClock: a delay of exactly MAX_TIMER_DELAY_MS is one timer, not a chain.
import * as assert from 'node:assert/strict';
import { MAX_TIMER_DELAY_MS, timerClock, TimerHost } from '../../../src/polling/clock';

describe('timerClock: the longest single timer', () => {
  it('arms one timer of MAX_TIMER_DELAY_MS whose firing runs the callback', () => {
    const delays: number[] = [];
    const callbacks: Array<() => void> = [];
    const host: TimerHost = {
      setTimeout: (callback, ms) => {
        delays.push(ms);
        callbacks.push(callback);
        return callbacks.length;
      },
      clearTimeout: () => undefined,
    };
    let fired = 0;
    timerClock(host, () => 0).setTimer(() => fired++, MAX_TIMER_DELAY_MS);
    assert.deepEqual(delays, [MAX_TIMER_DELAY_MS]);
    callbacks[0]();
    assert.equal(fired, 1);
    assert.deepEqual(delays, [MAX_TIMER_DELAY_MS], 'no second timer');
  });
});
