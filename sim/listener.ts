/**
 * An http.Server that knows its sockets, so close() is immediate even with
 * kept-alive connections or responses stalled in a delay fault.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export class Listener {
  readonly server: Server;
  private readonly sockets = new Set<Socket>();

  constructor(handler: Handler) {
    this.server = createServer({ keepAliveTimeout: 5_000 }, (req, res) => {
      handler(req, res).catch((err: unknown) => {
        // A bug in the simulator: answer 500 if still possible, and say why.
        const message = err instanceof Error ? err.stack ?? err.message : String(err);
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
          res.end(`simulator error: ${message}\n`);
        } else {
          res.destroy();
        }
        process.emitWarning(`VEO simulator handler failed: ${message}`);
      });
    });
    this.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    // A client that sends garbage gets a 400 from Node; never crash the test run.
    this.server.on('clientError', (_err, socket: Socket) => {
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
      else socket.destroy();
    });
  }

  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const onError = (err: Error): void => reject(err);
      this.server.once('error', onError);
      this.server.listen(port, host, () => {
        this.server.off('error', onError);
        resolve((this.server.address() as AddressInfo).port);
      });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.server.listening) {
        resolve();
        return;
      }
      this.server.close(() => resolve());
      for (const socket of this.sockets) socket.destroy();
      this.sockets.clear();
    });
  }
}
