#!/usr/bin/env bash
# Runs a sizing study (default: the embedded desert-10k campus) as a Slurm job array on a
# single-node Slurm started on this machine, merges the shards, runs the same study in one process,
# and checks the two agree: every file byte for byte, size.json apart from its "timing" object; then
# the same for a weather ensemble of ENSEMBLE_YEARS synthetic years (default 40,
# deploy/slurm/heliogrid-ensemble.sbatch). Prints "slurm sweep: N shards, identical" on success.
#
#   scripts/slurm-sweep.sh [SCENARIO]         SHARDS (default 4); HELIOGRID: the binary to use
#                                             (default: a release build, built if missing)
#
# Needs root (or sudo): scripts/slurm-local.sh installs Debian's slurm-wlm and munge if missing and
# starts munged, slurmctld and slurmd. The daemons, their state and the results live in a temporary
# folder, removed at the end with the daemons stopped.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shards="${SHARDS:-4}"
scenario="${1:-}"
bin="${HELIOGRID:-$root/.build/release/heliogrid}"
if [[ ! -x "$bin" ]]; then (cd "$root" && swift build -c release --product heliogrid >/dev/null); fi
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"   # jobs run in another folder
[[ "$scenario" ]] && scenario="$(cd "$(dirname "$scenario")" && pwd)/$(basename "$scenario")"

# Whether two JSON summaries are equal apart from their "timing" object (the one part that differs).
same_but_timing() {
    python3 - "$1" "$2" <<'PY'
import json, sys
single, merged = (json.load(open(path)) for path in sys.argv[1:3])
for summary in (single, merged):
    summary.pop("timing")
sys.exit(0 if single == merged else 1)
PY
}

source "$root/scripts/slurm-local.sh"
mkdir -p "$work/shards"

started=$(date +%s.%N)
"${as_root[@]}" env SLURM_CONF="$SLURM_CONF" sbatch --wait --quiet --array=0-$((shards - 1)) --chdir="$work" \
    --export=ALL,HELIOGRID="$bin",SCENARIO="$scenario",SIZE_OUT="$work/shards" "$root/deploy/slurm/heliogrid-size.sbatch"
ended=$(date +%s.%N)
for ((i = 0; i < shards; i++)); do
    [[ -f "$work/shards/shard-$i/shard.json" ]] || { echo "slurm sweep: shard $i wrote no result" >&2; cat "$work"/heliogrid-size-*_"$i".out >&2 || true; exit 1; }
done
"$bin" size merge "$work"/shards/shard-* --out "$work/merged" >/dev/null 2>&1
"$bin" size ${scenario:+"$scenario"} --out "$work/single" >/dev/null 2>&1

for file in designs.csv pareto.csv best.toml size.html; do
    if [[ -f "$work/single/$file" || -f "$work/merged/$file" ]]; then
        cmp -s "$work/single/$file" "$work/merged/$file" || { echo "slurm sweep: $file differs" >&2; exit 1; }
    fi
done
same_but_timing "$work/single/size.json" "$work/merged/size.json" || { echo "slurm sweep: size.json differs" >&2; exit 1; }

# The weather ensemble the same way: synthetic years sharded over the array, merged, against one process.
years="${ENSEMBLE_YEARS:-40}"
mkdir -p "$work/ensemble-shards"
"${as_root[@]}" env SLURM_CONF="$SLURM_CONF" sbatch --wait --quiet --array=0-$((shards - 1)) --chdir="$work" \
    --export=ALL,HELIOGRID="$bin",SCENARIO="$scenario",YEARS="$years",SEED=7,ENSEMBLE_OUT="$work/ensemble-shards" \
    "$root/deploy/slurm/heliogrid-ensemble.sbatch"
for ((i = 0; i < shards; i++)); do
    [[ -f "$work/ensemble-shards/shard-$i/ensemble-shard.json" ]] || { echo "slurm sweep: ensemble shard $i wrote no result" >&2; cat "$work"/heliogrid-ensemble-*_"$i".out >&2 || true; exit 1; }
done
"$bin" ensemble merge "$work"/ensemble-shards/shard-* --out "$work/ensemble-merged" >/dev/null 2>&1
"$bin" ensemble ${scenario:+"$scenario"} --years "$years" --seed 7 --out "$work/ensemble-single" >/dev/null 2>&1
for file in ensemble.csv ensemble.html; do
    cmp -s "$work/ensemble-single/$file" "$work/ensemble-merged/$file" || { echo "slurm sweep: $file differs" >&2; exit 1; }
done
same_but_timing "$work/ensemble-single/ensemble.json" "$work/ensemble-merged/ensemble.json" || { echo "slurm sweep: ensemble.json differs" >&2; exit 1; }
echo "slurm sweep: ensemble of $years weather years in $shards shards, identical"

designs=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['designs'])" "$work/merged/size.json")
awk -v s="$started" -v e="$ended" -v n="$shards" -v d="$designs" 'BEGIN { printf "slurm sweep: %d shards, %s designs, job array %.1f s wall\n", n, d, e - s }' >&2
echo "slurm sweep: $shards shards, identical"
