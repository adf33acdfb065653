#!/usr/bin/env bash
# Rebuilds every variant (host round-trip check, release wasm, wasm-bindgen,
# wasm-opt -Oz, brotli -q 11), times each in headless Chromium, and prints
# the table. Usage: bash tools/json-compare/run.sh [variant ...]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$here"
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$here/target}
out=$CARGO_TARGET_DIR/jc
variants=("$@")
if [ ${#variants[@]} -eq 0 ]; then
  variants=(baseline sj_stored sj_order sj_exact sj_lean sj_catchall swb miniserde serde_lite nanoserde)
fi
# binaryen 132 from the pinned npm packages (Debian's 108 breaks the wasm).
wasm_opt=${WASM_OPT:-}
for cand in "$root/node_modules/.bin/wasm-opt"; do
  [ -z "$wasm_opt" ] && [ -x "$cand" ] && wasm_opt=$cand
done
[ -n "$wasm_opt" ] || { echo "no wasm-opt: run npm ci at the repo root" >&2; exit 1; }
pw=$root
[ -d "$pw/node_modules/playwright-core" ] || { echo "no playwright-core: run npm ci at the repo root" >&2; exit 1; }
wasm-bindgen --version | grep -q '0.2.130' || { echo "needs wasm-bindgen 0.2.130" >&2; exit 1; }
"$wasm_opt" --version >&2

mkdir -p "$out"
nice -n 10 cargo run -q --release --bin inputs --features baseline -- "$out/in" >&2
# BUILD=0 times and tabulates what an earlier run built.
for v in "${variants[@]}"; do
  [ "${BUILD:-1}" = 0 ] && continue
  echo "== $v" >&2
  nice -n 10 cargo run -q --release --bin check --features "$v" -- "$out/in" > "$out/$v.check" 2>&1 || echo "check failed" >> "$out/$v.check"
  nice -n 10 cargo build -q --lib --release --target wasm32-unknown-unknown --features "$v"
  rm -rf "${out:?}/$v" && mkdir -p "$out/$v"
  wasm-bindgen --target web --out-dir "$out/$v" "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/json_compare.wasm"
  "$wasm_opt" -Oz "$out/$v/json_compare_bg.wasm" -o "$out/$v/json_compare_bg.wasm"
  brotli -q 11 -c "$out/$v/json_compare_bg.wasm" | wc -c > "$out/$v/brotli.txt"
  wc -c < "$out/$v/json_compare_bg.wasm" > "$out/$v/raw.txt"
done
nice -n 10 node runner.mjs "$out" "$out/in" "$pw" "${variants[@]}" > "$out/times.jsonl"
node table.mjs "$out" "${variants[@]}"
