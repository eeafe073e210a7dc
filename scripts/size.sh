#!/usr/bin/env bash
# Where the widget's bytes go. Builds the lean wasm (what embeds load) once more with symbols (into target/size-symbols,
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
# The lean build: what an embed downloads (the full build adds the JS API and data-src).
CARGO_PROFILE_RELEASE_STRIP=false CARGO_TARGET_DIR="$target" \
  cargo rustc --quiet --lib --release --target wasm32-unknown-unknown --crate-type cdylib --no-default-features
wasm-bindgen --target web --no-typescript --out-dir "$out" "$target/wasm32-unknown-unknown/release/vats_pilot.wasm"
twiggy top -n 1000000 --format csv "$out/vats_pilot_bg.wasm" >"$out/top.csv"

SIZE_TARGET="$target" node tools/size/report.mjs "$out/top.csv" www/pkg/vats_pilot_lean_bg.wasm www/pkg/vats_pilot_lean.js www/widget.css www/vats-pilot.js
echo
echo "full build (loaded instead of the lean one for data-src, and by pages that use the JS API)"
for f in www/pkg/vats_pilot_bg.wasm www/pkg/vats_pilot.js; do
  printf '  %-24s %9d %9d\n' "${f#www/}" "$(wc -c <"$f")" "$(gzip -9 -c "$f" | wc -c)"
done
