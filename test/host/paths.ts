import * as path from 'node:path';

/** Repository root, from `out/test/host/*.js`. */
export const repoRoot = path.resolve(__dirname, '../../..');
/** The VS Code hosts the tests run on: host name -> code-server version (the one place to bump them). */
export const hostsFile = path.join(repoRoot, 'scripts', 'vscode-hosts.json');
export const provisionScript = path.join(repoRoot, 'scripts', 'provision-code-server.sh');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
