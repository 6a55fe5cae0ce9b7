#!/usr/bin/env bash
# Installs what the test matrix needs beyond the root devDependencies (`npm run setup`),
# as any user, without root: the pinned runtimes (Node 22, Deno, Bun, workerd via
# miniflare) and a Chromium build from npm (@sparticuz/chromium, Linux x64) into
# tests/runtimes/node_modules, kept apart from the root so their `node` binary never
# shadows the project's Node in npm scripts and a plain `npm ci` stays small. Then it
# unpacks Chromium once (tests/runtimes/chromium.mjs). Set CHROMIUM_PATH to use another
# Chromium (macOS, other Linux).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

echo "install.sh: installing test runtimes and Chromium (tests/runtimes)"
npm ci --prefix tests/runtimes --no-audit --no-fund
echo "install.sh: Chromium at $(node tests/runtimes/chromium.mjs)"
