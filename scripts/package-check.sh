#!/usr/bin/env bash
# Checks a package from scripts/package.sh the way a user meets it: unpacked into a fresh folder,
# run from another directory, with the build tree's own resource bundles moved aside so only the
# package's can be found. Runs `simulate` on the embedded campus and on a packaged example, `init`
# and `transients`, and checks the man page and completions.
# usage: scripts/package-check.sh TARBALL
set -euo pipefail
cd "$(dirname "$0")/.."
tarball="$(realpath "$1")"
root="$(mktemp -d)"
aside="$(mktemp -d)"
bundles=()
restore() {
    local index=0
    for bundle in "${bundles[@]}"; do mv "$aside/$index" "$bundle"; index=$((index + 1)); done
    rm -rf "$root" "$aside"
}
trap restore EXIT
for configuration in debug release; do
    for bundle in "$(swift build -c "$configuration" --show-bin-path)"/HelioGrid_*.resources; do
        [[ -e "$bundle" ]] || continue
        mv "$bundle" "$aside/${#bundles[@]}"
        bundles+=("$bundle")
    done
done
tar -C "$root" -xzf "$tarball"
home="$(echo "$root"/heliogrid-*)"
cd "$root"
"$home/bin/heliogrid" --version
"$home/bin/heliogrid" simulate --max-unserved 0 > "$root/summary.txt"
head -2 "$root/summary.txt"
"$home/bin/heliogrid" simulate "$home/share/doc/heliogrid/examples/small-datacentre/scenario.toml" --max-unserved 0 --out "$root/small" > /dev/null
test -s "$root/small/steps.csv"
"$home/bin/heliogrid" init "$root/mine" --template grid > /dev/null
"$home/bin/heliogrid" simulate "$root/mine/scenario.toml" --max-unserved 0 > /dev/null
"$home/bin/heliogrid" transients --window 5 > /dev/null
grep -q "Energy brain" "$home/share/man/man1/heliogrid.1"
grep -q "heliogrid" "$home/share/bash-completion/completions/heliogrid"
test -s "$home/share/doc/heliogrid/LICENSE"
echo "package check: $(basename "$tarball") runs from $root with only its own bundles"
