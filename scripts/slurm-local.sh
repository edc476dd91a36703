#!/usr/bin/env bash
# Sourced by scripts/slurm-sweep.sh and scripts/slurm-flex-demo.sh: installs Debian's slurm-wlm and
# munge if missing and starts a single-node Slurm on this machine (munged, slurmctld, slurmd; no
# cgroups: proctrack/linuxproc, task/none) with two partitions, `sweep` (the default) and `flex`.
# Sets `work` (a temporary folder holding the daemons' state, logs and the caller's results),
# `as_root` and SLURM_CONF, and stops the daemons and removes `work` on exit.
# Needs root (or sudo).
as_root=()
[[ $(id -u) -eq 0 ]] || as_root=(sudo)

missing=()
for package in slurm-wlm munge; do dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package"); done
if ((${#missing[@]})); then
    "${as_root[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

work="$(mktemp -d /tmp/heliogrid-slurm.XXXXXX)"
chmod 755 "$work"
slurm_local_cleanup() {
    for pid in "$work"/slurmd.pid "$work"/slurmctld.pid; do
        daemon="$(cat "$pid" 2>/dev/null)" || continue
        "${as_root[@]}" kill "$daemon" 2>/dev/null || true
        # Gone before its state folder is removed.
        for _ in $(seq 100); do "${as_root[@]}" kill -0 "$daemon" 2>/dev/null || break; sleep 0.1; done
    done
    "${as_root[@]}" rm -rf "$work"
}
trap slurm_local_cleanup EXIT

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
# At least 16 CPUs for Slurm (config_overrides), so a demo's jobs, one CPU each, run side by side.
cpus="$(( $(nproc) > 16 ? $(nproc) : 16 ))"
memory="$(awk '/MemTotal/ { print int($2 / 1024) }' /proc/meminfo)"
mkdir -p "$work/state" "$work/spool"
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
SlurmdParameters=config_overrides
SchedulerParameters=sched_interval=1
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=sweep Nodes=$host Default=YES MaxTime=INFINITE State=UP
PartitionName=flex Nodes=$host MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$work/slurm.conf"
"${as_root[@]}" env SLURM_CONF="$SLURM_CONF" slurmctld
"${as_root[@]}" env SLURM_CONF="$SLURM_CONF" slurmd

# Ready when the node reports idle (at most a minute).
for _ in $(seq 600); do
    [[ "$(sinfo -h -o %T 2>/dev/null | head -1)" == idle* ]] && break
    sleep 0.1
done
[[ "$(sinfo -h -o %T | head -1)" == idle* ]] || { echo "slurm: the node did not come up" >&2; cat "$work/slurmctld.log" "$work/slurmd.log" >&2; exit 1; }
