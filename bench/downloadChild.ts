// One download with the extension's own downloadVideo (compiled: out/src/download/downloadVideo.js),
// alone in this process so its RSS is its own. Run with --expose-gc.
// argv: <url> <destination> [warm-up url]. Prints one JSON line (DownloadChildResult) on stdout.
// The optional warm-up download (a small file, same host) loads and JIT-warms undici first,
// as in a running extension host; the measured download then starts from a GC'd heap.
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { downloadVideo } from '../src/download/downloadVideo';

export interface DownloadChildResult {
  seconds: number;
  bytes: number;
  /** RSS after loading the module and a GC, before the download. */
  baselineRss: number;
  /** Highest RSS sampled (every 5 ms) during the download. */
  peakRss: number;
  /** The kernel's peak RSS for the whole process (getrusage maxrss), bytes. */
  maxRss: number;
  samples: number;
}

async function main(): Promise<void> {
  const [url, destination, warmUrl] = process.argv.slice(2);
  if (warmUrl) {
    await downloadVideo({ url: warmUrl, destination: `${destination}.warm` });
    await fs.promises.rm(`${destination}.warm`, { force: true });
  }
  (globalThis as { gc?: () => void }).gc?.();
  const baselineRss = process.memoryUsage.rss();
  let peakRss = baselineRss;
  let samples = 0;
  const sampler = setInterval(() => {
    samples++;
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 5);
  const t0 = performance.now();
  const result = await downloadVideo({ url, destination });
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  const out: DownloadChildResult = {
    seconds,
    bytes: result.bytes,
    baselineRss,
    peakRss,
    maxRss: process.resourceUsage().maxRSS * 1024,
    samples,
  };
  process.stdout.write(JSON.stringify(out) + '\n');
  // The keep-alive connection of the module's Agent would hold the process open.
  process.exit(0);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
