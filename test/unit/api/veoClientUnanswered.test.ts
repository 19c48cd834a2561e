// VeoClient when no answer comes: a server that reads the create request and never answers
// (the create timeout), a name that cannot be resolved for now (EAI_AGAIN), and a connection
// that never completes (undici's connect timeout). The look-ups go through the client's
// `connect.lookup` in place of DNS, so no name is ever sent to a real resolver; the request
// then takes Node's and undici's own failure paths. Whether a create "may have made a task"
// (`unsure`) must follow: only a request that never left the machine is sure.
import * as assert from 'node:assert/strict';
import type { LookupFunction } from 'node:net';
import * as net from 'node:net';
import { VeoClient } from '../../../src/api/veoClient';

const BODY = { model: 'veo_3_1_fast', prompt: 'a cat' };

/** A server that reads every request and never answers; `received` is what it read. */
async function silentServer(): Promise<{ baseUrl: string; received: () => string; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  let text = '';
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('data', (chunk) => (text += chunk.toString('latin1')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    received: () => text,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A resolver that fails the way getaddrinfo does when the DNS server cannot be asked right now. */
const unresolvable: LookupFunction = (hostname, _options, callback) =>
  process.nextTick(() => callback(Object.assign(new Error(`getaddrinfo EAI_AGAIN ${hostname}`), { code: 'EAI_AGAIN', syscall: 'getaddrinfo', hostname }), '', 4));

/** A resolver that never answers: the socket stays in its connecting state until undici gives up. */
const neverAnswers: LookupFunction = () => undefined;

describe('VeoClient: no answer', () => {
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of closers.splice(0)) await c();
  });

  it('a create the server never answers ends after the create timeout, and may have made a task', async () => {
    const server = await silentServer();
    const client = new VeoClient({ baseUrl: server.baseUrl, createTimeoutMs: 300 });
    closers.push(server.close, () => client.close());
    const outcome = await client.createTask(BODY, 'key');
    assert.match(server.received(), /^POST \/v1\/veo\/videos /, 'the request reached the server');
    assert.deepEqual(outcome, { kind: 'error', message: 'no answer within 0.3 s', unsure: true });
  });

  it('a name that cannot be resolved for now (EAI_AGAIN): an error, and sure that no task was made', async () => {
    const client = new VeoClient({ baseUrl: 'http://veo-api.test', connect: { lookup: unresolvable } });
    closers.push(() => client.close());
    const message = 'getaddrinfo EAI_AGAIN veo-api.test (EAI_AGAIN)';
    assert.deepEqual(await client.createTask(BODY, 'key'), { kind: 'error', message, unsure: false });
    assert.deepEqual(await client.getTask('vgen_1', 'key'), { kind: 'error', message });
  });

  it('a connection that never completes (UND_ERR_CONNECT_TIMEOUT): an error, and sure that no task was made', async () => {
    const client = new VeoClient({ baseUrl: 'http://veo-api.test', connect: { lookup: neverAnswers, timeout: 100 } });
    closers.push(() => client.close());
    const outcome = await client.createTask(BODY, 'key');
    assert.equal(outcome.kind, 'error');
    assert.equal(outcome.kind === 'error' && outcome.unsure, false, JSON.stringify(outcome));
    assert.match(outcome.kind === 'error' ? outcome.message : '', /^Connect Timeout Error .*\(UND_ERR_CONNECT_TIMEOUT\)$/);
  });

  it('a caller\'s own abort reason without a code is passed on as its message, nothing added', async () => {
    const server = await silentServer();
    const client = new VeoClient({ baseUrl: server.baseUrl });
    closers.push(server.close, () => client.close());
    const abort = new AbortController();
    abort.abort(new Error('stopped: the window closed'));
    assert.deepEqual(await client.getTask('vgen_1', 'key', abort.signal), { kind: 'error', message: 'stopped: the window closed' });
  });
});
