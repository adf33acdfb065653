#!/usr/bin/env bash
# Size budget: the brotli size of everything a first visit downloads. The page
# loads index.html, the JS glue, the wasm and the CSS; the service worker then
# fetches sw.js and precaches the rest of the build (manifest, icons,
# 404.html), so every file of dist/ counts, once each. Images go over the
# wire as they are (hosts do not recompress PNGs), so they count raw.
#
# Two limits, both failing the gate (issue 15): html + js + wasm + css
# (every such file: index.html, 404.html, the JS glue, sw.js, the wasm and
# the stylesheet) at most 250,000 B, and everything a first visit
# downloads, icons, manifest and any separately loaded asset included, at
# most 330,000 B. The demonstrations (demos-<hash>.svg, issue 13) and the
# Learn pages (learn-<hash>.html, fetched when Learn is first opened) are
# such separate assets: fetched after the first paint and precached, so
# they count in everything but not in html + js + wasm + css; their own
# sizes are printed too. It also prints the distance of html + js + wasm + css to
# 200,000 B, the stretch goal, which does not fail the gate. README "Size"
# says where the bytes are.
#
#   bash scripts/size-budget.sh [dist]
set -euo pipefail

dist=${1:-dist}
goal=250000    # html + js + wasm + css
budget=330000  # everything a first visit downloads
stretch=200000 # html + js + wasm + css, the stretch goal
command -v brotli >/dev/null || { echo "size-budget: brotli is missing (run scripts/setup.sh)" >&2; exit 1; }
[ -f "$dist/index.html" ] || { echo "size-budget: no build in $dist (run bash scripts/build-release.sh)" >&2; exit 1; }

total_raw=0
total_br=0
core_br=0 # html + js + wasm + css: what the first paint and start-up need
demos_raw=0
demos_br=0 # the demonstrations file, loaded after the first paint
learn_br=0 # the Learn pages, loaded when Learn opens
printf '%-48s %10s %10s\n' "file" "bytes" "sent"
while IFS= read -r -d '' file; do
  raw=$(wc -c <"$file")
  case "$file" in
    *.png) br=$raw ;;
    *) br=$(brotli -c -q 11 -- "$file" | wc -c) ;;
  esac
  total_raw=$((total_raw + raw))
  total_br=$((total_br + br))
  case "${file##*/}" in
    demos-*.svg) demos_raw=$((demos_raw + raw)) demos_br=$((demos_br + br)) ;;
    learn-*.html) learn_br=$((learn_br + br)) ;;
    *.html | *.js | *.wasm | *.css) core_br=$((core_br + br)) ;;
  esac
  printf '%-48s %10d %10d\n' "${file#"$dist"/}" "$raw" "$br"
done < <(find "$dist" -type f -print0 | sort -z)
printf '%-48s %10d %10d\n' "total (sent: brotli, images raw)" "$total_raw" "$total_br"
echo "html + js + wasm + css: $core_br B brotli (budget $goal B)"
echo "first visit, everything: $total_br B (brotli, images raw; cap $budget B)"
echo "demonstrations (demos-*.svg, after the first paint): $demos_br B brotli ($demos_raw B raw)"
echo "Learn pages (learn-*.html, when Learn opens): $learn_br B brotli"

status=0
if [ "$core_br" -gt "$goal" ]; then
  echo "size-budget: html + js + wasm + css is $((core_br - goal)) B over its $goal B budget" >&2
  status=1
else
  echo "size-budget: html + js + wasm + css within budget, $((goal - core_br)) B to spare"
fi
if [ "$core_br" -gt "$stretch" ]; then
  echo "size-budget: stretch goal: html + js + wasm + css is $((core_br - stretch)) B above $stretch B"
else
  echo "size-budget: stretch goal: html + js + wasm + css is $((stretch - core_br)) B under $stretch B"
fi
if [ "$total_br" -gt "$budget" ]; then
  echo "size-budget: everything is $((total_br - budget)) B over its $budget B cap" >&2
  status=1
else
  echo "size-budget: everything within its cap, $((budget - total_br)) B to spare"
fi
exit $status
