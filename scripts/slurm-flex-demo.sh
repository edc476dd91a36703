#!/usr/bin/env bash
# Flexible GPU jobs steered by the live EMS on a real Slurm (docs/compute.md): starts a single-node
# Slurm here (scripts/slurm-local.sh), runs `heliogrid serve` (MPC) on the simulated default campus at
# 360 times real time (a plant hour in 10 s), submits a mix of flexible jobs to the `flex`
# partition, held, each with its GPUs, plant hours and a deadline in its comment, and runs
# `heliogrid slurm-agent`, which asks the EMS where each job goes, releases it when its planned start
# comes and sets its power cap (a stand-in command here: no GPUs). Once every job is placed, a 25 %
# curtailment of two plant hours is posted (POST /v1/curtailments) starting ten plant minutes after
# the first planned start; the agent suspends, resumes or caps the running jobs as the EMS directs.
# Prints the agent's lines, "slurm flex curtailment: S suspended, R resumed, C capped" and
# "slurm flex: N held, M released, deadlines met", and succeeds when every job ran inside its
# deadline, none started while the EMS held it, and the curtailment suspended or capped a job.
#
#   scripts/slurm-flex-demo.sh            HELIOGRID: the binary to use (default: a release build,
#                                         built if missing); JOBS: how many jobs (default 6);
#                                         DISPATCH: the live EMS (default mpc: jobs go on its plan)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jobs="${JOBS:-6}"
dispatch="${DISPATCH:-mpc}"
bin="${HELIOGRID:-$root/.build/release/heliogrid}"
if [[ ! -x "$bin" ]]; then (cd "$root" && swift build -c release --product heliogrid >/dev/null); fi
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"   # jobs run in another folder

source "$root/scripts/slurm-local.sh"
port=18089
"$bin" token create --scope control --db "$work/ems.sqlite" --label slurm-agent >"$work/token"
# The plant clock starts at 20:00 on 15 July: the night comes first, and work waits for the sun.
"$bin" serve --plant simulated --dispatch "$dispatch" --start 2026-07-15T20:00:00-07:00 --speed 360 --interval 0.25 --db "$work/ems.sqlite" --port "$port" \
    >"$work/serve.log" 2>&1 &
serve=$!
trap 'kill "$serve" 2>/dev/null || true; slurm_local_cleanup' EXIT
token="$(cat "$work/token")"
api() {  # api PATH [JSON]: GET, or POST the JSON
    python3 -c 'import sys, urllib.request as u
body = sys.argv[3].encode() if len(sys.argv) > 3 else None
headers = {"Authorization": "Bearer " + sys.argv[2], "Content-Type": "application/json"}
try:
    print(u.urlopen(u.Request(sys.argv[1], data=body, headers=headers), timeout=5).read().decode())
except u.HTTPError as error:
    sys.exit(f"{sys.argv[1]}: HTTP {error.code}: {error.read().decode()}")' "http://127.0.0.1:$port$1" "$token" "${@:2}"
}
status() { api /v1/status; }
for _ in $(seq 600); do
    status >/dev/null 2>&1 && break
    kill -0 "$serve" 2>/dev/null || break
    sleep 0.1
done
status >/dev/null || { echo "slurm flex: the EMS did not come up" >&2; cat "$work/serve.log" >&2; exit 1; }

# Deadlines 12 to 30 plant hours ahead, 1 to 3 plant hours of work each, 1,024 to 4,096 GPUs.
now_ms="$(status | python3 -c 'import json, sys; print(json.load(sys.stdin)["timestamp_ms"])')"
for ((i = 0; i < jobs; i++)); do
    deadline="$(python3 -c "import datetime as d; print(d.datetime.fromtimestamp(($now_ms + ($i * 4 + 12) * 3600000) / 1000, d.timezone(d.timedelta(hours=-7))).replace(second=0, microsecond=0).isoformat())")"
    hours=$((1 + i % 3))
    gpus=$((1024 << (i % 3)))
    "${as_root[@]}" env SLURM_CONF="$SLURM_CONF" sbatch --quiet --hold -p flex --chdir="$work" -o /dev/null -J "flex-$i" \
        --comment="gpus=$gpus;hours=$hours;deadline=$deadline;cap=0.7;class=batch" \
        --wrap "for s in \$(seq $((hours * 10))); do sleep 1; done"   # a plant hour of work per 10 s running: a suspension lengthens it
done
"${as_root[@]}" env SLURM_CONF="$SLURM_CONF" PATH="$PATH" "$bin" slurm-agent --ems "http://127.0.0.1:$port" \
    --token-file "$work/token" --partition flex --cap-command true --interval 0.1 --until-idle --timeout 600 >"$work/agent.out" &
agent=$!

# Every job placed: the curtailment, from ten plant minutes after the first planned start (or now).
for _ in $(seq 600); do
    [[ "$(api /v1/jobs | python3 -c 'import json, sys; print(len(json.load(sys.stdin)["items"]))')" -ge "$jobs" ]] && break
    kill -0 "$agent" 2>/dev/null || break
    sleep 0.1
done
start="$(api /v1/jobs | python3 -c '
import datetime as d, json, sys
jobs, now = json.load(sys.stdin)["items"], int(sys.argv[1])
first = max(now, min(job["planned_start_ms"] for job in jobs)) + 600000
first += -first % 60000   # on the minute: the API takes whole minutes
print(d.datetime.fromtimestamp(first / 1000, d.timezone(d.timedelta(hours=-7))).isoformat())' "$(status | python3 -c 'import json, sys; print(json.load(sys.stdin)["timestamp_ms"])')")"
api /v1/curtailments "{\"start\": \"$start\", \"hours\": 2, \"shed_fraction\": 0.25}" >/dev/null
echo "slurm flex: curtailment of 25 % for 2 h from $start" >&2
code=0
wait "$agent" || code=$?
cat "$work/agent.out"
((code == 0)) || exit "$code"
grep -Eq "slurm flex curtailment: ([1-9][0-9]* suspended|.* [1-9][0-9]* capped)" "$work/agent.out" \
    || { echo "slurm flex: the curtailment suspended or capped no running job" >&2; exit 1; }
