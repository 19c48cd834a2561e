// Runs bench/vscode/index.ts inside VS Code 1.100.3 (code-server, headless Chromium) with the
// integration runner, and returns the figures it wrote.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runIntegrationTests } from '../test/host/runCodeServerTests';
import type { Figure } from './lib/figure';

export async function vscodeBench(): Promise<{ figures: Figure[]; error?: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veo-bench-vscode-'));
  const file = path.join(dir, 'figures.json');
  try {
    // VS Code warns on every write of a large extension state; print the first, count them all.
    const largeState: string[] = [];
    const result = await runIntegrationTests({
      testsPath: path.join(__dirname, 'vscode', 'index.js'),
      extraEnv: { VEO_BENCH_RESULTS: file },
      filterLog: (line) => {
        if (!/\[mainThreadStorage\] large extension state detected/.test(line)) return true;
        largeState.push(line);
        return largeState.length === 1;
      },
    });
    let written: { figures: Figure[]; error?: string } = { figures: [] };
    try {
      written = JSON.parse(fs.readFileSync(file, 'utf8')) as typeof written;
    } catch {
      return { figures: [], error: `the VS Code bench wrote no figures (exit code ${result.exitCode})` };
    }
    if (result.exitCode !== 0 && !written.error) written.error = `VS Code exited with code ${result.exitCode}`;
    const sizes = largeState.map((l) => Number(/([\d.]+)\s*kb/i.exec(l)?.[1] ?? NaN)).filter(Number.isFinite);
    written.figures.push({
      section: '5 tree updates',
      name: "VS Code 'large extension state' warnings",
      value: String(largeState.length),
      goal: '0',
      met: largeState.length === 0,
      basis: `lines "[mainThreadStorage] large extension state detected (extensionId: ..., global: ...): N kb" (VS Code's ExtensionStorageService, logged in the workbench whenever it reads an extension's state over 512 KiB: at start and after every write of it) in the workbench and extension host log of the whole VS Code bench, 10,000 tasks stored${sizes.length ? ` (state: ${Math.round(Math.max(...sizes))} KB)` : ''}`,
    });
    return written;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
