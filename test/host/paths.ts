import * as path from 'node:path';

/** Repository root, from `out/test/host/*.js`. */
export const repoRoot = path.resolve(__dirname, '../../..');
export const codeServerVersion = process.env.CODE_SERVER_VERSION ?? '4.100.3';
export const cacheDir = process.env.VEO_VSCODE_CACHE ?? path.join(repoRoot, '.vscode-test', `code-server-${codeServerVersion}`);
export const codeServerEntry = path.join(cacheDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const provisionScript = path.join(repoRoot, 'scripts', 'provision-code-server.sh');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
