// Parent side of simChild.ts: a simulator in another process.
import { fork } from 'node:child_process';
import * as path from 'node:path';
import type { Fault, FaultTarget, SimStats, TaskSpec } from '../../sim/simulator';
import type { RequestSummary, SimInfo } from '../simChild';
import { IpcClient } from './ipc';

export class SimProcess {
  private constructor(
    private readonly ipc: IpcClient,
    private readonly child: ReturnType<typeof fork>,
    readonly info: SimInfo,
  ) {}

  static async start(): Promise<SimProcess> {
    const child = fork(path.join(__dirname, '..', 'simChild.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`simulator child exited with ${code}`)));
    });
    const ipc = new IpcClient(child);
    return new SimProcess(ipc, child, await ipc.call<SimInfo>('info'));
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  addTasks(count: number, spec: TaskSpec): Promise<Array<{ id: string; videoUrl: string }>> {
    return this.ipc.call('addTasks', { count, spec });
  }

  stats(): Promise<SimStats> {
    return this.ipc.call('stats');
  }

  resetStats(): Promise<void> {
    return this.ipc.call('resetStats');
  }

  clearRequests(): Promise<void> {
    return this.ipc.call('clearRequests');
  }

  requests(): Promise<RequestSummary[]> {
    return this.ipc.call('requests');
  }

  requestCount(): Promise<number> {
    return this.ipc.call('requestCount');
  }

  injectFault(fault: Fault, target?: FaultTarget): Promise<void> {
    return this.ipc.call('injectFault', { fault, target });
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    await this.ipc.call('close').catch(() => undefined);
    await exited;
  }
}
