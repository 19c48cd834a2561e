// VeoClient edges against the simulator (real sockets): the base path, the User-Agent, 3xx and
// 5xx answers, the body cap boundary, the caller's abort signal, close(), and how network
// errors are worded (a host that does not exist, a header undici refuses).
import * as assert from 'node:assert/strict';
import { USER_AGENT } from '../../../src/api/httpHeaders';
import { VeoClient } from '../../../src/api/veoClient';
import { VeoSimulator } from '../../../sim/simulator';

describe('VeoClient: edges against the simulator', () => {
  let sim: VeoSimulator;
  const clients: VeoClient[] = [];
  const client = (extra: { baseUrl?: string; maxBodyBytes?: number; userAgent?: string } = {}) => {
    const c = new VeoClient({ baseUrl: sim.apiBaseUrl, timeoutMs: 5_000, ...extra });
    clients.push(c);
    return c;
  };

  beforeEach(async () => {
    sim = await VeoSimulator.start();
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) await c.close();
    await sim.close();
  });

  it('drops every trailing slash of the base path', () => {
    assert.equal(client({ baseUrl: 'http://127.0.0.1:9/api/' }).resultPath('t1'), '/api/v1/result/t1');
    assert.equal(client({ baseUrl: 'http://127.0.0.1:9/api//' }).resultPath('t1'), '/api/v1/result/t1');
  });

  it('sends the default User-Agent, or the one given, and accept: application/json, on queries and creates', async () => {
    const t = sim.addTask({ queuedMs: 1e12 });
    await client().getTask(t.id, sim.apiKey);
    await client({ userAgent: 'custom-agent/1' }).getTask(t.id, sim.apiKey);
    await client({ userAgent: 'custom-agent/2' }).createTask({ model: 'veo_3_1_fast', prompt: 'a cat' }, sim.apiKey);
    const agents = sim.requests.filter((r) => r.server === 'api').map((r) => r.headers['user-agent']);
    assert.deepEqual(agents, [USER_AGENT, 'custom-agent/1', 'custom-agent/2']);
    assert.deepEqual(
      sim.requests.filter((r) => r.server === 'api').map((r) => r.headers.accept),
      ['application/json', 'application/json', 'application/json'],
    );
  });

  it('a 300 or a 500 answer is "HTTP <code>", not a parse of its body', async () => {
    const t = sim.addTask({ queuedMs: 1e12 });
    for (const code of [300, 500]) {
      sim.injectFault({ kind: 'status', code, body: 'json' }, { taskId: t.id, times: 1 });
      assert.deepEqual(await client().getTask(t.id, sim.apiKey), { kind: 'error', message: `HTTP ${code} from the VEO API` });
    }
  });

  it('accepts a body of exactly maxBodyBytes and refuses one byte less of room', async () => {
    const t = sim.addTask({ queuedMs: 1e12 });
    const res = await fetch(`${sim.apiBaseUrl}/v1/result/${t.id}`, { headers: { authorization: `Bearer ${sim.apiKey}` } });
    const size = Buffer.byteLength(await res.text());
    assert.equal((await client({ maxBodyBytes: size }).getTask(t.id, sim.apiKey)).kind, 'ok');
    const refused = await client({ maxBodyBytes: size - 1 }).getTask(t.id, sim.apiKey);
    assert.equal(refused.kind, 'error');
    assert.match(refused.kind === 'error' ? refused.message : '', /larger than/);
  });

  it("an already aborted caller's signal cancels the query", async () => {
    const t = sim.addTask({ queuedMs: 1e12 });
    const ac = new AbortController();
    ac.abort();
    assert.deepEqual(await client().getTask(t.id, sim.apiKey, ac.signal), { kind: 'error', message: 'request cancelled' });
  });

  it('after close() a query fails instead of being sent', async () => {
    const t = sim.addTask({ queuedMs: 1e12 });
    const c = client();
    await c.close();
    assert.equal((await c.getTask(t.id, sim.apiKey)).kind, 'error');
    assert.equal(sim.requests.length, 0);
  });

  it('a host that does not exist: "host not found", and a create there surely made no task', async () => {
    const c = client({ baseUrl: 'http://veo-tasks-test.invalid' });
    assert.deepEqual(await c.getTask('t1', 'key'), { kind: 'error', message: 'host not found (ENOTFOUND)' });
    const created = await c.createTask({ model: 'veo_3_1_fast', prompt: 'a cat' }, 'key');
    assert.equal(created.kind, 'error');
    assert.equal(created.kind === 'error' && created.unsure, false);
  });

  it("passes on undici's own message with its code (a key undici refuses as a header)", async () => {
    const o = await client().getTask('t1', 'bad\nkey');
    assert.deepEqual(o, { kind: 'error', message: 'invalid authorization header (UND_ERR_INVALID_ARG)' });
    assert.equal(sim.requests.length, 0);
  });
});
