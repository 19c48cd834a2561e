/*
 * `npm start`: the extension running against the VEO simulator, in a real VS Code
 * (the cached code-server), opened from any browser. Needs no real API key.
 *
 *   VEO_DEMO_PORT (default 8080): the workbench port; the simulator takes 8787/8788
 *   (VEO_SIM_PORT to change).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { provisionCodeServer, startCodeServer } from '../host/codeServer';
import { workbenchUrl } from '../host/workbench';
import { seedDemoTasks } from '../../sim/cli';
import { VeoSimulator } from '../../sim/simulator';

async function main(): Promise<void> {
  provisionCodeServer();
  const sim = await VeoSimulator.start({ clock: 'real', apiPort: Number(process.env.VEO_SIM_PORT ?? 8787), videoPort: 0 });
  const demo = seedDemoTasks(sim);
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'veo-demo-'));
  const server = await startCodeServer({
    port: Number(process.env.VEO_DEMO_PORT ?? 8080),
    settings: { 'veo.baseUrl': sim.apiBaseUrl, 'veo.pollIntervalSeconds': 10 },
  });
  const url = workbenchUrl({ host: server.host, folder: workspace });
  const ids = Object.values(demo).map((t) => t.id);
  console.log(`
VEO Tasks demo is running (Ctrl+C to stop).

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
