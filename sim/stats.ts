/**
 * Per-server counters: requests in flight (and the peak), and TCP connections.
 */
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface SimStats {
  /** API requests currently being answered. */
  inFlight: number;
  /** Peak of inFlight since start / resetStats(). */
  maxInFlight: number;
  /** TCP connections to the API server that carried at least one non-control request. */
  connections: number;
  videoInFlight: number;
  videoMaxInFlight: number;
  /** Same as `connections`, for the video server. */
  videoConnections: number;
}

export class ServerStats {
  inFlight = 0;
  maxInFlight = 0;
  connections = 0;
  private readonly seen = new WeakSet<Socket>();

  /** Count a request from its arrival until its response closes (finished or aborted). */
  track(socket: Socket, res: ServerResponse): void {
    if (!this.seen.has(socket)) {
      this.seen.add(socket);
      this.connections += 1;
    }
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    res.once('close', () => {
      this.inFlight -= 1;
    });
  }

  /**
   * Start counting afresh: the peak becomes the current load and `connections`
   * counts only connections opened from now on (a kept-alive socket from
   * before the reset is not counted again).
   */
  reset(): void {
    this.maxInFlight = this.inFlight;
    this.connections = 0;
  }
}
