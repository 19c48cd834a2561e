/**
 * Simulator clocks. The simulator never reads Date.now() directly for task
 * state; it asks its clock, so tests can move time forward deterministically.
 */

export type ClockKind = 'manual' | 'real';

export interface SimClock {
  readonly kind: ClockKind;
  /** Current simulated time, ms since the epoch. */
  now(): number;
  /** Move simulated time forward by `ms` (must be >= 0). */
  advance(ms: number): void;
}

function checkAdvance(ms: number): void {
  if (!Number.isFinite(ms) || ms < 0) {
    throw new RangeError(`advance(ms) needs a finite, non-negative number, got ${ms}`);
  }
}

/** Time stands still until advance() is called. */
export class ManualClock implements SimClock {
  readonly kind = 'manual' as const;
  private current: number;

  constructor(startMs: number = Math.floor(Date.now() / 1000) * 1000) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    checkAdvance(ms);
    this.current += ms;
  }
}

/**
 * Follows the wall clock, optionally sped up (`speed` = simulated ms per real
 * ms). advance() adds a fixed offset on top, which the demo control API uses
 * to skip ahead.
 */
export class RealClock implements SimClock {
  readonly kind = 'real' as const;
  private readonly wallAnchor: number;
  private readonly simAnchor: number;
  private offset = 0;

  constructor(
    private readonly speed = 1,
    startMs: number = Date.now(),
    private readonly wallNow: () => number = Date.now,
  ) {
    if (!Number.isFinite(speed) || speed <= 0) {
      throw new RangeError(`clock speed must be a positive number, got ${speed}`);
    }
    this.wallAnchor = wallNow();
    this.simAnchor = startMs;
  }

  now(): number {
    return Math.floor(this.simAnchor + (this.wallNow() - this.wallAnchor) * this.speed + this.offset);
  }

  advance(ms: number): void {
    checkAdvance(ms);
    this.offset += ms;
  }
}
