#!/usr/bin/env bash
# Size budget: what a reader downloads on first load of an embedded widget (loader, stylesheet,
# JS glue, wasm of the lean build), gzip -9, must stay within the budget. Sizes are deterministic, so this is a
# test. Run after scripts/build.sh. To see where bytes went: scripts/size.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# Reached with the lean build, markup-first views, wasm-opt and minified loader, stylesheet
# and glue (191,100 B; the wasm alone 178,822 B) plus ~2 %; lower it when the widget shrinks.
BUDGET=${SIZE_BUDGET:-195000}
total=0
for f in www/vats-pilot.js www/widget.css www/pkg/vats_pilot_lean.js www/pkg/vats_pilot_lean_bg.wasm; do
  [ -f "$f" ] || { echo "size budget: $f is missing; run scripts/build.sh first" >&2; exit 1; }
  n=$(gzip -9 -c "$f" | wc -c)
  printf '  %-28s %8d bytes gzip\n' "$f" "$n"
  total=$((total + n))
done
if [ "$total" -gt "$BUDGET" ]; then
  echo "size budget exceeded: first load is $total bytes gzip, budget $BUDGET (+$((total - BUDGET)))." >&2
  echo "Run scripts/size.sh to see which part grew (wasm buckets from twiggy, first-load table)." >&2
  exit 1
fi
echo "size budget: first load $total bytes gzip, within $BUDGET ($((BUDGET - total)) to spare)"
