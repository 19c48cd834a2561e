// Bench 4 (outside VS Code): bundle sizes, and the cold `require` of dist/extension.js in a
// fresh Node process with a stub `vscode`; dist/network.js the same way, for comparison.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import type { ColdRequireResult } from './coldRequireChild';
import type { Figure } from './lib/figure';
import { fixed, max, median, min } from './lib/stats';

const run = promisify(execFile);
const repoRoot = path.resolve(__dirname, '..', '..');
const dist = path.join(repoRoot, 'dist');

async function coldRequire(bundle: string): Promise<ColdRequireResult> {
  const { stdout } = await run(process.execPath, [path.join(__dirname, 'coldRequireChild.js'), bundle]);
  return JSON.parse(stdout.trim().split('\n').pop() ?? '') as ColdRequireResult;
}

export async function activationBench(rounds: number): Promise<Figure[]> {
  const section = '4 activation';
  const kib = (file: string): string => `${fixed(fs.statSync(path.join(dist, file)).size / 1024, 1)} KiB`;
  const ext: ColdRequireResult[] = [];
  const net: ColdRequireResult[] = [];
  // Alternating, so a slow moment of the machine hits both alike.
  for (let i = 0; i < rounds; i++) {
    ext.push(await coldRequire(path.join(dist, 'extension.js')));
    net.push(await coldRequire(path.join(dist, 'network.js')));
  }
  const ms = (rs: ColdRequireResult[]) => rs.map((r) => r.ms);
  const range = (rs: ColdRequireResult[]) => `range ${fixed(min(ms(rs)), 1)}-${fixed(max(ms(rs)), 1)} ms`;
  const extLoadsNet = ext.some((r) => r.networkLoaded || r.undiciLoaded);
  return [
    { section, name: 'size of dist/extension.js', value: kib('extension.js'), basis: 'production build (npm run build)' },
    { section, name: 'size of dist/network.js', value: kib('network.js'), basis: 'production build; loaded on first network use' },
    {
      section,
      name: 'cold require of dist/extension.js (stub vscode)',
      value: `${fixed(median(ms(ext)), 1)} ms`,
      basis: `median of ${rounds} fresh node processes; ${range(ext)}; network.js/undici loaded by it: ${extLoadsNet ? 'YES' : 'no'}`,
    },
    {
      section,
      name: 'cold require of dist/network.js (for comparison)',
      value: `${fixed(median(ms(net)), 1)} ms`,
      basis: `median of ${rounds} fresh node processes, alternating with the line above; ${range(net)}`,
    },
  ];
}
