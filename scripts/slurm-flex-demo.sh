#!/usr/bin/env bash
# Flexible GPU jobs steered by the live EMS on a real Slurm (docs/compute.md): starts a single-node
# Slurm here (scripts/slurm-local.sh), runs `heliogrid serve` on the simulated default campus at
# 360 times real time (a plant hour in 10 s), submits a mix of flexible jobs to the `flex`
# partition, held, each with its GPUs, plant hours and a deadline in its comment, and runs
# `heliogrid slurm-agent`, which asks the EMS where each job goes, releases it when its planned start
# comes and sets its power cap (a stand-in command here: no GPUs). Prints the agent's line,
# "slurm flex: N held, M released, deadlines met", when every job ran inside its deadline and none
# started while the EMS held it.
#
#   scripts/slurm-flex-demo.sh            HELIOGRID: the binary to use (default: a release build,
#                                         built if missing); JOBS: how many jobs (default 6)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jobs="${JOBS:-6}"
bin="${HELIOGRID:-$root/.build/release/heliogrid}"
if [[ ! -x "$bin" ]]; then (cd "$root" && swift build -c release --product heliogrid >/dev/null); fi
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"   # jobs run in another folder

source "$root/scripts/slurm-local.sh"
port=18089
"$bin" token create --scope control --db "$work/ems.sqlite" --label slurm-agent >"$work/token"
# The plant clock starts at 20:00 on 15 July: the night comes first, and work waits for the sun.
"$bin" serve --plant simulated --start 2026-07-15T20:00:00-07:00 --speed 360 --interval 0.25 --db "$work/ems.sqlite" --port "$port" \
    >"$work/serve.log" 2>&1 &
serve=$!
trap 'kill "$serve" 2>/dev/null || true; slurm_local_cleanup' EXIT
token="$(cat "$work/token")"
status() {
    python3 -c 'import sys, urllib.request as u; print(u.urlopen(u.Request(sys.argv[1], headers={"Authorization": "Bearer " + sys.argv[2]}), timeout=5).read().decode())' \
        "http://127.0.0.1:$port/v1/status" "$token"
}
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
        --comment="gpus=$gpus;hours=$hours;deadline=$deadline;cap=0.7;class=batch" --wrap "sleep $((hours * 10))"
done
"${as_root[@]}" env SLURM_CONF="$SLURM_CONF" PATH="$PATH" "$bin" slurm-agent --ems "http://127.0.0.1:$port" \
    --token-file "$work/token" --partition flex --cap-command true --interval 0.1 --until-idle --timeout 600
