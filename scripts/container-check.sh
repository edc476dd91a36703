#!/usr/bin/env bash
# Checks the Containerfile's runtime stage without a container engine (docs/guide.md, "In a
# container"): builds its base image's Debian release with debootstrap (minbase, as the -slim
# images are), installs the packages the stage's `apt-get install` names, unpacks a release
# package from scripts/package.sh where the build stage puts it (/opt/heliogrid), and runs in a
# chroot with the stage's PATH and WORKDIR: the default command (`simulate`), `init` + `simulate`,
# `transients`, `token create` and `serve --host 0.0.0.0` answering /v1/status and the dashboard
# from outside.
# The build stage is scripts/package.sh on Debian 12 with Swift 6.3, the machine this runs on.
# Needs root and Debian's mirror; installs debootstrap if missing.
# usage: scripts/container-check.sh [TARBALL]   (default: dist/heliogrid-*-linux-*.tar.gz, a release package)
set -euo pipefail
cd "$(dirname "$0")/.."
tarball="$(realpath "${1:-$(ls dist/heliogrid-*-linux-*.tar.gz | tail -1)}")"
[[ $(id -u) == 0 ]] || { echo "container check: needs root (debootstrap, chroot, mount)" >&2; exit 2; }
command -v debootstrap > /dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap > /dev/null
# The runtime stage is everything after the last FROM.
stage="$(awk '/^FROM /{buf=""} {buf=buf $0 "\n"} END{printf "%s", buf}' Containerfile)"
image="$(sed -n 's/^FROM \([^ ]*\).*/\1/p' <<< "$stage")"
[[ "$image" =~ ^debian:([a-z]+)-slim$ ]] || { echo "container check: the runtime stage's base '$image' is not a debian:RELEASE-slim image" >&2; exit 2; }
suite="${BASH_REMATCH[1]}"
packages="$(tr -d '\\\n' <<< "$stage" | sed -n 's/.*apt-get install -y --no-install-recommends *\([^&]*\)&&.*/\1/p')"
[[ -n "$packages" ]] || { echo "container check: no apt-get install line in the runtime stage" >&2; exit 2; }
grep -q '^COPY --from=build /opt/heliogrid /opt/heliogrid$' <<< "$stage" || { echo "container check: the stage no longer copies /opt/heliogrid" >&2; exit 2; }
grep -q '^WORKDIR /work$' <<< "$stage" && grep -q '^ENTRYPOINT \["heliogrid"\]$' <<< "$stage" && grep -q '^CMD \["simulate"\]$' <<< "$stage" \
    || { echo "container check: the stage's WORKDIR, ENTRYPOINT or CMD changed; update this check" >&2; exit 2; }
root="$(mktemp -d)"
server=""
cleanup() {
    [[ -n "$server" ]] && kill "$server" 2> /dev/null && wait "$server" 2> /dev/null
    mountpoint -q "$root/proc" && umount "$root/proc"
    rm -rf "$root"
}
trap cleanup EXIT
debootstrap --variant=minbase "$suite" "$root" http://deb.debian.org/debian > "$root.debootstrap.log" 2>&1 \
    || { tail -20 "$root.debootstrap.log" >&2; exit 1; }
rm -f "$root.debootstrap.log"
# shellcheck disable=SC2086 # the package list splits on spaces, as in the Containerfile
chroot "$root" /usr/bin/env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $packages > "$root.apt.log" 2>&1 \
    || { tail -20 "$root.apt.log" >&2; rm -f "$root.apt.log"; exit 1; }
rm -f "$root.apt.log"
mkdir -p "$root/opt/heliogrid" "$root/work"
tar -C "$root/opt/heliogrid" --strip-components=1 -xzf "$tarball"
mount -t proc proc "$root/proc"
inside() {
    chroot "$root" /usr/bin/env -i HOME=/root PATH=/opt/heliogrid/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        MANPATH=/opt/heliogrid/share/man /bin/sh -c "cd /work && $1"
}
if inside "ldd /opt/heliogrid/bin/heliogrid" | grep -q "not found"; then
    inside "ldd /opt/heliogrid/bin/heliogrid" | grep "not found" >&2
    echo "container check: the runtime stage lacks a library the binary links" >&2
    exit 1
fi
inside "heliogrid simulate" | head -2
inside "heliogrid init my-dc --template small > /dev/null && heliogrid simulate my-dc/scenario.toml --max-unserved 0 --out my-dc/out > /dev/null"
test -s "$root/work/my-dc/out/steps.csv"
inside "heliogrid transients --window 5 --quiet" > /dev/null
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
token="$(inside "heliogrid token create --scope read --db /work/live.sqlite")"
inside "exec heliogrid serve --host 0.0.0.0 --port $port --speed 60 --db /work/live.sqlite" > "$root/serve.log" 2>&1 &
server=$!
# Ready when the API answers; curl retries refused connections for up to a minute.
curl -sf --retry 60 --retry-delay 1 --retry-connrefused --max-time 90 -H "Authorization: Bearer $token" \
    "http://127.0.0.1:$port/v1/status" > "$root/status.json" \
    || { cat "$root/serve.log" >&2; echo "container check: serve did not answer on port $port" >&2; exit 1; }
grep -q '"utc_offset_minutes"' "$root/status.json"
curl -sf "http://127.0.0.1:$port/" | grep -qi "<html"
echo "container check: $(basename "$tarball") runs in $image ($suite minbase + $(wc -w <<< "$packages") packages): simulate, init, transients and serve"
