// Loads the network bundle (undici + VeoClient) on first use, keeping it off activation.
import * as path from 'node:path';
import type * as Network from './network';
import { currentTranslation } from './util/l10n';

let loaded: typeof Network | undefined;

export function loadNetwork(): typeof Network {
  if (!loaded) {
    // `network.js` sits next to this file both in dist/ (esbuild) and out/src/ (tsc).
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a runtime path esbuild must not bundle
    loaded = require(path.join(__dirname, 'network.js')) as typeof Network;
    // The bundle carries its own copy of util/l10n: give it the translator activate() wired,
    // or its failure reasons would stay English (and its sizes English-formatted).
    loaded.setTranslator(...currentTranslation());
  }
  return loaded;
}
