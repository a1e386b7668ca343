#!/bin/sh
# Sheets benchmark: 10,000 sheets on one core (release build), sheets/s and bundle size.
# Usage: scripts/bench-sheets.sh [sheets] ; results go in BENCHMARKS.md (## Sheets).
set -eu
cd "$(dirname "$0")/.."
N="${1:-10000}"
OUT="${TMPDIR:-/tmp}/alim-bench-sheets"
swift build -c release --scratch-path .build-release --product alim-bench-sheets >/dev/null
BIN=.build-release/release/alim-bench-sheets
if command -v taskset >/dev/null 2>&1; then
    taskset -c 0 "$BIN" "$N" "$OUT"
else
    "$BIN" "$N" "$OUT"
fi
rm -rf "$OUT"
