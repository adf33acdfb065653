#!/usr/bin/env bash
# The release build: what the gate tests, the size budget measures and Pages
# deploys. Every user downloads this wasm, so it is built for size:
# - the standard library is rebuilt with the app (-Zbuild-std) with its
#   size-optimised algorithms (optimize_for_size, e.g. a small sort), and
# - a panic stops at once (-Cpanic=immediate-abort) instead of formatting a
#   message nobody reads on a phone; this drops the panic text and its
#   formatting code from the binary.
# Together about 30 KB brotli off the first visit (README "Size"). Both are
# unstable flags, accepted by the stable toolchain with RUSTC_BOOTSTRAP=1;
# they need the rust-src component (scripts/setup.sh adds it). Native tests,
# clippy and `trunk serve` builds are plain stable builds.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
# RUSTFLAGS replaces .cargo/config.toml's rustflags, so erase_components is
# repeated here.
export RUSTFLAGS="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort"
# Its own target directory: the flags differ from every other build, and
# sharing one would rebuild the dependencies each time the two alternate.
export CARGO_TARGET_DIR="$PWD/target/size"
exec trunk build --release --offline=true "$@"
