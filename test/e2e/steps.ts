// Runs browser end-to-end steps in order, as one user session: after a failure the later steps
// are skipped (they build on the earlier ones) and a screenshot and the workbench logs are kept.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { failureLine } from '../host/failures';
import { repoRoot } from '../host/paths';

export const RESULTS = path.join(repoRoot, 'test-results', 'e2e');

export interface E2eStep {
  name: string;
  run: () => Promise<void>;
}

export interface E2eResult {
  passed: number;
  failed: number;
  /** Steps not run because an earlier one failed. */
  skipped: number;
  /** `step: first line of the error`, for the run's closing summary. */
  failures?: string[];
}

export interface StepSession {
  page: Page;
  /** Names the failure folder, e.g. `1.100.3-step`. */
  label: string;
  serverLog: string;
  consoleLog: readonly string[];
}

export async function runSteps(steps: readonly E2eStep[], session: StepSession): Promise<E2eResult> {
  const result: E2eResult = { passed: 0, failed: 0, skipped: 0, failures: [] };
  for (const [i, step] of steps.entries()) {
    if (result.failed > 0) {
      console.log(`  - skipped: ${step.name}`);
      result.skipped++;
      continue;
    }
    const started = Date.now();
    try {
      await step.run();
      result.passed++;
      console.log(`  ✔ ${step.name} (${Date.now() - started} ms)`);
    } catch (e) {
      result.failed++;
      result.failures?.push(failureLine(step.name, e));
      console.log(`  ✖ ${step.name}\n    ${String(e).split('\n').join('\n    ')}`);
      const dir = await saveFailure(session, `${session.label}-${i + 1}`);
      console.log(`    screenshot and workbench logs: ${dir}`);
    }
  }
  return result;
}

async function saveFailure({ page, serverLog, consoleLog }: StepSession, step: string): Promise<string> {
  const dir = path.join(RESULTS, `failure-${step}-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, 'screenshot.png') }).catch(() => undefined);
  fs.writeFileSync(path.join(dir, 'browser-console.log'), consoleLog.join('\n'));
  if (fs.existsSync(serverLog)) fs.copyFileSync(serverLog, path.join(dir, 'code-server.log'));
  return dir;
}
