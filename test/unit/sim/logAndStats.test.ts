/**
 * The request log and the connection / concurrency counters.
 */
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import { auth, getResult, request, resultUrl, useSim } from './helpers';

describe('sim request log', () => {
  const ctx = useSim();

  it('records both servers in order with raw path, lowercased headers and sim time', async () => {
    const { sim } = ctx;
    const task = sim.addTask({ id: 'id with space', queuedMs: 0, processingMs: 0 });
    const t0 = sim.now();
    await request(resultUrl(sim, task.id), { headers: { ...auth(sim), 'X-Custom-Thing': 'Yes' } });
    sim.advance(5_000);
    const wallBefore = Date.now();
    await request(sim.videoUrl(task), { headers: { Range: 'bytes=0-0' } });
    const [api, video] = sim.requests;
    assert.equal(sim.requests.length, 2);
    assert.equal(api.server, 'api');
    assert.equal(api.method, 'GET');
    assert.equal(api.path, '/kyyReactApiServer/v1/result/id%20with%20space');
    assert.equal(api.headers.authorization, `Bearer ${sim.apiKey}`);
    assert.equal(api.headers['x-custom-thing'], 'Yes');
    assert.equal(api.time, t0);
    assert.equal(api.taskId, 'id with space');
    assert.equal(api.status, 200);
    assert.equal(video.server, 'video');
    assert.equal(video.seq, api.seq + 1);
    assert.equal(video.time, t0 + 5_000);
    assert.ok(video.wallTime >= wallBefore);
    assert.ok(video.path.startsWith('/videos/id%20with%20space.mp4?expires='));
    assert.equal(video.headers.range, 'bytes=0-0');
    assert.equal(video.headers.authorization, undefined);
    assert.equal(video.taskId, 'id with space');
    assert.equal(video.status, 206);
  });

  it('clearRequests empties the log but sequence numbers keep growing', async () => {
    const { sim } = ctx;
    await getResult(sim, 'a');
    await getResult(sim, 'b');
    sim.clearRequests();
    assert.equal(sim.requests.length, 0);
    await getResult(sim, 'c');
    assert.deepEqual(sim.requests.map((r) => [r.seq, r.taskId, r.status]), [[3, 'c', 404]]);
  });

  it('does not record control API requests', async () => {
    const { sim } = ctx;
    await request(`${sim.apiOrigin}/__sim/state`);
    await request(`${sim.apiOrigin}/__sim/advance`, { method: 'POST', body: '{"ms":1}' });
    assert.equal(sim.requests.length, 0);
    assert.equal(sim.stats.connections, 0);
  });
});

describe('sim stats', () => {
  const ctx = useSim();

  it('counts peak concurrency of API requests', async () => {
    const { sim } = ctx;
    const id = sim.addTask().id;
    sim.injectFault({ kind: 'delay', ms: 80 }, { times: 3 });
    await Promise.all([getResult(sim, id), getResult(sim, id), getResult(sim, id)]);
    assert.equal(sim.stats.maxInFlight, 3);
    assert.equal(sim.stats.inFlight, 0);
    sim.resetStats();
    assert.equal(sim.stats.maxInFlight, 0);
    await getResult(sim, id);
    await getResult(sim, id);
    assert.equal(sim.stats.maxInFlight, 1);
  });

  it('counts TCP connections: keep-alive reuse is one, fresh connections are one each', async () => {
    const { sim } = ctx;
    const id = sim.addTask({ queuedMs: 0, processingMs: 0 }).id;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      for (let i = 0; i < 4; i++) await request(resultUrl(sim, id), { headers: auth(sim), agent });
      assert.equal(sim.stats.connections, 1);
      sim.resetStats();
      await request(resultUrl(sim, id), { headers: auth(sim), agent });
      assert.equal(sim.stats.connections, 0, 'a socket opened before resetStats() is not new');
      await getResult(sim, id);
      await getResult(sim, id);
      assert.equal(sim.stats.connections, 2);
      await request(sim.videoUrl(id), { method: 'HEAD' });
      assert.equal(sim.stats.videoConnections, 1);
      assert.equal(sim.stats.connections, 2);
    } finally {
      agent.destroy();
    }
  });
});
