// Request/response over a forked child's IPC channel.
import type { ChildProcess } from 'node:child_process';

export interface IpcRequest {
  id: number;
  cmd: string;
  args?: unknown;
}

export type IpcReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

/** Serves requests sent by the parent (call in the child). */
export function serveIpc(handlers: Record<string, (args: unknown) => unknown>): void {
  process.on('message', (msg: IpcRequest) => {
    void (async () => {
      let reply: IpcReply;
      try {
        const handler = handlers[msg.cmd];
        if (!handler) throw new Error(`unknown command ${msg.cmd}`);
        reply = { id: msg.id, ok: true, result: await handler(msg.args) };
      } catch (e) {
        reply = { id: msg.id, ok: false, error: e instanceof Error ? e.stack ?? e.message : String(e) };
      }
      process.send?.(reply);
    })();
  });
}

/** Sends requests to a forked child (use in the parent). */
export class IpcClient {
  private next = 1;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();

  constructor(private readonly child: ChildProcess) {
    child.on('message', (reply: IpcReply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if (reply.ok) p.resolve(reply.result);
      else p.reject(new Error(reply.error));
    });
    child.once('exit', (code, signal) => {
      for (const p of this.pending.values()) p.reject(new Error(`child exited (${code ?? signal})`));
      this.pending.clear();
    });
  }

  call<T>(cmd: string, args?: unknown): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ id, cmd, args } satisfies IpcRequest);
    });
  }
}
