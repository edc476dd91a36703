#!/usr/bin/env bash
# Load test of `heliogrid serve` on loopback with wrk (Debian's package, installed if missing):
# GET /v1/status (read token) and POST /v1/telemetry ingest of one reading (control token), each for
# DURATION seconds with 2 threads and 32 connections, while the control loop runs at 1 s intervals;
# then GET /v1/status again while telemetry is ingested at 100 batches/s (scripts/ingest-at-rate.py),
# the control intervals counted meanwhile.
# Then the idle/slow-client phase: IDLE connections (default 10,000; half silent, half sending half a
# request head, scripts/hold-connections.py) held against a service whose limits let it keep them
# (--max-connections 16384, idle and header timeouts 300 s), GET /v1/status measured meanwhile; and
# the same clients against the default limits, which close them all within the header timeout.
# Usage: scripts/load-test.sh [DURATION_SECONDS] [IDLE]
set -euo pipefail
duration="${1:-15}"
idle="${2:-10000}"
ulimit -n "$(ulimit -Hn)"
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"; $sudo_cmd apt-get install -y -qq wrk; }
swift build -c release --product heliogrid >/dev/null
bin=.build/release/heliogrid
work=$(mktemp -d)
trap 'kill $server ${holder:-} 2>/dev/null || true; rm -rf "$work"' EXIT
read_token=$($bin token create --scope read --db "$work/ems.sqlite")
control_token=$($bin token create --scope control --db "$work/ems.sqlite")
port=$((20000 + RANDOM % 20000))
# The ingest rate per token is raised: the first ingest phase measures storing, not refusing.
$bin serve --db "$work/ems.sqlite" --port "$port" --ingest-rate 1000000 >/dev/null 2>&1 &
server=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/metrics" >/dev/null && break; sleep 0.2; done
cat > "$work/ingest.lua" <<LUA
-- Each request a reading with a stamp of its own (threads take separate half hours of the last hour),
-- so every one is stored: re-sent stamps would be answered as duplicates.
local threads = 0
function setup(thread) thread:set("id", threads); threads = threads + 1 end
function init(args) base = os.time() * 1000 - 3600000 + id * 1800000; n = 0 end
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer $control_token"
wrk.headers["Content-Type"] = "application/json"
request = function()
  n = n + 1
  local body = string.format('{"readings":[{"timestamp_ms":%d,"load_kw":14000,"pv_available_kw":0,"pv_kw":0,"battery_kw":14000,"soc":0.5,"diesel_kw":0,"diesel_units":0,"grid_kw":0,"unserved_kw":0,"battery_online":true}]}', base + n)
  return wrk.format(nil, "/v1/telemetry", nil, body)
end
LUA
echo "== GET /v1/status"
wrk -t2 -c32 -d"${duration}s" --latency -H "Authorization: Bearer $read_token" "http://127.0.0.1:$port/v1/status"
echo "== POST /v1/telemetry (one reading per request)"
wrk -t2 -c32 -d"${duration}s" --latency -s "$work/ingest.lua" "http://127.0.0.1:$port/v1/telemetry"
echo "== GET /v1/status while telemetry is ingested at 100 batches/s"
before=$(curl -s "http://127.0.0.1:$port/metrics" | awk '/^heliogrid_control_ticks_total /{print $2}')
python3 scripts/ingest-at-rate.py "$port" "$control_token" 100 "$duration" > "$work/ingest.log" &
ingester=$!
wrk -t2 -c32 -d"${duration}s" --latency -H "Authorization: Bearer $read_token" "http://127.0.0.1:$port/v1/status"
wait "$ingester"
cat "$work/ingest.log"
echo "control intervals during the run: $(( $(curl -s "http://127.0.0.1:$port/metrics" | awk '/^heliogrid_control_ticks_total /{print $2}') - before )) in ${duration} s"
echo "== after the run"
curl -s -H "Authorization: Bearer $read_token" "http://127.0.0.1:$port/v1/status" | head -c 300; echo
curl -s "http://127.0.0.1:$port/metrics" | grep -E "^heliogrid_(control_ticks_total|telemetry_failures_total|safe_mode) "

ticks() { curl -s "http://127.0.0.1:$port/metrics" | awk '/^heliogrid_control_ticks_total /{print $2}'; }
hold() {  # hold $idle connections in the background until "holding N" is printed
    python3 scripts/hold-connections.py "$port" "$idle" > "$work/holder.log" 2>&1 &
    holder=$!
    until grep -q '^holding\|failed' "$work/holder.log"; do sleep 0.2; done
    head -1 "$work/holder.log"
}
restart() {  # restart the service on a new port with the given options
    kill "$server"; wait "$server" 2>/dev/null || true
    port=$((port + 1))
    $bin serve --db "$work/ems.sqlite" --port "$port" "$@" >/dev/null 2>&1 &
    server=$!
    for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/metrics" >/dev/null && break; sleep 0.2; done
}

echo "== GET /v1/status while $idle idle and slow-header connections are held (limits let the service keep them)"
restart --max-connections 16384 --idle-timeout 300 --header-timeout 300
hold
before=$(ticks)
wrk -t2 -c32 -d"${duration}s" --latency -H "Authorization: Bearer $read_token" "http://127.0.0.1:$port/v1/status"
echo "control intervals during the run: $(( $(ticks) - before )) in ${duration} s"
tail -1 "$work/holder.log"
kill "$holder"; wait "$holder" 2>/dev/null || true

echo "== the same clients against the default limits (max 4096 connections, header timeout 10 s, idle 15 s)"
restart
hold
for _ in $(seq 60); do grep -q " $idle of $idle closed" "$work/holder.log" && break; sleep 1; done
tail -1 "$work/holder.log"
curl -s -o /dev/null -w "GET /v1/status: %{http_code} in %{time_total} s\n" -H "Authorization: Bearer $read_token" "http://127.0.0.1:$port/v1/status"
kill "$holder"; wait "$holder" 2>/dev/null || true
