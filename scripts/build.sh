#!/usr/bin/env bash
# Builds the release widget into www/pkg and prints what a reader downloads (raw and gzip).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

# The map geometry must match its Natural Earth inputs; a clone without ../shared/geo says so.
if [ -d ../shared/geo ]; then
  python3 tools/geo/build_map.py --check
else
  echo "map geometry not verified: ../shared/geo (the Natural Earth extracts) is not beside this clone"
fi
# The no-JS fallback in the pages and www/oembed.json, generated from the dataset.
cargo run --quiet --bin pages -- --public-url "${PUBLIC_URL:-http://127.0.0.1:8080/}"
# The dataset's JSON Schema, published next to the widget for newsrooms preparing a data-src file.
cargo run --quiet --bin vats-data -- schema --out www/pilot.schema.json
wasm-pack build --release --target web --no-typescript --no-pack --out-dir www/pkg
rm -f www/pkg/.gitignore

size() { # file label
  local raw gz
  raw=$(wc -c <"$1"); gz=$(gzip -9 -c "$1" | wc -c)
  printf '  %-28s %8d bytes raw %8d bytes gzip\n' "$2" "$raw" "$gz"
}
echo "sizes:"
size www/pkg/vats_pilot_bg.wasm "wasm"
size www/pkg/vats_pilot.js "JS glue"
for f in www/widget.css www/vats-pilot.js www/embed.js www/embed-parent.js; do
  [ -f "$f" ] && size "$f" "$(basename "$f")"
done
