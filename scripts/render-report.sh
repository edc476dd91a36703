#!/usr/bin/env bash
# Writes the report of a scenario and renders report.html in headless Chromium to report.png.
# Usage: scripts/render-report.sh [OUT_DIR] [SCENARIO] [extra heliogrid report options...]
# Needs Debian's chromium (installed here with apt-get if missing, as root or through sudo).
set -euo pipefail
out="${1:-/tmp/heliogrid-report}"
shift || true
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null; then
    sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq && $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core
fi
swift run -c release heliogrid report "$@" --out "$out"
# The page is about 12,500 px tall at 1200 px wide; the window is made tall enough to hold it.
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,14000 \
    --screenshot="$out/report.png" "file://$(realpath "$out")/report.html" 2>/dev/null
echo "rendered $out/report.png"
