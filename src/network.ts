// Second bundle entry point: everything that loads undici. Required lazily (see
// `lazyNetwork.ts`) so activation does not pay for it.
export { VeoClient } from './api/veoClient';
export { probeVideoLink } from './download/probeLink';
export { downloadVideo } from './download/downloadVideo';
// Its own copy of the l10n seam (its failure reasons are translated), wired by lazyNetwork.ts.
export { setTranslator } from './util/l10n';
