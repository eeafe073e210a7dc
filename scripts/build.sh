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
# The embedded dataset must validate (build.rs embeds it; the browser does not check it again).
# It is then published next to the widget, as JSON and the enterprises as CSV: the files the
# footer's "Get the data" links to.
cargo run --quiet --bin vats-data -- publish data/pilot.json --out www
# Two builds of the cdylib alone, so `lto = true` applies (cargo drops LTO when the crate also
# builds an rlib, rust-lang/cargo#9672; the rlib stays in Cargo.toml for the browser tests):
#   pkg/vats_pilot_lean.*  the widget with its built-in dataset: what the embed loader, the
#                          iframe page and the standalone page load (the first load a reader pays)
#   pkg/vats_pilot.*       plus the JS API and the reader of newer datasets (data-src)
wasm="${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/vats_pilot.wasm"
rm -rf www/pkg
cargo rustc --quiet --lib --release --target wasm32-unknown-unknown --crate-type cdylib --no-default-features
wasm-bindgen --target web --no-typescript --out-dir www/pkg --out-name vats_pilot_lean "$wasm"
cargo rustc --quiet --lib --release --target wasm32-unknown-unknown --crate-type cdylib
wasm-bindgen --target web --no-typescript --out-dir www/pkg "$wasm"
# wasm-opt -Os (binaryen 132 from npm, in tools/build; never Debian's 108, which breaks the
# output): about 1.6 KB gzip off the lean wasm. `strip = true` removed the target_features
# section, so the features the wasm uses are named here. The e2e tests run on its output.
tools=tools/build/node_modules/.bin
for t in terser lightningcss wasm-opt; do
  if [ ! -x "$tools/$t" ]; then
    echo "build: $t is missing; run scripts/setup.sh (npm ci in tools/build)" >&2
    exit 1
  fi
done
for f in www/pkg/vats_pilot_bg.wasm www/pkg/vats_pilot_lean_bg.wasm; do
  "$tools/wasm-opt" -Os --enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue "$f" -o "$f"
done

# The loader and the stylesheet are written from their sources in www/src/, minified, and the
# wasm-bindgen glue is minified in place (terser, lightningcss: tools/build, installed by
# scripts/setup.sh). A reader's first load is ~6 KB gzip smaller; www/vats-pilot.js.map maps
# the loader back to its source for the browser's developer tools.
"$tools/terser" www/src/vats-pilot.js --module --compress --mangle \
  --source-map "url='vats-pilot.js.map',root='src/',includeSources" -o www/vats-pilot.js
"$tools/lightningcss" --minify www/src/widget.css -o www/widget.css
for f in www/pkg/vats_pilot.js www/pkg/vats_pilot_lean.js; do
  "$tools/terser" "$f" --module --compress --mangle -o "$f"
done

# Precompressed copies (FILE.gz, FILE.br) of what is served, for servers that send them as is.
if command -v node >/dev/null; then
  node tools/size/compress.mjs www/pkg/vats_pilot_bg.wasm www/pkg/vats_pilot.js www/pkg/vats_pilot_lean_bg.wasm www/pkg/vats_pilot_lean.js www/vats-pilot.js www/widget.css \
    www/page.css www/index.js www/embed.js www/embed-parent.js www/index.html www/article.html www/embed.html www/oembed.json \
    www/pilot.json www/pilot-enterprises.csv
else
  echo "note: node not found, so no .br/.gz copies were written (serve uncompressed or let the server compress)" >&2
fi

size() { # file label
  local raw gz
  raw=$(wc -c <"$1"); gz=$(gzip -9 -c "$1" | wc -c)
  printf '  %-28s %8d bytes raw %8d bytes gzip\n' "$2" "$raw" "$gz"
}
echo "sizes:"
size www/pkg/vats_pilot_lean_bg.wasm "wasm (lean: embeds)"
size www/pkg/vats_pilot_lean.js "JS glue (lean)"
size www/pkg/vats_pilot_bg.wasm "wasm (full: API, data-src)"
size www/pkg/vats_pilot.js "JS glue (full)"
for f in www/widget.css www/vats-pilot.js www/embed.js www/embed-parent.js; do
  [ -f "$f" ] && size "$f" "$(basename "$f")"
done
