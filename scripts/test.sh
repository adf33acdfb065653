#!/usr/bin/env bash
# The one test command (README; .ci/run runs it). Everything that guards main,
# in order, each step announced and timed; it stops at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."

export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver # wasm-bindgen-test-runner: Chromium, not Firefox
export CHROME_PATH=/usr/bin/chromium      # lighthouse and the e2e tests
export CARGO_TERM_COLOR=never

steps=()
step() {
  local name=$1
  shift
  echo
  echo "=== $name: $*"
  local start=$SECONDS
  if ! "$@"; then
    echo "=== FAILED: $name ($((SECONDS - start)) s)" >&2
    summary
    echo "gate: ${#steps[@]} passed, 1 failed"
    exit 1
  fi
  steps+=("$(printf '%-22s %5d s' "$name" $((SECONDS - start)))")
}
summary() {
  echo
  echo "=== step times"
  for line in "${steps[@]}"; do echo "  $line"; done
  echo "  $(printf '%-22s %5d s' total "$SECONDS")"
}

step "setup" bash scripts/setup.sh
step "format" cargo fmt --all --check
step "clippy host" cargo clippy --locked --all-targets -- -D warnings
step "clippy wasm32" cargo clippy --locked --target wasm32-unknown-unknown --all-targets -- -D warnings
step "native tests" cargo test --locked
step "browser tests" cargo test --locked --target wasm32-unknown-unknown
step "fetch crates" cargo fetch --locked
step "release build" bash scripts/build-release.sh
step "size budget" bash scripts/size-budget.sh dist
step "end-to-end tests" node --test tests/e2e/
step "lighthouse" node scripts/lighthouse.mjs dist

summary
echo "gate: ${#steps[@]} passed, 0 failed"
