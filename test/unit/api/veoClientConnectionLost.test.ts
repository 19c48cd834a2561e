// VeoClient when the connection dies under a request: a peer that resets it (TCP RST) and one
// that closes it before answering. A raw loopback server (node:net) does either on the first
// bytes of the request; the simulator's own `reset` fault reaches undici as a body shorter
// than its Content-Length, so these two codes needed a server of their own.
import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import { VeoClient } from '../../../src/api/veoClient';

/** A server that ends every connection on its first bytes: with a reset, or with a plain close. */
async function dyingServer(how: 'reset' | 'close'): Promise<{ baseUrl: string; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.once('data', () => (how === 'reset' ? socket.resetAndDestroy() : socket.end()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

describe('VeoClient: a connection that dies under the request', () => {
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of closers.splice(0)) await c();
  });

  const outcomeWith = async (how: 'reset' | 'close') => {
    const server = await dyingServer(how);
    const client = new VeoClient({ baseUrl: server.baseUrl, timeoutMs: 10_000 });
    closers.push(server.close, () => client.close());
    return { query: await client.getTask('vgen_1', 'key'), create: await client.createTask({ model: 'veo_3_1_fast', prompt: 'a cat' }, 'key') };
  };

  it('a reset (ECONNRESET) reads "connection lost"; a create it cut may have reached the server', async () => {
    const { query, create } = await outcomeWith('reset');
    assert.deepEqual(query, { kind: 'error', message: 'connection lost (ECONNRESET)' });
    assert.deepEqual(create, { kind: 'error', message: 'connection lost (ECONNRESET)', unsure: true });
  });

  it('a close before any answer (UND_ERR_SOCKET) reads "connection lost" too', async () => {
    const { query, create } = await outcomeWith('close');
    assert.deepEqual(query, { kind: 'error', message: 'connection lost (UND_ERR_SOCKET)' });
    assert.deepEqual(create, { kind: 'error', message: 'connection lost (UND_ERR_SOCKET)', unsure: true });
  });
});
