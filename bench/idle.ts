// Bench 3: idle cost. 1,000 tasks that are completed on the server: the poller asks each
// once, learns it is finished and forgets it; then 10 minutes of fake clock. What is left
// running: timers (the poller's own flag and the fake clock's pending timers) and requests.
// (The extension itself never hands finished tasks to the poller: PollingController's
// syncTracked() tracks only unfinished ones, which is the "0 timers from the start" case.)
import { VeoClient } from '../src/api/veoClient';
import { Poller } from '../src/polling/poller';
import { FakeClock } from '../test/unit/helpers/fakeClock';
import { VeoSimulator } from '../sim/simulator';
import type { Figure } from './lib/figure';

export async function idleBench(tasks: number): Promise<Figure[]> {
  const section = '3 idle';
  const sim = await VeoSimulator.start();
  const client = new VeoClient({ baseUrl: sim.apiBaseUrl });
  const clock = new FakeClock(sim.now());
  const poller = new Poller({
    clock,
    intervalMs: 30_000,
    query: (id, signal) => client.getTask(id, sim.apiKey, signal),
    onOutcome: () => undefined,
  });
  const settle = (): Promise<void> => poller.settled();
  try {
    const ids = Array.from({ length: tasks }, () => sim.addTask({ queuedMs: 0, processingMs: 0 }).id);
    const t0 = clock.now();
    for (const id of ids) poller.track(id);
    // Until the poller has asked every task once and forgotten it (bounded at 30 min of clock).
    while (poller.trackedIds().length > 0 && clock.now() - t0 < 30 * 60_000) await clock.advance(1_000, settle);
    const firstRoundS = (clock.now() - t0) / 1000;
    const firstRound = sim.requests.length;
    const stillTracked = poller.trackedIds().length;
    sim.clearRequests();
    await clock.advance(10 * 60_000, settle);
    const requests = sim.requests.length;
    const armed = poller.timerArmed;
    const pending = clock.pendingTimers;
    const basis = `${tasks} completed tasks, each asked once (${firstRound} requests, ${stillTracked} left tracked), then fake clock +10 min`;
    return [
      {
        section,
        name: `clock time to ask ${tasks} finished tasks once`,
        value: `${firstRoundS} s`,
        basis: `fake clock, interval 30 s (the spacing is meant to fit one round into half an interval, ${tasks} starts in 15 s); 1 s steps`,
      },
      { section, name: 'requests sent while idle (10 min)', value: String(requests), goal: '0', met: requests === 0, basis },
      {
        section,
        name: 'timers armed while idle',
        value: `poller.timerArmed=${armed}, fake clock pending=${pending}`,
        goal: 'none',
        met: !armed && pending === 0,
        basis,
      },
    ];
  } finally {
    poller.dispose();
    await client.close();
    await sim.close();
  }
}
