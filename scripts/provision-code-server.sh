#!/usr/bin/env bash
# Installs VS Code 1.100.3 (code-server 4.100.3, from the npm registry) into a
# git-ignored cache folder, so tests and the demo run in a real VS Code without
# downloading anything but npm packages. Idempotent: a marker file records success.
# Needs Debian packages: libkrb5-dev ripgrep (and chromium to drive it).
set -euo pipefail
VERSION="${CODE_SERVER_VERSION:-4.100.3}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CACHE="${VEO_VSCODE_CACHE:-$ROOT/.vscode-test/code-server-$VERSION}"
MARKER="$CACHE/.provisioned"
if [ -f "$MARKER" ]; then exit 0; fi

log() { echo "[provision] $*" >&2; }
command -v rg >/dev/null || { log "ripgrep (rg) is missing: apt-get install ripgrep"; exit 1; }

mkdir -p "$CACHE"
cd "$CACHE"
[ -f package.json ] || echo '{"name":"veo-code-server-cache","private":true}' > package.json
log "installing code-server@$VERSION into $CACHE"
npm install --no-audit --no-fund --ignore-scripts --loglevel=error "code-server@$VERSION"

VSCODE="$CACHE/node_modules/code-server/lib/vscode"
cd "$VSCODE"
log "installing VS Code server dependencies"
npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error
log "building native modules"
npm_config_yes=true npm rebuild --loglevel=error kerberos node-pty @parcel/watcher @vscode/deviceid @vscode/spdlog native-watchdog
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
[ -e node_modules.asar ] || ln -s node_modules node_modules.asar

log "installing built-in extensions' dependencies"
cd "$VSCODE/extensions"
npm install --omit=dev --no-audit --no-fund --loglevel=error

cd "$CACHE"
npm rebuild --loglevel=error argon2
touch "$MARKER"
log "done"
