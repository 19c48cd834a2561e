/*
 * `npm run test:electron`: the same integration suite in desktop VS Code, through
 * @vscode/test-electron. It downloads VS Code from Microsoft's update service, so it
 * needs network access (CI here has none and uses runCodeServerTests instead).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { repoRoot } from './paths';

async function main(): Promise<void> {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'veo-electron-'));
  const resultsFile = path.join(workspace, 'results.json');
  await runTests({
    version: process.env.VSCODE_VERSION ?? '1.100.3',
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(repoRoot, 'out', 'test', 'integration', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    extensionTestsEnv: { VEO_TEST_RESULTS: resultsFile },
  });
  const { passed, failed } = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  console.log(`${passed} passed, ${failed} failed`);
}

main().catch((e) => {
  console.error('Integration tests in desktop VS Code failed (this runner needs network to download VS Code):', e);
  process.exit(1);
});
