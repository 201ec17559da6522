#!/usr/bin/env bash
# Builds MarketLink's documentation with the toolchain's own docc, no plugin, and fails on any
# warning or on any public symbol without a doc comment.
#
#   bash docs/build-docs.sh            (or: make docs)
#
# 1. `swift package dump-symbol-graph` writes the symbol graphs of the package's modules from the
#    debug build in .build (after `swift build` it compiles nothing; SCRATCH=DIR uses another
#    scratch path, at the cost of a build there). Only MarketLink's graphs are kept.
# 2. docs/public_api.py counts MarketLink's public symbols and lists any without a doc comment.
# 3. `docc convert` turns Sources/MarketLink/MarketLink.docc and the symbol graphs into a DocC
#    archive, .build-docs/MarketLink.doccarchive, with warnings treated as errors.
#
# Read it with `docc preview`:
#   docc preview Sources/MarketLink/MarketLink.docc --additional-symbol-graph-dir .build-docs/symbol-graphs
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"

SCRATCH=${SCRATCH:-.build}
OUT=.build-docs
GRAPHS=$OUT/symbol-graphs
ARCHIVE=$OUT/MarketLink.doccarchive

log=$(mktemp)
trap 'rm -f "$log"' EXIT

echo "== symbol graphs (from the build in $SCRATCH)"
if ! swift package --scratch-path "$SCRATCH" dump-symbol-graph --minimum-access-level public >"$log" 2>&1; then
    cat "$log"
    exit 1
fi
# "Files written to <dir>" names where SwiftPM put them; keep only MarketLink's, in a fixed place.
written=$(sed -n 's/^Files written to //p' "$log" | tail -1)
if [[ -z "$written" || ! -d "$written" ]]; then
    cat "$log"
    echo "build-docs: error: dump-symbol-graph did not say where it wrote the symbol graphs" >&2
    exit 1
fi
rm -rf "$GRAPHS"
mkdir -p "$GRAPHS"
cp "$written"/MarketLink.symbols.json "$GRAPHS"/
cp "$written"/MarketLink@*.symbols.json "$GRAPHS"/ 2>/dev/null || true

echo "== public API"
python3 docs/public_api.py "$GRAPHS"

echo "== docc convert"
rm -rf "$ARCHIVE"
if ! docc convert Sources/MarketLink/MarketLink.docc \
    --additional-symbol-graph-dir "$GRAPHS" \
    --fallback-display-name MarketLink --fallback-bundle-identifier org.marketlink.MarketLink \
    --output-path "$ARCHIVE" --warnings-as-errors >"$log" 2>&1; then
    cat "$log"
    echo "build-docs: error: docc reported the problems above" >&2
    exit 1
fi
if grep -qE "(warning|error):" "$log"; then
    cat "$log"
    echo "build-docs: error: docc reported the problems above" >&2
    exit 1
fi
echo "wrote $ARCHIVE (no warnings)"
