/*
 * The zh-cn run's suite module, in the extension host (VEO_SUITE_MODULE): waits until the
 * runner has read the workbench (run.ts writes VEO_ZH_UI_DONE), then runs every `*.test.js`
 * next to this file and writes the counts to VEO_TEST_RESULTS, as the integration suite does.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

const UI_WAIT_MS = 5 * 60_000;

async function uiDone(): Promise<void> {
  const file = process.env.VEO_ZH_UI_DONE;
  const deadline = Date.now() + UI_WAIT_MS;
  while (file && !fs.existsSync(file) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
}

export async function run(): Promise<void> {
  await uiDone();
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec', forbidOnly: true, forbidPending: true });
  for (const f of fs.readdirSync(__dirname).filter((n) => n.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, f));
  await new Promise<void>((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const resultsFile = process.env.VEO_TEST_RESULTS;
      if (resultsFile) fs.writeFileSync(resultsFile, JSON.stringify({ passed: runner.stats?.passes ?? 0, failed: failures }));
      if (failures > 0) reject(new Error(`${failures} zh-cn test(s) failed`));
      else resolve();
    });
  });
}
