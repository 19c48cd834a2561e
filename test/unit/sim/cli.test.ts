/**
 * The CLI: argument parsing, the banner, the demo tasks, and a real run
 * stopped with SIGTERM.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { CliError, parseCliArgs, seedDemoTasks, startFromArgs } from '../../../sim/cli';
import { VeoSimulator } from '../../../sim/simulator';
import { getResult, json, request } from './helpers';

describe('sim CLI', () => {
  it('parses flags with defaults', () => {
    assert.deepEqual(parseCliArgs([]), { port: 8787, videoPort: 8788, host: '127.0.0.1', speed: 1, demo: false, help: false });
    const o = parseCliArgs(['--port', '9000', '--video-port=9100', '--key', 'k1', '--demo', '--speed', '2.5', '--ttl-ms', '1000']);
    assert.deepEqual([o.port, o.videoPort, o.apiKey, o.demo, o.speed, o.videoTtlMs], [9000, 9100, 'k1', true, 2.5, 1000]);
    assert.equal(parseCliArgs(['--port', '0']).videoPort, 0);
    assert.throws(() => parseCliArgs(['--port', 'x']), CliError);
    assert.throws(() => parseCliArgs(['--speed', '0']), CliError);
    assert.throws(() => parseCliArgs(['--port', '9000', '--video-port', '9000']), CliError);
    assert.throws(() => parseCliArgs(['--wat']), CliError);
    assert.throws(() => parseCliArgs(['--key']), CliError);
  });

  it('prints labelled lines and seeds demo tasks in every state', async () => {
    const lines: string[] = [];
    const { sim, demo } = await startFromArgs(['--port', '0', '--key', 'demo-key', '--demo'], (l) => lines.push(l));
    try {
      assert.equal(sim.clock.kind, 'real');
      assert.equal(lines[0], `VEO simulator API:   ${sim.apiBaseUrl}`);
      assert.equal(lines[1], `VEO simulator video: ${sim.videoOrigin}`);
      assert.equal(lines[2], 'API key: demo-key');
      assert.ok(demo);
      const statuses: Record<string, string> = {};
      for (const [label, task] of Object.entries(demo)) {
        statuses[label] = (json(await getResult(sim, task.id)) as { status: string }).status;
        assert.ok(lines.some((l) => l.startsWith(`Demo task ${label}: ${task.id}`)), label);
      }
      assert.deepEqual(statuses, {
        completed: 'completed', expiringSoon: 'completed', expired: 'completed', failed: 'failed', processing: 'processing', queued: 'queued',
      });
      assert.equal((await request(sim.videoUrl(demo.completed), { method: 'HEAD' })).status, 200);
      assert.equal((await request(sim.videoUrl(demo.expired), { method: 'HEAD' })).status, 403);
      const left = sim.videoExpiresAt(demo.expiringSoon) - sim.now();
      assert.ok(left > 9 * 60_000 && left <= 10 * 60_000, `expiringSoon has ${left} ms left`);
      assert.ok(demo.processing.completedAtMs - sim.now() <= 90_000);
      assert.ok(demo.queued.completedAtMs - sim.now() <= 90_000);
    } finally {
      await sim.close();
    }
  });

  it('seedDemoTasks works on a manual-clock simulator too', async () => {
    const sim = await VeoSimulator.start();
    try {
      const demo = seedDemoTasks(sim);
      sim.advance(90_000);
      assert.equal(demo.queued.statusAt(sim.now()), 'completed');
      assert.equal(demo.processing.statusAt(sim.now()), 'completed');
    } finally {
      await sim.close();
    }
  });

  it('runs as a process and exits cleanly on SIGTERM', async function () {
    this.timeout(10_000);
    const cli = path.resolve(__dirname, '../../../sim/cli.js');
    const child = spawn(process.execPath, [cli, '--port', '0', '--key', 'proc-key'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const banner = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('Press Ctrl+C')) resolve(out);
      });
      child.once('exit', (code) => reject(new Error(`exited early (${code}): ${out}`)));
    });
    const api = /VEO simulator API: +(\S+)/.exec(banner)?.[1];
    assert.ok(api, banner);
    assert.match(banner, /^API key: proc-key$/m);
    assert.match(banner, /^VEO simulator video: http:\/\/127\.0\.0\.1:\d+$/m);
    const reply = await request(`${api}/v1/result/x`, { headers: { authorization: 'Bearer proc-key' } });
    assert.equal(reply.status, 404);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
  });
});
