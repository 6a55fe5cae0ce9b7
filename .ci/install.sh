#!/usr/bin/env bash
# Installs what the test matrix needs beyond the root devDependencies (`npm run setup`):
# Debian's Chromium for the browser smoke test, and the pinned runtimes (Node 22, Deno,
# Bun, workerd via miniflare) into tests/runtimes/node_modules, kept apart from the root
# so their `node` binary never shadows the project's Node in npm scripts.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ ! -x /usr/bin/chromium ]; then
  sudo=""
  if [ "$(id -u)" != "0" ]; then sudo="sudo"; fi
  echo "install.sh: installing Debian chromium"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
fi

echo "install.sh: installing test runtimes (tests/runtimes)"
npm ci --prefix tests/runtimes --no-audit --no-fund
