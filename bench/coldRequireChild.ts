// Run in a fresh Node process: times `require(<bundle>)` with a stub `vscode` module, and
// says whether the network bundle or undici got loaded. argv: <bundle path>.
// Prints one JSON line (ColdRequireResult).
import Module from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

export interface ColdRequireResult {
  ms: number;
  networkLoaded: boolean;
  undiciLoaded: boolean;
}

/** Anything: a callable, constructible object whose every property is another such thing. */
function anything(): unknown {
  const target = function () {
    return undefined;
  };
  return new Proxy(target, {
    get: (_t, prop) => (prop === Symbol.toPrimitive ? () => '' : prop === 'then' ? undefined : anything()),
    apply: () => anything(),
    construct: () => anything() as object,
  });
}

const STUB = path.join(__dirname, '__vscode_stub__.js');

function installVscodeStub(): void {
  const M = Module as unknown as {
    _resolveFilename(request: string, ...rest: unknown[]): string;
    _cache: Record<string, unknown>;
  };
  const resolve = M._resolveFilename;
  M._resolveFilename = function (request: string, ...rest: unknown[]): string {
    return request === 'vscode' ? STUB : resolve.call(this, request, ...rest);
  };
  const stub = new Module(STUB);
  stub.filename = STUB;
  stub.loaded = true;
  stub.exports = anything();
  M._cache[STUB] = stub;
}

function main(): void {
  const bundle = path.resolve(process.argv[2]);
  installVscodeStub();
  const t0 = performance.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- what is being timed
  require(bundle);
  const ms = performance.now() - t0;
  const loaded = Object.keys(require.cache);
  const result: ColdRequireResult = {
    ms,
    networkLoaded: loaded.some((k) => path.basename(k) === 'network.js'),
    undiciLoaded: loaded.some((k) => k.includes(`${path.sep}undici${path.sep}`)),
  };
  process.stdout.write(JSON.stringify(result) + '\n');
}

main();
