#!/usr/bin/env bash
# Where the widget's bytes go. Builds the wasm once more with symbols (into target/size-symbols,
# so the shipping build's cache is untouched), prints a bucket table from `twiggy top`, then
# the first-load table (raw, gzip -9, brotli q11) of what a reader downloads from www/.
# Usage: scripts/size.sh            (runs scripts/build.sh first, so www/ matches the source)
#        scripts/size.sh --no-build (measures www/pkg as it is)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
command -v twiggy >/dev/null || { echo "twiggy is missing: cargo install twiggy" >&2; exit 1; }

[ "${1:-}" = "--no-build" ] || scripts/build.sh >/dev/null

target="${CARGO_TARGET_DIR:-target}/size-symbols"
out="$target/pkg"
CARGO_PROFILE_RELEASE_STRIP=false CARGO_TARGET_DIR="$target" \
  cargo rustc --quiet --lib --release --target wasm32-unknown-unknown --crate-type cdylib
wasm-bindgen --target web --no-typescript --out-dir "$out" "$target/wasm32-unknown-unknown/release/vats_pilot.wasm"
twiggy top -n 1000000 --format csv "$out/vats_pilot_bg.wasm" >"$out/top.csv"

SIZE_TARGET="$target" node tools/size/report.mjs "$out/top.csv" www/pkg/vats_pilot_bg.wasm www/pkg/vats_pilot.js www/widget.css www/vats-pilot.js
