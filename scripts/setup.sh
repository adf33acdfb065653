#!/usr/bin/env bash
# Installs what building, serving and testing need on a fresh Debian machine
# with Rust and Node 20 (see ../shared/toolchain.md for why each piece and
# version). Idempotent and non-interactive: each step is skipped when the
# right version is already there, so a second run takes about a second.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130 # must equal the wasm-bindgen pin in Cargo.toml and Trunk.toml
export PATH="$HOME/.cargo/bin:$PATH"

say() { echo "setup: $*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Debian packages: the browser for every browser test, its driver for
# wasm-bindgen-test, brotli for the size budget.
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v brotli >/dev/null || missing+=(brotli)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]} from Debian"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
  echo "setup: Node 20 or newer is needed (found: $(node --version 2>/dev/null || echo none))" >&2
  exit 1
fi

rustup target list --installed | grep -qx wasm32-unknown-unknown || {
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
}
for component in clippy rustfmt; do
  rustup component list --installed | grep -q "^$component" ||
    rustup component add "$component" || {
      echo "setup: rustup could not add $component; the gate needs it" >&2
      exit 1
    }
done
# rust-toolchain.toml names the installed stable channel; the project is
# tested with this version of it. Another stable may well work, but the
# gate's figures (size, times) were taken with this one, so say so.
TESTED_RUST=1.95.0
found_rust=$(rustc --version | cut -d' ' -f2)
if [ "$found_rust" != "$TESTED_RUST" ]; then
  say "note: rustc $found_rust here; the project is tested with $TESTED_RUST"
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 6 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ] ||
  ! command -v wasm-bindgen-test-runner >/dev/null; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes)"
  # Not --locked: its lock file pins a crate the registry mirror lacks.
  cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION" --force
fi

# npm packages (playwright-core, axe, lighthouse, binaryen's wasm-opt, esbuild), exactly
# as locked; redone only when package-lock.json changes.
stamp=node_modules/.package-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" >"$stamp"
fi

say "ready (trunk $TRUNK_VERSION, wasm-bindgen $WASM_BINDGEN_VERSION, $(chromium --version 2>/dev/null | tail -n1))"
