#!/usr/bin/env bash
# Builds a tarball of HelioGrid that runs from any directory once unpacked (docs/guide.md,
# "Install from a package"):
#   bin/heliogrid and its resource bundles (the default scenario, templates, dashboard),
#   share/man/man1/heliogrid.1 (swift-argument-parser's generate-manual),
#   bash, zsh and fish completions, and share/doc/heliogrid (README, docs, examples, LICENSE, NOTICE).
# The solvers and FFT stay system libraries: the machine needs Debian's coinor-libclp1,
# coinor-libcbc3, libkissfft-float131 and libsqlite3-0 (`.ci/install-deps` installs their -dev forms).
#
# usage: scripts/package.sh [--configuration release|debug] [--out DIR]
#   release (default) links the Swift runtime statically; debug reuses the test build (CI).
set -euo pipefail
cd "$(dirname "$0")/.."
configuration=release out=dist
while (($#)); do
    case "$1" in
        --configuration) configuration="$2"; shift 2 ;;
        --out) out="$2"; shift 2 ;;
        *) echo "usage: scripts/package.sh [--configuration release|debug] [--out DIR]" >&2; exit 2 ;;
    esac
done
[[ "$configuration" == release || "$configuration" == debug ]] || { echo "package: --configuration must be release or debug" >&2; exit 2; }
flags=()
[[ "$configuration" == release ]] && flags=(--static-swift-stdlib)
swift build -c "$configuration" "${flags[@]}" --product heliogrid
swift build -c "$configuration" --product generate-manual
bin="$(swift build -c "$configuration" --show-bin-path)"
version="$("$bin/heliogrid" --version)"
name="heliogrid-$version-linux-$(uname -m)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
stage="$work/$name"
mkdir -p "$stage/bin" "$stage/share/man/man1" "$stage/share/bash-completion/completions" \
         "$stage/share/zsh/site-functions" "$stage/share/fish/vendor_completions.d" "$stage/share/doc/heliogrid"
cp "$bin/heliogrid" "$stage/bin/"
[[ "$configuration" == release ]] && strip "$stage/bin/heliogrid"
for bundle in "$bin"/*.resources; do
    case "$(basename "$bundle")" in *TestSupport*) ;; *) cp -R "$bundle" "$stage/bin/" ;; esac
done
"$bin/generate-manual" "$bin/heliogrid" --output-directory "$stage/share/man/man1"
"$stage/bin/heliogrid" --generate-completion-script bash > "$stage/share/bash-completion/completions/heliogrid"
"$stage/bin/heliogrid" --generate-completion-script zsh > "$stage/share/zsh/site-functions/_heliogrid"
"$stage/bin/heliogrid" --generate-completion-script fish > "$stage/share/fish/vendor_completions.d/heliogrid.fish"
doc="$stage/share/doc/heliogrid"
cp -R README.md LICENSE NOTICE docs examples "$doc/"
# The examples name the repository's weather file; in the package each folder gets its own copy.
weather=Sources/HelioGrid/Resources/phoenix-az-722780.tmy3.csv
for example in "$doc"/examples/*/; do
    cp "$weather" "$example"
    sed -i "s|\"../../$weather\"|\"$(basename "$weather")\"|" "$example"*.toml
done
mkdir -p "$out"
tar -C "$work" -czf "$out/$name.tar.gz" "$name"
echo "package: $out/$name.tar.gz"
