#!/usr/bin/env bash
# Refreshes the vendored MathLive (the learner page's math field; no WebJar serves it) from its npm package.
# Usage: bash src/deploy/refresh-mathlive.sh [version]   (default: the pinned one below). Needs npm only;
# the page itself needs no Node build. Commit the result together with the new version in docs/decisions.md.
set -euo pipefail
version="${1:-0.111.1}"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
dest="$repo/src/main/resources/static/vendor/mathlive"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "mathlive@$version" >/dev/null && tar xzf "mathlive-$version.tgz")
rm -rf "$dest"
mkdir -p "$dest/fonts"
# Only what the page loads: the script, its fonts (woff2), the license. Sounds are switched off by the page.
cp "$work/package/mathlive.min.js" "$work/package/LICENSE.txt" "$dest/"
cp "$work/package/fonts/"*.woff2 "$dest/fonts/"
echo "$version" > "$dest/VERSION"
echo "MathLive $version vendored into $dest"
