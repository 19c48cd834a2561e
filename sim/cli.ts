/**
 * Run the simulator by hand (or for the demo):
 *
 *   node out/test/sim/cli.js [--port 8787] [--video-port N] [--host H] [--key K]
 *                            [--base-path P] [--ttl-ms N] [--speed X] [--demo]
 *
 * Uses the 'real' clock (sped up by --speed). Prints labelled lines:
 *   VEO simulator API:   http://127.0.0.1:8787/kyyReactApiServer
 *   VEO simulator video: http://127.0.0.1:8788
 *   API key: sim-...
 *   Control API: http://127.0.0.1:8787/__sim/state
 *   Demo task <label>: <id>            (with --demo, one line per task)
 * and runs until SIGINT/SIGTERM.
 */
import { randomUUID } from 'node:crypto';
import { type SimTask, VeoSimulator, type SimulatorOptions } from './simulator';

export interface CliOptions {
  port: number;
  videoPort: number;
  host: string;
  apiKey?: string;
  basePath?: string;
  videoTtlMs?: number;
  speed: number;
  demo: boolean;
  help: boolean;
}

export const USAGE = `Usage: node out/test/sim/cli.js [options]
  --port N          API port (default 8787; 0 = any free port)
  --video-port N    video host port (default: API port + 1, or any free port when --port is 0)
  --host H          interface to bind (default 127.0.0.1)
  --key K           API key to accept (default: random sim-...)
  --base-path P     API base path (default /kyyReactApiServer)
  --ttl-ms N        video link lifetime after completion, ms (default 24 h)
  --speed X         simulated time runs X times faster than real time (default 1)
  --demo            add demo tasks (completed, failed, processing, queued, ...)
  --help            show this help
`;

export class CliError extends Error {}

function intFlag(name: string, value: string | undefined, min: number, max: number): number {
  const n = Number(value);
  if (value === undefined || value.trim() === '' || !Number.isInteger(n) || n < min || n > max) {
    throw new CliError(`${name} needs an integer from ${min} to ${max}, got ${value ?? 'nothing'}`);
  }
  return n;
}

export function parseCliArgs(argv: readonly string[]): CliOptions {
  const opts: CliOptions = { port: 8787, videoPort: -1, host: '127.0.0.1', speed: 1, demo: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let inline: string | undefined;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      inline = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new CliError(`${arg} needs a value`);
      return v;
    };
    switch (arg) {
      case '--port': opts.port = intFlag(arg, value(), 0, 65535); break;
      case '--video-port': opts.videoPort = intFlag(arg, value(), 0, 65535); break;
      case '--host': opts.host = value(); break;
      case '--key': opts.apiKey = value(); break;
      case '--base-path': opts.basePath = value(); break;
      case '--ttl-ms': opts.videoTtlMs = intFlag(arg, value(), 0, Number.MAX_SAFE_INTEGER); break;
      case '--speed': {
        const v = value();
        const n = Number(v);
        if (!Number.isFinite(n) || n <= 0) throw new CliError(`--speed needs a positive number, got ${v}`);
        opts.speed = n;
        break;
      }
      case '--demo': opts.demo = true; break;
      case '--help': case '-h': opts.help = true; break;
      default: throw new CliError(`unknown argument: ${argv[i]}`);
    }
  }
  if (opts.videoPort === -1) opts.videoPort = opts.port === 0 || opts.port === 65535 ? 0 : opts.port + 1;
  if (opts.port !== 0 && opts.port === opts.videoPort) throw new CliError('--port and --video-port must differ');
  return opts;
}

export interface DemoTasks {
  /** Finished a few minutes ago: video downloadable for ~24 h. */
  completed: SimTask;
  /** Link expires about 10 minutes after start. */
  expiringSoon: SimTask;
  /** Completed over a day ago: the link answers 403. */
  expired: SimTask;
  failed: SimTask;
  /** Processing now; completes about 60 s (sim time) after start. */
  processing: SimTask;
  /** Queued now; processing after 20 s, completed after 90 s (sim time). */
  queued: SimTask;
}

/** Seed tasks in every state, timed so a person can watch them move. */
export function seedDemoTasks(sim: VeoSimulator): DemoTasks {
  const now = sim.now();
  const sec = (ms: number): number => Math.floor(ms / 1000);
  const ttl = sim.videoTtlMs;
  return {
    completed: sim.addTask({ created: sec(now - 5 * 60_000), queuedMs: 20_000, processingMs: 100_000 }),
    expiringSoon: sim.addTask({
      id: `video_${randomUUID()}`, model: 'veo_3_1_pro', created: sec(now - ttl + 10 * 60_000 - 150_000), queuedMs: 30_000, processingMs: 120_000,
    }),
    expired: sim.addTask({ created: sec(now - ttl - 60 * 60_000), queuedMs: 30_000, processingMs: 120_000 }),
    failed: sim.addTask({ created: sec(now - 2 * 60_000), queuedMs: 10_000, processingMs: 30_000, outcome: 'failed', error: 'Content policy violation' }),
    processing: sim.addTask({ model: 'veo_3_1_fast_stable', created: sec(now - 10_000), queuedMs: 5_000, processingMs: 65_000 }),
    queued: sim.addTask({ model: 'veo_3_1_pro_stable', queuedMs: 20_000, processingMs: 70_000 }),
  };
}

export function simulatorOptions(opts: CliOptions): SimulatorOptions {
  return {
    apiPort: opts.port, videoPort: opts.videoPort, host: opts.host, apiKey: opts.apiKey, basePath: opts.basePath,
    videoTtlMs: opts.videoTtlMs, clock: 'real', speed: opts.speed,
  };
}

/** Start a simulator as the CLI would, print the banner through `print`, return it (caller closes). */
export async function startFromArgs(
  argv: readonly string[],
  print: (line: string) => void = (line) => console.log(line),
): Promise<{ sim: VeoSimulator; demo?: DemoTasks }> {
  const opts = parseCliArgs(argv);
  const sim = await VeoSimulator.start(simulatorOptions(opts));
  print(`VEO simulator API:   ${sim.apiBaseUrl}`);
  print(`VEO simulator video: ${sim.videoOrigin}`);
  print(`API key: ${sim.apiKey}`);
  print(`Control API: ${sim.apiOrigin}/__sim/state`);
  if (opts.speed !== 1) print(`Clock speed: ${opts.speed}x`);
  let demo: DemoTasks | undefined;
  if (opts.demo) {
    demo = seedDemoTasks(sim);
    for (const [label, task] of Object.entries(demo)) {
      print(`Demo task ${label}: ${task.id} (${task.statusAt(sim.now())})`);
    }
  }
  return { sim, demo };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  let opts: CliOptions;
  try {
    opts = parseCliArgs(argv);
  } catch (err) {
    if (!(err instanceof CliError)) throw err;
    process.stderr.write(`${err.message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (opts.help) {
    process.stdout.write(USAGE);
    return;
  }
  const { sim } = await startFromArgs(argv);
  console.log('Press Ctrl+C to stop.');
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the simulator`);
    void sim.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
