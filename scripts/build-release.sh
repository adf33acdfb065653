#!/usr/bin/env bash
# The release build: what the gate tests, the size budget measures and Pages
# deploys. A plain stable build (rust-toolchain.toml): no nightly features,
# no RUSTC_BOOTSTRAP, no rebuilt standard library, so it builds the same way
# on any machine with the pinned toolchain and a registry to fetch from.
# Size comes from the release profile (opt-level "z", LTO, one codegen
# unit), .cargo/config.toml's erase_components, wasm-opt through Trunk, and
# scripts/minify.mjs after it (README "Size").
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
# Trunk's offline mode passes --offline to cargo: fetch what the lock names
# first, so a fresh machine's empty registry cache is filled here rather
# than failing the build.
cargo fetch --locked
exec trunk build --release --offline=true "$@"
