// Loads the network bundle (undici + VeoClient) on first use, keeping it off activation.
import * as path from 'node:path';
import type * as Network from './network';

let loaded: typeof Network | undefined;

export function loadNetwork(): typeof Network {
  // `network.js` sits next to this file both in dist/ (esbuild) and out/src/ (tsc).
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a runtime path esbuild must not bundle
  loaded ??= require(path.join(__dirname, 'network.js')) as typeof Network;
  return loaded;
}
