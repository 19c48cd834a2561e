// A VeoSimulator (real clock) in its own process, driven over IPC by lib/simProcess.ts,
// so its CPU time and memory are not counted in the process being measured.
import { serveIpc } from './lib/ipc';
import { type Fault, type FaultTarget, type TaskSpec, VeoSimulator } from '../sim/simulator';

export interface SimInfo {
  apiBaseUrl: string;
  apiKey: string;
  videoOrigin: string;
}

/** What the parent needs of one recorded request. */
export interface RequestSummary {
  server: 'api' | 'video';
  taskId?: string;
  wallTime: number;
  status?: number;
}

async function main(): Promise<void> {
  const sim = await VeoSimulator.start({ clock: 'real' });
  serveIpc({
    info: (): SimInfo => ({ apiBaseUrl: sim.apiBaseUrl, apiKey: sim.apiKey, videoOrigin: sim.videoOrigin }),
    addTasks: (args) => {
      const { count, spec } = args as { count: number; spec: TaskSpec };
      return Array.from({ length: count }, () => {
        const task = sim.addTask(spec);
        return { id: task.id, videoUrl: sim.videoUrl(task) };
      });
    },
    stats: () => sim.stats,
    resetStats: () => sim.resetStats(),
    clearRequests: () => sim.clearRequests(),
    requests: (): RequestSummary[] =>
      sim.requests.map((r) => ({ server: r.server, taskId: r.taskId, wallTime: r.wallTime, status: r.status })),
    requestCount: () => sim.requests.length,
    injectFault: (args) => {
      const { fault, target } = args as { fault: Fault; target?: FaultTarget };
      sim.injectFault(fault, target);
    },
    close: async () => {
      await sim.close();
      setImmediate(() => process.exit(0));
    },
  });
  process.on('disconnect', () => void sim.close().then(() => process.exit(0)));
  process.send?.({ ready: true });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
