#!/usr/bin/env bash
# Runs every test: native core tests, browser tests in headless Chromium and Firefox
# (wasm-pack test), and end-to-end tests that drive Chromium against the served www/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
start=$(date +%s)
scripts/setup.sh --test

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "native tests (cargo test)"
cargo test --quiet

export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
export GECKODRIVER="${GECKODRIVER:-$(command -v geckodriver)}"
step "browser tests: headless Chromium"
wasm-pack test --headless --chrome
step "browser tests: headless Firefox"
wasm-pack test --headless --firefox

step "release build"
scripts/build.sh

step "self-hosting package: assemble dist/vats-pilot, check npm pack --dry-run"
scripts/package.sh
scripts/check-package.sh
step "size budget (first load, gzip)"
scripts/size-budget.sh

step "end-to-end tests (Playwright + Chromium)"
(cd tests/e2e && node --test --test-concurrency=1 ./*.test.mjs)

echo
echo "all test suites passed in $(( $(date +%s) - start )) s"
