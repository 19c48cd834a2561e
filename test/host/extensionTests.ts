/*
 * The `extensionTestsPath` the runner gives VS Code: it runs the suite module named by
 * VEO_SUITE_MODULE (default: the integration suite) and adds to the counts that suite writes
 * (VEO_TEST_RESULTS) what they leave out: how many tests were pending (skipped). It also
 * makes sure tests see the VS Code they really run in as VEO_HOST_VERSION, so a test of a
 * feature that needs a newer API can branch on it (or on `vscode.version`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { failureLine } from './failures';
import { TESTS_STARTED } from './hosts';

export async function run(): Promise<void> {
  const expected = process.env.VEO_HOST_VERSION;
  if (expected && expected !== vscode.version) {
    throw new Error(`the runner expected VS Code ${expected}, but this is VS Code ${vscode.version}`);
  }
  process.env.VEO_HOST_VERSION = vscode.version;
  console.log(`${TESTS_STARTED} ${vscode.version}${process.env.VEO_HOST ? ` (${process.env.VEO_HOST} host)` : ''}, extension host on Node ${process.version}`);

  // Every mocha run the suite starts, to read its statistics afterwards.
  const runners: Mocha.Runner[] = [];
  const failures: string[] = [];
  // Full title -> the first attempt's error, for tests that failed once; dropped if the test fails again.
  const retried = new Map<string, string>();
  const mochaRun = Mocha.prototype.run;
  Mocha.prototype.run = function (this: Mocha, ...args: Parameters<Mocha['run']>): Mocha.Runner {
    const runner = mochaRun.apply(this, args);
    runners.push(runner);
    runner.on('fail', (test: Mocha.Runnable, err: unknown) => {
      retried.delete(test.fullTitle());
      failures.push(failureLine(test.fullTitle(), err));
    });
    runner.on('retry', (test: Mocha.Runnable, err: unknown) => {
      if (!retried.has(test.fullTitle())) retried.set(test.fullTitle(), failureLine(test.fullTitle(), err));
    });
    return runner;
  };
  const suite = process.env.VEO_SUITE_MODULE ?? path.join(__dirname, '..', 'integration', 'index.js');
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    await (require(suite) as { run(): Promise<void> }).run();
  } finally {
    Mocha.prototype.run = mochaRun;
    addToResults(runners.reduce((n, r) => n + (r.stats?.pending ?? 0), 0), failures, [...retried.values()]);
  }
}

/**
 * Adds `pending` (unless the suite wrote it itself), the failed tests' titles and those of
 * tests that passed only when run again (their first error) to the suite's results file.
 */
function addToResults(pending: number, failures: string[], retried: string[]): void {
  const file = process.env.VEO_TEST_RESULTS;
  if (!file || !fs.existsSync(file)) return;
  const counts = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  fs.writeFileSync(file, JSON.stringify({ pending, ...counts, failures, retried }));
}
