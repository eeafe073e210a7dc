#!/usr/bin/env bash
# A screen-reader pass with Orca, headless: loads the built widget in Chromium under Xvfb,
# presses real keys with xdotool and writes down what Orca spoke after each one.
#   scripts/screen-reader.sh                        every scenario, English and Chinese (about 8 minutes)
#   scripts/screen-reader.sh --only tabs-en,checker-zh
#   scripts/screen-reader.sh --keep                 keep the temporary folder with Orca's debug log
# Transcripts: tests/screen-reader/transcripts/<scenario>-<lang>.txt and SUMMARY.md.
# Installs what is missing (Debian: orca, at-spi2-core, xvfb, dbus-x11, xdotool, chromium);
# needs the built widget (scripts/build.sh). Exits non-zero if Orca could not start or spoke nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[screen-reader]\033[0m %s\n' "$*"; }

. scripts/apt.sh
missing=()
[ -x /usr/bin/orca ] || missing+=(orca)
[ -x /usr/libexec/at-spi-bus-launcher ] || missing+=(at-spi2-core)
command -v Xvfb >/dev/null || missing+=(xvfb)
command -v dbus-launch >/dev/null || missing+=(dbus-x11)
command -v xdotool >/dev/null || missing+=(xdotool)
command -v chromium >/dev/null || missing+=(chromium)
# A CJK font, so that the Chinese interface is laid out as a reader sees it.
[ -e /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || missing+=(fonts-wqy-zenhei)
if [ "${#missing[@]}" -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  apt_install "${missing[@]}"
fi

if [ ! -f www/pkg/vats_pilot_lean_bg.wasm ] || [ ! -f www/vats-pilot.js ] || [ ! -f www/widget.css ]; then
  say "the built widget is missing (www/pkg/vats_pilot_lean_bg.wasm): run scripts/build.sh first" >&2
  exit 1
fi

# The built www/ on a free loopback port, for the length of the run.
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$PORT" --bind 127.0.0.1 --directory www >/dev/null 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/index.html" && break
  sleep 0.1
done
type=$(curl -sfI "http://127.0.0.1:$PORT/pkg/vats_pilot_lean_bg.wasm" | tr -d '\r' | awk -F': ' 'tolower($1) == "content-type" { print $2 }')
if [ "$type" != "application/wasm" ]; then
  say "the server sends the wasm as '$type', not application/wasm" >&2
  exit 1
fi

say "Orca, Chromium and Xvfb on http://127.0.0.1:$PORT/ (about 3 minutes)"
python3 tools/screen-reader/listen.py --base "http://127.0.0.1:$PORT/" "$@"
