#!/usr/bin/env bash
# Runs a sizing study (default: the embedded desert-10k campus) as a Slurm job array on a
# single-node Slurm started on this machine, merges the shards, runs the same study in one process,
# and checks the two agree: every file byte for byte, size.json apart from its "timing" object.
# Prints "slurm sweep: N shards, identical" on success.
#
#   scripts/slurm-sweep.sh [SCENARIO]         SHARDS (default 4); HELIOGRID: the binary to use
#                                             (default: a release build, built if missing)
#
# Needs root (or sudo) to install Debian's slurm-wlm and munge if missing and to start munged,
# slurmctld and slurmd (no cgroups: proctrack/linuxproc, task/none). The daemons, their state and
# the results live in a temporary folder, removed at the end with the daemons stopped.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shards="${SHARDS:-4}"
scenario="${1:-}"
as_root=()
[[ $(id -u) -eq 0 ]] || as_root=(sudo)

missing=()
for package in slurm-wlm munge; do dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package"); done
if ((${#missing[@]})); then
    "${as_root[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

bin="${HELIOGRID:-$root/.build/release/heliogrid}"
if [[ ! -x "$bin" ]]; then (cd "$root" && swift build -c release --product heliogrid >/dev/null); fi
[[ "$scenario" ]] && scenario="$(cd "$(dirname "$scenario")" && pwd)/$(basename "$scenario")"

work="$(mktemp -d /tmp/heliogrid-slurm.XXXXXX)"
chmod 755 "$work"
cleanup() {
    for pid in "$work"/slurmd.pid "$work"/slurmctld.pid; do
        [[ -f "$pid" ]] && "${as_root[@]}" kill "$(cat "$pid")" 2>/dev/null || true
    done
    "${as_root[@]}" rm -rf "$work"
}
trap cleanup EXIT

# munge: one key for this machine's daemons and clients.
if ! pgrep -x munged >/dev/null; then
    if [[ ! -s /etc/munge/munge.key ]]; then
        "${as_root[@]}" sh -c 'dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key status=none && chown munge:munge /etc/munge/munge.key && chmod 400 /etc/munge/munge.key'
    fi
    "${as_root[@]}" mkdir -p /run/munge /var/log/munge /var/lib/munge
    "${as_root[@]}" chown munge:munge /run/munge /var/log/munge /var/lib/munge
    "${as_root[@]}" runuser -u munge -- /usr/sbin/munged
fi

host="$(hostname -s)"
cpus="$(nproc)"
memory="$(awk '/MemTotal/ { print int($2 / 1024) }' /proc/meminfo)"
mkdir -p "$work/state" "$work/spool" "$work/shards"
cat >"$work/slurm.conf" <<CONF
ClusterName=heliogrid
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmctldPort=16817
SlurmdPort=16818
AuthType=auth/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
MpiDefault=none
ReturnToService=2
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=sweep Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$work/slurm.conf"
"${as_root[@]}" env SLURM_CONF="$SLURM_CONF" slurmctld
"${as_root[@]}" env SLURM_CONF="$SLURM_CONF" slurmd

# Ready when the node reports idle (at most a minute).
for _ in $(seq 600); do
    [[ "$(sinfo -h -o %T 2>/dev/null)" == idle* ]] && break
    sleep 0.1
done
[[ "$(sinfo -h -o %T)" == idle* ]] || { echo "slurm sweep: the node did not come up" >&2; cat "$work/slurmctld.log" "$work/slurmd.log" >&2; exit 1; }

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
python3 - "$work/single/size.json" "$work/merged/size.json" <<'PY' || { echo "slurm sweep: size.json differs" >&2; exit 1; }
import json, sys
single, merged = (json.load(open(path)) for path in sys.argv[1:3])
for summary in (single, merged):
    summary.pop("timing")
sys.exit(0 if single == merged else 1)
PY
designs=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['designs'])" "$work/merged/size.json")
awk -v s="$started" -v e="$ended" -v n="$shards" -v d="$designs" 'BEGIN { printf "slurm sweep: %d shards, %s designs, job array %.1f s wall\n", n, d, e - s }' >&2
echo "slurm sweep: $shards shards, identical"
