#!/usr/bin/env bash
# Assembles the self-hosting folder dist/vats-pilot/ from a release build (scripts/build.sh):
# the loader, both wasm builds with their glue (lean: embeds; full: JS API and data-src), CSS, iframe page and parent snippet, oEmbed, embed builder,
# the dataset and its JSON Schema, plus a package.json so `npm pack` there gives the npm package.
# Every text and wasm file gets precompressed .gz and .br siblings for static hosts; they are
# for the deploy folder only (package.json's `files` leaves them out of the npm package).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f www/pkg/vats_pilot_bg.wasm ]; then
  echo "package: www/pkg is missing; run scripts/build.sh first" >&2
  exit 1
fi

out=dist/vats-pilot
rm -rf "$out"
mkdir -p "$out/pkg"
for f in vats-pilot.js vats-pilot.js.map widget.css builder.css favicon.svg embed.html embed.js embed-parent.js page.css oembed.json builder.html builder.js pilot.schema.json pilot.json pilot-enterprises.csv; do
  cp "www/$f" "$out/$f"
done
cp www/pkg/vats_pilot.js www/pkg/vats_pilot_bg.wasm www/pkg/vats_pilot_lean.js www/pkg/vats_pilot_lean_bg.wasm "$out/pkg/"
cp packaging/npm/README.md "$out/README.md"

version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
dataset=$(node -e 'process.stdout.write(JSON.parse(require("fs").readFileSync("data/pilot.json","utf8")).version)')
sed -e "s/@VERSION@/$version/" -e "s/@DATASET@/$dataset/" packaging/npm/package.json >"$out/package.json"

# Precompressed .gz and .br siblings, as scripts/build.sh writes them (tools/size/compress.mjs).
find "$out" -type f \( -name '*.js' -o -name '*.map' -o -name '*.css' -o -name '*.html' -o -name '*.json' -o -name '*.wasm' -o -name '*.csv' -o -name '*.svg' \) \
  ! -name package.json -print0 | xargs -0 node tools/size/compress.mjs
echo "package: $out (vats-pilot $version, dataset $dataset)"
for f in pkg/vats_pilot_lean_bg.wasm pkg/vats_pilot_lean.js pkg/vats_pilot_bg.wasm pkg/vats_pilot.js vats-pilot.js; do
  printf '  %-24s %8d raw %8d gzip %8d brotli\n' "$f" "$(wc -c <"$out/$f")" "$(wc -c <"$out/$f.gz")" "$(wc -c <"$out/$f.br")"
done
