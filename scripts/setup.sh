#!/usr/bin/env bash
# Installs what the build (and, with --test, the test suite) needs, skipping what is present.
# Works on a fresh Debian machine that has only rustup and cargo. Nothing is downloaded from
# GitHub: every tool comes from crates.io, Debian or the npm registry.
#   scripts/setup.sh          build tools: wasm32 target, wasm-pack, wasm-bindgen-cli, Node.js
#                             and tools/build from npm (minifiers, wasm-opt)
#   scripts/setup.sh --test   also Chromium, ChromeDriver, Firefox ESR, geckodriver, e2e npm deps
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_PACK_VERSION=0.15.1
want_test=0
[ "${1:-}" = "--test" ] && want_test=1

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if ! wasm-pack --version 2>/dev/null | grep -q "$WASM_PACK_VERSION"; then
  say "installing wasm-pack $WASM_PACK_VERSION from crates.io (about 5 minutes)"
  cargo install --locked wasm-pack --version "$WASM_PACK_VERSION"
fi

# wasm-bindgen-cli must be exactly the wasm-bindgen version in Cargo.lock, or wasm-pack
# tries to fetch one from GitHub.
[ -f Cargo.lock ] || cargo generate-lockfile
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WB_VERSION\$"; then
  say "installing wasm-bindgen-cli $WB_VERSION from crates.io (about 5 minutes)"
  cargo install --locked wasm-bindgen-cli --version "$WB_VERSION" \
    || cargo install wasm-bindgen-cli --version "$WB_VERSION"
fi

# Node.js and the build's tools (tools/build: terser, lightningcss, binaryen's wasm-opt), from
# Debian and the npm registry; installed again whenever the lock file changed since the last install.
. scripts/apt.sh
node_missing=()
command -v node >/dev/null || node_missing+=(nodejs)
command -v npm >/dev/null || node_missing+=(npm)
if [ "${#node_missing[@]}" -gt 0 ]; then
  say "installing Debian packages: ${node_missing[*]}"
  apt_install "${node_missing[@]}"
fi
if ! cmp -s tools/build/package-lock.json tools/build/node_modules/.installed-lock.json; then
  say "installing the build's minifiers and wasm-opt (npm ci in tools/build)"
  (cd tools/build && npm ci --no-audit --no-fund --loglevel=error && cp package-lock.json node_modules/.installed-lock.json)
fi

# Never Debian's binaryen: its wasm-opt silently breaks the output. wasm-pack's own wasm-opt
# step is off (Cargo.toml); scripts/build.sh runs binaryen 132's from tools/build (npm).

if [ "$want_test" = 1 ]; then
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v firefox >/dev/null || command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  # A CJK font, so that screenshots show the Chinese interface rather than empty boxes.
  [ -e /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || missing+=(fonts-wqy-zenhei)
  if [ "${#missing[@]}" -gt 0 ]; then
    say "installing Debian packages: ${missing[*]}"
    apt_install "${missing[@]}"
  fi
  if ! command -v geckodriver >/dev/null; then
    say "installing geckodriver from crates.io (about 3 minutes)"
    cargo install --locked geckodriver
  fi
  # Installed again whenever the lock file changed since the last install.
  if ! cmp -s tests/e2e/package-lock.json tests/e2e/node_modules/.installed-lock.json; then
    say "installing end-to-end test dependencies (npm ci)"
    (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error && cp package-lock.json node_modules/.installed-lock.json)
  fi
fi
say "tools ready"
