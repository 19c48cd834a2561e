// `npm run bench`: every figure in one table. Benchmarks print figures; they never fail on
// timing. The exit code is 1 only when a bench crashed (its figures are then missing).
import * as os from 'node:os';
import { performance } from 'node:perf_hooks';
import { activationBench } from './activation';
import { DEFAULT_SIZES, downloadBench } from './download';
import { idleBench } from './idle';
import { vscodeBench } from './inVscode';
import type { Figure } from './lib/figure';
import { organiseBench } from './organise';
import { pollerBench } from './poller';
import { killBench, storeBench } from './store';
import { formatTable } from './table';
import { windowsBench } from './windows';

const ROUNDS = Number(process.env.VEO_BENCH_ROUNDS ?? 5);
/** Only these steps, by number (e.g. `VEO_BENCH_ONLY=6,7`); all when unset. */
const ONLY = process.env.VEO_BENCH_ONLY?.split(',').map((s) => s.trim()).filter(Boolean);

async function main(): Promise<number> {
  const started = performance.now();
  const figures: Figure[] = [];
  const errors: string[] = [];
  const log = (line: string): void => console.log(line);
  const step = async (name: string, bench: () => Promise<Figure[]>): Promise<void> => {
    if (ONLY && !name.split(' ')[0].split('/').some((n) => ONLY.includes(n))) return;
    const t0 = performance.now();
    console.log(`\n== ${name}`);
    try {
      figures.push(...(await bench()));
    } catch (e) {
      errors.push(`${name}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      console.error(`${name} crashed:`, e);
    }
    console.log(`   (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  };

  await step('1 download throughput and memory', () => downloadBench({ sizes: DEFAULT_SIZES, rounds: ROUNDS, log }));
  await step('2 poller at scale', () => pollerBench({ tasks: 1000, intervalMs: 5_000, intervals: 3, log }));
  await step('3 idle cost', () => idleBench(1000));
  await step('4 activation (outside VS Code)', () => activationBench(10));
  await step('6 task store on disk', () => storeBench(10_000, ROUNDS));
  await step('6 task store: kill -9 during a write', () => killBench(8));
  await step('8 organise 10,000 tasks', async () => organiseBench(10_000, ROUNDS));
  await step('7 several windows', () => windowsBench({ tasks: 200, intervalMs: 2_000, ttlMs: 1_500, intervals: 3, log }));
  await step('4/5 activation, render and updates inside VS Code', async () => {
    const r = await vscodeBench();
    if (r.error) errors.push(`inside VS Code: ${r.error}`);
    return r.figures;
  });

  const ordered = figures.map((f, i) => ({ f, i })).sort((a, b) => a.f.section.localeCompare(b.f.section) || a.i - b.i).map((x) => x.f);
  console.log(`\nVEO Tasks benchmarks (node ${process.version}, ${process.platform}/${process.arch}, ${os.cpus().length} CPUs), ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  console.log(formatTable(ordered));
  const missed = ordered.filter((f) => f.met === false);
  console.log(`\n${ordered.filter((f) => f.goal !== undefined).length} goals: ${ordered.filter((f) => f.met === true).length} met, ${missed.length} missed.`);
  if (errors.length) {
    console.error(`\n${errors.length} bench(es) crashed:\n${errors.join('\n')}`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
