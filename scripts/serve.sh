#!/usr/bin/env bash
# Installs what is missing, then serves a development build that rebuilds on
# every change. Debug builds carry no service worker, so what you see is
# always what you just built. PORT=9000 picks another port.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

port=${PORT:-8080}
cargo fetch --locked
echo "Serving the app at http://127.0.0.1:$port/ (Ctrl-C stops; the first build takes about a minute)"
exec trunk serve --offline=true --port "$port"
