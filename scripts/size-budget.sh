#!/usr/bin/env bash
# Size budget: the brotli size of everything a first visit downloads. The page
# loads index.html, the JS glue, the wasm and the CSS; the service worker then
# fetches sw.js and precaches the rest of the build (manifest, icons,
# 404.html), so every file of dist/ counts, once each. Images go over the
# wire as they are (hosts do not recompress PNGs), so they count raw.
#
# Two numbers. The goal from issue 3 is 200 KB for html + js + wasm + css,
# printed with how far off it is. The hard cap, which fails the gate, is on
# everything, icons and service worker included. The goal was set when the
# app was a stub; with the engine, storage and every screen, html + js +
# wasm + css is about 203 KB (239 KB before the work of session 3), so the
# cap sits a little above today's total of everything and stops any
# regression while the size work (README, "Size") goes on.
#
#   bash scripts/size-budget.sh [dist] [cap-bytes]
set -euo pipefail

dist=${1:-dist}
goal=200000      # issue 3's budget
budget=${2:-218000} # the hard cap the gate enforces, on everything
command -v brotli >/dev/null || { echo "size-budget: brotli is missing (run scripts/setup.sh)" >&2; exit 1; }
[ -f "$dist/index.html" ] || { echo "size-budget: no build in $dist (run bash scripts/build-release.sh)" >&2; exit 1; }

total_raw=0
total_br=0
core_br=0 # html + js + wasm + css: what the first paint and start-up need
printf '%-48s %10s %10s\n' "file" "bytes" "sent"
while IFS= read -r -d '' file; do
  raw=$(wc -c <"$file")
  case "$file" in
    *.png) br=$raw ;;
    *) br=$(brotli -c -q 11 -- "$file" | wc -c) ;;
  esac
  total_raw=$((total_raw + raw))
  total_br=$((total_br + br))
  case "$file" in *.html | *.js | *.wasm | *.css) core_br=$((core_br + br)) ;; esac
  printf '%-48s %10d %10d\n' "${file#"$dist"/}" "$raw" "$br"
done < <(find "$dist" -type f -print0 | sort -z)
printf '%-48s %10d %10d\n' "total (sent: brotli, images raw)" "$total_raw" "$total_br"
echo "html + js + wasm + css: $core_br B brotli (issue 3's goal: $goal B)"
if [ "$core_br" -gt "$goal" ]; then
  echo "size-budget: $((core_br - goal)) B over the ${goal} B goal (not yet met)"
fi
echo "first visit, everything: $total_br B (brotli, images raw; cap $budget B)"

if [ "$total_br" -gt "$budget" ]; then
  echo "size-budget: over budget by $((total_br - budget)) B" >&2
  exit 1
fi
echo "size-budget: within budget, $((budget - total_br)) B to spare"
