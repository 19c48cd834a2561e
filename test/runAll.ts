/*
 * `npm test`: every tier in one run. Unit tests (plain Node mocha) first, then, on every
 * VS Code host of scripts/vscode-hosts.json (the oldest version engines.vscode allows and
 * the latest code-server), the integration suite inside that VS Code (code-server + headless
 * Chromium), the same VS Code in Simplified Chinese (integration-zh/run.ts) and the browser
 * end-to-end suite that clicks through its workbench, then the packaged `.vsix` installed into
 * that VS Code (first-run walkthrough, and the zh-cn tree and context menu; e2e/packaged.ts).
 * Closes with one `N passed, N failed, N skipped` line summing the tiers, for CI.
 *
 *   npm test [-- --host oldest|latest|all]   (or VEO_TEST_HOST; default all)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { runPackagedE2e } from './e2e/packaged';
import { runE2e } from './e2e/run';
import { provisionCodeServer } from './host/codeServer';
import { failureLine, printFailures, TierNotes } from './host/failures';
import { describeHost, selectedHosts, TestHost, tierName } from './host/hosts';
import { runIntegrationTests } from './host/runCodeServerTests';
import { runZhCnTests } from './integration-zh/run';

interface Counts extends TierNotes {
  passed: number;
  failed: number;
  skipped: number;
}

interface TierResult extends Counts {
  name: string;
  seconds: number;
}

function runUnitTests(): Promise<Counts> {
  const mocha = new Mocha({ timeout: 20_000, reporter: 'spec', forbidOnly: true, forbidPending: true });
  const root = path.join(__dirname, 'unit');
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      return e.isDirectory() ? walk(p) : e.name.endsWith('.test.js') ? [p] : [];
    });
  for (const file of walk(root).sort()) mocha.addFile(file);
  const failures: string[] = [];
  return new Promise((resolve) => {
    const runner = mocha.run(() =>
      resolve({ passed: runner.stats?.passes ?? 0, failed: runner.stats?.failures ?? 0, skipped: runner.stats?.pending ?? 0, failures }),
    );
    runner.on('fail', (test, err) => failures.push(failureLine(test.fullTitle(), err)));
  });
}

/** Runs one tier; a tier that cannot even start counts as one failure. */
async function runTier(name: string, title: string, run: () => Promise<Counts>): Promise<TierResult> {
  console.log(`\n=== ${title} ===`);
  const started = Date.now();
  const seconds = () => Math.round((Date.now() - started) / 1000);
  try {
    const r = await run();
    return { name, passed: r.passed, failed: r.failed, skipped: r.skipped, failures: r.failures, retried: r.retried, seconds: seconds() };
  } catch (e) {
    console.error(`${name} tier could not run:`, e);
    return { name, passed: 0, failed: 1, skipped: 0, failures: [failureLine('could not run', e)], seconds: seconds() };
  }
}

async function main(): Promise<number> {
  const names = selectedHosts();
  // Provisioning first (cached in .vscode-test/), so the log names every version up front.
  console.log('\n=== VS Code hosts ===');
  const hosts = new Map<string, TestHost | Error>();
  for (const name of names) {
    const started = Date.now();
    try {
      const host = provisionCodeServer(name);
      hosts.set(name, host);
      console.log(`${name}: ${describeHost(host)}, ready in ${Math.round((Date.now() - started) / 1000)} s`);
    } catch (e) {
      hosts.set(name, e instanceof Error ? e : new Error(String(e)));
      console.error(`${name}: could not be provisioned: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const onHost = (name: string, run: (host: TestHost) => Promise<Counts>) => async () => {
    const host = hosts.get(name);
    if (host instanceof Error || host === undefined) throw host ?? new Error(`no host ${name}`);
    return run(host);
  };
  const label = (name: string) => {
    const host = hosts.get(name);
    return host instanceof Error || host === undefined ? `the ${name} host (not provisioned)` : describeHost(host);
  };
  const tierOn = (tier: string, name: string) => {
    const host = hosts.get(name);
    return tierName(tier, host instanceof Error || host === undefined ? name : host);
  };

  const tiers: TierResult[] = [];
  tiers.push(await runTier('unit', 'Unit tests (plain Node)', runUnitTests));
  for (const name of names) {
    tiers.push(await runTier(tierOn('integration', name), `Integration tests inside ${label(name)}`, onHost(name, (host) => runIntegrationTests({ host }))));
  }
  for (const name of names) {
    tiers.push(await runTier(tierOn('integration-zh-cn', name), `zh-cn display language inside ${label(name)}`, onHost(name, (host) => runZhCnTests(host))));
  }
  for (const name of names) {
    tiers.push(await runTier(tierOn('e2e', name), `Browser end-to-end in ${label(name)}`, onHost(name, (host) => runE2e(host))));
  }
  for (const name of names) {
    tiers.push(await runTier(tierOn('e2e-vsix', name), `The installed .vsix (walkthrough, zh-cn) in ${label(name)}`, onHost(name, (host) => runPackagedE2e(host))));
  }
  console.log('');
  for (const t of tiers) console.log(`${t.name}: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped (${t.seconds} s)`);
  for (const t of tiers) printFailures(t.name, t);
  const sum = (k: 'passed' | 'failed' | 'skipped') => tiers.reduce((n, t) => n + t[k], 0);
  const ranNothing = tiers.filter((t) => t.passed + t.failed === 0);
  if (ranNothing.length) console.error(`ran no tests: ${ranNothing.map((t) => t.name).join(', ')}`);
  console.log(`${sum('passed')} passed, ${sum('failed')} failed, ${sum('skipped')} skipped`);
  return sum('failed') === 0 && ranNothing.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
