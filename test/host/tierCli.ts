// The command line of one test tier (`node out/test/.../x.js [--host oldest|latest|all]`): runs
// it on each selected VS Code host, prints one `tier@version: N passed, N failed, N skipped`
// line per host, and exits 1 when a host failed, ran nothing or could not run.
import { provisionCodeServer } from './codeServer';
import { printFailures, TierNotes } from './failures';
import { describeHost, selectedHosts, TestHost, tierName } from './hosts';

export interface TierCounts extends TierNotes {
  passed: number;
  failed: number;
  skipped: number;
}

async function runOnHosts(tier: string, title: (host: string) => string, run: (host: TestHost) => Promise<TierCounts>): Promise<number> {
  let bad = 0;
  const lines: string[] = [];
  const notes: [string, TierNotes][] = [];
  for (const name of selectedHosts()) {
    try {
      const host = provisionCodeServer(name);
      console.log(`\n=== ${title(describeHost(host))} ===`);
      const r = await run(host);
      lines.push(`${tierName(tier, host)}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`);
      notes.push([tierName(tier, host), r]);
      if (r.failed > 0 || r.passed === 0) bad++;
    } catch (e) {
      console.error(`${tier} on the ${name} host could not run:`, e);
      lines.push(`${tierName(tier, name)}: could not run`);
      bad++;
    }
  }
  console.log('');
  for (const line of lines) console.log(line);
  for (const [name, n] of notes) printFailures(name, n);
  return bad === 0 ? 0 : 1;
}

/** Runs the tier on the hosts the command line names and exits with its code. */
export function tierCli(tier: string, title: (host: string) => string, run: (host: TestHost) => Promise<TierCounts>): void {
  runOnHosts(tier, title, run).then(
    (code) => process.exit(code),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
