#!/usr/bin/env bash
# Builds the release widget and serves www/ on http://127.0.0.1:8080 (Ctrl-C stops).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
PORT="${PORT:-8080}"
echo
echo "Serving www/ at http://127.0.0.1:$PORT/  (article page: http://127.0.0.1:$PORT/article.html)"
# Python's http.server sends application/wasm for .wasm files.
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory www
