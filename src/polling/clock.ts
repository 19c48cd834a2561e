// Time as the poller sees it, so tests and benchmarks can drive it with a fake clock.

export interface TimerHandle {
  cancel(): void;
}

export interface Clock {
  now(): number;
  setTimer(callback: () => void, delayMs: number): TimerHandle;
}

/** Longest delay `setTimeout` takes: a longer one fires at once (after a TimeoutOverflowWarning). */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

/** `delayMs` as a delay `setTimeout` honours: NaN and negatives are 0, at most MAX_TIMER_DELAY_MS. */
export function clampTimerDelay(delayMs: number): number {
  return Number.isNaN(delayMs) ? 0 : Math.min(MAX_TIMER_DELAY_MS, Math.max(0, delayMs));
}

/** The two timer functions a clock needs (Node's by default; a test passes its own). */
export interface TimerHost {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * A Clock on `host`'s timers. Every delay is clamped to [0, MAX_TIMER_DELAY_MS]; a longer
 * wait is made of several timers, re-armed one after the other (Infinity: never fires).
 */
export function timerClock(host: TimerHost, now: () => number = Date.now): Clock {
  return {
    now,
    setTimer(callback, delayMs) {
      let handle: unknown;
      const arm = (left: number): void => {
        handle = left > MAX_TIMER_DELAY_MS ? host.setTimeout(() => arm(left - MAX_TIMER_DELAY_MS), MAX_TIMER_DELAY_MS) : host.setTimeout(callback, clampTimerDelay(left));
      };
      arm(Number.isNaN(delayMs) ? 0 : Math.max(0, delayMs));
      return { cancel: () => host.clearTimeout(handle) };
    },
  };
}

export const systemClock: Clock = timerClock({
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
});
