/*
 * `npm start`: the extension running against the VEO simulator, in a real VS Code
 * (a cached code-server), opened from any browser. Needs no real API key.
 *
 *   npm start -- --host latest   which VS Code (a key of scripts/vscode-hosts.json; default oldest)
 *   VEO_DEMO_PORT (default 8080): the workbench port; the simulator takes 8787/8788
 *   (VEO_SIM_PORT to change).
 *
 * The extension is the `.vsix` `npm run package` built, installed into the throwaway profile
 * as a user installs it, so the same URL works on every host and in any browser.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { provisionCodeServer, startCodeServer } from '../host/codeServer';
import { selectedHosts } from '../host/hosts';
import { repoRoot } from '../host/paths';
import { seedDemoTasks } from '../../sim/cli';
import { VeoSimulator } from '../../sim/simulator';

async function main(): Promise<void> {
  const host = provisionCodeServer(selectedHosts()[0]);
  const vsix = path.join(repoRoot, 'veo-tasks.vsix');
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} is missing: run npm run package first`);
  const sim = await VeoSimulator.start({ clock: 'real', apiPort: Number(process.env.VEO_SIM_PORT ?? 8787), videoPort: 0 });
  const demo = seedDemoTasks(sim);
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'veo-demo-'));
  const server = await startCodeServer({
    host,
    installVsix: vsix,
    port: Number(process.env.VEO_DEMO_PORT ?? 8080),
    settings: { 'veo.baseUrl': sim.apiBaseUrl, 'veo.pollIntervalSeconds': 10 },
  });
  const url = `${server.url}/?folder=${encodeURIComponent(workspace)}`;
  const ids = Object.values(demo).map((t) => t.id);
  console.log(`
VEO Tasks demo is running in VS Code ${host.vscode} (Ctrl+C to stop).

  Open VS Code:     ${url}
  Simulator API:    ${sim.apiBaseUrl}   (veo.baseUrl is already set to it)
  Simulator key:    ${sim.apiKey}

Next:
  1. Click the VEO icon in the activity bar, then "Set API Key", and paste the key above.
  2. Run "VEO: Track Task..." (F1) and paste these ids:
     ${ids.join(' ')}
  3. Watch them: queued -> processing -> completed / failed, one notification each.
`);
  const stop = async () => {
    await server.close();
    await sim.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
