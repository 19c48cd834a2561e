// A Poller wired to a real simulator over sockets, with a fake clock. Shared by the poller tests.
import type { QueryOutcome } from '../../../src/api/queryOutcome';
import { VeoClient } from '../../../src/api/veoClient';
import { Poller, PollerOptions } from '../../../src/polling/poller';
import { VeoSimulator } from '../../../sim/simulator';
import { FakeClock } from '../helpers/fakeClock';

export const INTERVAL = 30_000;
export const FOREVER = 1e12;

export interface Seen {
  id: string;
  outcome: QueryOutcome;
  next: number | undefined;
  at: number;
}

export class PollerHarness {
  readonly clock = new FakeClock();
  readonly outcomes: Seen[] = [];
  poller: Poller | undefined;

  private constructor(
    readonly sim: VeoSimulator,
    readonly client: VeoClient,
  ) {}

  static async start(): Promise<PollerHarness> {
    const sim = await VeoSimulator.start();
    return new PollerHarness(sim, new VeoClient({ baseUrl: sim.apiBaseUrl, timeoutMs: 5_000 }));
  }

  startPoller(overrides: Partial<PollerOptions> = {}): Poller {
    this.poller = new Poller({
      clock: this.clock,
      intervalMs: INTERVAL,
      random: () => 0.5,
      query: (id, signal) => this.client.getTask(id, this.sim.apiKey, signal),
      onOutcome: (id, outcome, next) => this.outcomes.push({ id, outcome, next, at: this.clock.now() }),
      ...overrides,
    });
    return this.poller;
  }

  settle = (): Promise<void> => this.poller?.settled() ?? Promise.resolve();

  /** Moves the fake clock by `ms`, letting every request started on the way finish. */
  run(ms: number): Promise<void> {
    return this.clock.advance(ms, this.settle);
  }

  /** API requests about `id`, as the simulator received them. */
  requestsFor(id: string) {
    return this.sim.requests.filter((r) => r.server === 'api' && r.taskId === id);
  }

  async close(): Promise<void> {
    this.poller?.dispose();
    await this.client.close();
    await this.sim.close();
  }
}
