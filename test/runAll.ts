/*
 * `npm test`: every tier in one run. Unit tests (plain Node mocha) first, then the
 * integration suite inside a real VS Code 1.100.3 (code-server + headless Chromium),
 * then the browser end-to-end suite that clicks through the workbench.
 * Closes with one `N passed, N failed` line summing the tiers, for CI.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { runE2e } from './e2e/run';
import { runIntegrationTests } from './host/runCodeServerTests';

interface TierResult {
  name: string;
  passed: number;
  failed: number;
}

function runUnitTests(): Promise<TierResult> {
  const mocha = new Mocha({ timeout: 20_000, reporter: 'spec', forbidOnly: true, forbidPending: true });
  const root = path.join(__dirname, 'unit');
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      return e.isDirectory() ? walk(p) : e.name.endsWith('.test.js') ? [p] : [];
    });
  for (const file of walk(root).sort()) mocha.addFile(file);
  return new Promise((resolve) => {
    const runner = mocha.run(() => resolve({ name: 'unit', passed: runner.stats?.passes ?? 0, failed: runner.stats?.failures ?? 0 }));
  });
}

/** Runs one tier; a tier that cannot even start counts as one failure. */
async function runTier(name: string, title: string, run: () => Promise<{ passed: number; failed: number }>): Promise<TierResult> {
  console.log(`\n=== ${title} ===`);
  try {
    const r = await run();
    return { name, passed: r.passed, failed: r.failed };
  } catch (e) {
    console.error(`${name} tier could not run:`, e);
    return { name, passed: 0, failed: 1 };
  }
}

async function main(): Promise<number> {
  const tiers: TierResult[] = [];
  console.log('\n=== Unit tests (plain Node) ===');
  tiers.push(await runUnitTests());
  tiers.push(await runTier('integration', 'Integration tests (inside VS Code 1.100.3)', runIntegrationTests));
  tiers.push(await runTier('e2e', 'Browser end-to-end (workbench in headless Chromium)', runE2e));
  console.log('');
  for (const t of tiers) console.log(`${t.name}: ${t.passed} passed, ${t.failed} failed`);
  const passed = tiers.reduce((n, t) => n + t.passed, 0);
  const failed = tiers.reduce((n, t) => n + t.failed, 0);
  const ranNothing = tiers.some((t) => t.passed + t.failed === 0);
  if (ranNothing) console.error('a tier ran no tests');
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && !ranNothing ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
