/*
 * The VS Code versions the integration and e2e tiers run on. scripts/vscode-hosts.json
 * names them (host name -> code-server version, the one place to bump them): `oldest` is
 * the oldest version package.json's engines.vscode allows, `latest` the newest code-server
 * on the npm registry. scripts/provision-code-server.sh installs each into .vscode-test/.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hostsFile, provisionScript, repoRoot } from './paths';

export interface TestHost {
  /** Its key in scripts/vscode-hosts.json (`oldest`, `latest`). */
  name: string;
  codeServer: string;
  /** The VS Code version it is, e.g. `1.100.3`; tests see it as VEO_HOST_VERSION (and `vscode.version`). */
  vscode: string;
  /** The Node binary that runs it (each code-server release wants its own Node major). */
  node: string;
  nodeVersion: string;
  /** code-server's entry script. */
  entry: string;
}

/** The first line extensionTests.ts logs in the extension host once the tests start (the runner waits for it). */
export const TESTS_STARTED = 'Running in VS Code';

/** Host name -> code-server version, in the file's order. */
export function pinnedHosts(): Record<string, string> {
  return JSON.parse(fs.readFileSync(hostsFile, 'utf8')) as Record<string, string>;
}

/**
 * The hosts a run asks for: `--host NAME` (or `--host=NAME`) among the arguments, else the
 * VEO_TEST_HOST environment variable. NAME is a key of scripts/vscode-hosts.json, several
 * joined by commas, or `all` (the default).
 */
export function selectedHosts(argv: readonly string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): string[] {
  let spec = env.VEO_TEST_HOST;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--host') {
      spec = argv[++i];
      if (spec === undefined) throw new Error('--host needs a value');
    } else if (argv[i].startsWith('--host=')) spec = argv[i].slice('--host='.length);
  }
  const known = Object.keys(pinnedHosts());
  if (!spec || spec === 'all') return known;
  const names = [...new Set(spec.split(',').map((s) => s.trim()).filter(Boolean))];
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length > 0 || names.length === 0) throw unknownHost(spec, known);
  return names;
}

function unknownHost(spec: string, known: string[]): Error {
  return new Error(`unknown host "${spec}": choose one of ${[...known, 'all'].join(', ')} (see scripts/vscode-hosts.json)`);
}

/** The host for tools that run one VS Code (demo, bench): the first of VEO_TEST_HOST, else `oldest`. */
export function defaultHostName(): string {
  return process.env.VEO_TEST_HOST ? selectedHosts([])[0] : 'oldest';
}

/**
 * Installs the host into .vscode-test/ unless it is already there (provision-code-server.sh)
 * and describes it. For `oldest`, also checks that package.json claims exactly that version.
 */
export function provisionHost(name: string = defaultHostName()): TestHost {
  const known = Object.keys(pinnedHosts());
  if (!known.includes(name)) throw unknownHost(name, known);
  const out = execFileSync('bash', [provisionScript, name], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  const last = out.trim().split('\n').pop() ?? '';
  const host = { ...(JSON.parse(last) as TestHost), name };
  if (name === 'oldest') {
    const problem = enginesMismatch(host);
    if (problem) throw new Error(problem);
  }
  return host;
}

/** Why package.json does not claim exactly the oldest host's version, if it does not. */
export function enginesMismatch(oldest: TestHost): string | undefined {
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    engines?: { vscode?: string };
    devDependencies?: Record<string, string>;
  };
  const [major, minor] = oldest.vscode.split('.');
  const engines = `^${major}.${minor}.0`;
  const types = `~${major}.${minor}.0`;
  const problems: string[] = [];
  if (pkg.engines?.vscode !== engines) problems.push(`engines.vscode is "${pkg.engines?.vscode}", not "${engines}"`);
  if (pkg.devDependencies?.['@types/vscode'] !== types) problems.push(`@types/vscode is "${pkg.devDependencies?.['@types/vscode']}", not "${types}"`);
  if (problems.length === 0) return undefined;
  return `the oldest host tested is VS Code ${oldest.vscode}, but in package.json ${problems.join(' and ')}; they must claim exactly the oldest version tested`;
}

/** Environment every process of the host inherits (so the extension host and its tests). */
export function hostEnv(host: TestHost): Record<string, string> {
  return { VEO_HOST: host.name, VEO_HOST_VERSION: host.vscode };
}

/** e.g. `VS Code 1.100.3 (oldest: code-server 4.100.3 on Node v20.20.2)` */
export function describeHost(host: TestHost): string {
  return `VS Code ${host.vscode} (${host.name}: code-server ${host.codeServer} on Node ${host.nodeVersion})`;
}

/** A tier's name on one host, e.g. `integration@1.100.3`. */
export function tierName(tier: string, host: TestHost | string): string {
  return `${tier}@${typeof host === 'string' ? host : host.vscode}`;
}
