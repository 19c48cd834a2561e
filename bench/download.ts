// Bench 1: download throughput and memory. The extension's downloadVideo (in a child
// process of its own) versus `curl -s -o FILE URL`, on the same simulator URL on loopback
// (the simulator in a third process), alternating which goes first, N rounds per size.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import type { DownloadChildResult } from './downloadChild';
import type { Figure } from './lib/figure';
import { fixed, median, MiB } from './lib/stats';
import { SimProcess } from './lib/simProcess';

const run = promisify(execFile);

export interface DownloadBenchOptions {
  sizes: Array<{ label: string; bytes: number }>;
  rounds: number;
  log(line: string): void;
}

export const DEFAULT_SIZES = [
  { label: '100 MiB', bytes: 100 * MiB },
  { label: '1 GiB', bytes: 1024 * MiB },
];

function tempDir(): string {
  const base = fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
  return fs.mkdtempSync(path.join(base, 'veo-bench-dl-'));
}

async function extensionDownload(url: string, dest: string, warmUrl: string): Promise<DownloadChildResult> {
  const child = path.join(__dirname, 'downloadChild.js');
  const { stdout } = await run(process.execPath, ['--expose-gc', child, url, dest, warmUrl], { maxBuffer: 1024 * 1024 });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '') as DownloadChildResult;
}

async function curlDownload(url: string, dest: string): Promise<{ seconds: number; bytes: number }> {
  // -w prints curl's own transfer time (from name lookup to the last byte), so the
  // curl process start-up is not counted, as node's start-up is not counted either.
  const { stdout } = await run('curl', ['-s', '-o', dest, '-w', '%{time_total} %{size_download}', url]);
  const [seconds, bytes] = stdout.trim().split(/\s+/).map(Number);
  return { seconds, bytes };
}

export async function downloadBench(options: DownloadBenchOptions): Promise<Figure[]> {
  const section = '1 download';
  const figures: Figure[] = [];
  const dir = tempDir();
  const sim = await SimProcess.start();
  try {
    const [warm] = await sim.addTasks(1, { queuedMs: 0, processingMs: 0, videoBytes: MiB });
    for (const size of options.sizes) {
      const [task] = await sim.addTasks(1, { queuedMs: 0, processingMs: 0, videoBytes: size.bytes });
      const ext: DownloadChildResult[] = [];
      const curl: Array<{ seconds: number }> = [];
      for (let round = 0; round < options.rounds; round++) {
        const order = round % 2 === 0 ? ['ext', 'curl'] : ['curl', 'ext'];
        for (const who of order) {
          const dest = path.join(dir, `${who}-${round}.mp4`);
          if (who === 'ext') {
            const r = await extensionDownload(task.videoUrl, dest, warm.videoUrl);
            if (r.bytes !== size.bytes || fs.statSync(dest).size !== size.bytes) throw new Error(`extension got ${r.bytes} of ${size.bytes} bytes`);
            ext.push(r);
          } else {
            const r = await curlDownload(task.videoUrl, dest);
            if (r.bytes !== size.bytes) throw new Error(`curl got ${r.bytes} of ${size.bytes} bytes`);
            curl.push(r);
          }
          fs.rmSync(dest, { force: true });
          fs.rmSync(`${dest}.part`, { force: true });
        }
        const last = ext[ext.length - 1];
        options.log(
          `  download ${size.label} round ${round + 1}/${options.rounds}: extension ${fixed(last.seconds, 2)} s, curl ${fixed(curl[curl.length - 1].seconds, 2)} s, RSS +${fixed((last.peakRss - last.baselineRss) / MiB)} MiB`,
        );
      }
      const extS = median(ext.map((r) => r.seconds));
      const curlS = median(curl.map((r) => r.seconds));
      const extRate = size.bytes / MiB / extS;
      const curlRate = size.bytes / MiB / curlS;
      // Ratio of throughputs per round (paired rounds), then the median of those.
      const ratios = ext.map((r, i) => curl[i].seconds / r.seconds);
      const ratio = median(ratios);
      const growth = median(ext.map((r) => r.peakRss - r.baselineRss)) / MiB;
      const growthMax = Math.max(...ext.map((r) => r.peakRss - r.baselineRss)) / MiB;
      const kernelGrowth = median(ext.map((r) => r.maxRss - r.baselineRss)) / MiB;
      const rounds = `median of ${options.rounds} rounds, alternating order`;
      figures.push(
        { section, name: `${size.label}: extension downloadVideo`, value: `${fixed(extS, 2)} s, ${fixed(extRate, 0)} MiB/s`, basis: `${rounds}; own process, after a 1 MiB warm-up download; loopback, sim in its own process, file on ${dir.startsWith('/dev/shm') ? 'tmpfs' : 'tmpdir'}` },
        { section, name: `${size.label}: curl -s -o FILE`, value: `${fixed(curlS, 2)} s, ${fixed(curlRate, 0)} MiB/s`, basis: `${rounds}; same URL; curl's time_total` },
        {
          section,
          name: `${size.label}: throughput extension / curl`,
          value: `${fixed(ratio, 2)}x`,
          goal: '>= 0.95x',
          met: ratio >= 0.95,
          basis: `median of ${options.rounds} paired rounds (per round: curl s / extension s); range ${fixed(Math.min(...ratios), 2)}-${fixed(Math.max(...ratios), 2)}x`,
        },
        {
          section,
          name: `${size.label}: peak RSS growth of the downloading process`,
          value: `${fixed(growth, 1)} MiB`,
          goal: '< 64 MiB',
          met: growthMax < 64,
          basis: `median of ${options.rounds} (max ${fixed(growthMax, 1)}); RSS sampled every 5 ms minus RSS just before (after warm-up + GC); kernel maxrss says +${fixed(kernelGrowth, 1)}`,
        },
      );
    }
  } finally {
    await sim.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
