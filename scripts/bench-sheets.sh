#!/bin/sh
# Sheets benchmark: 10,000 sheets on one core (release build), sheets/s, CPU time and bundle size.
# Usage: scripts/bench-sheets.sh [sheets] ; results go in BENCHMARKS.md (## Sheets).
set -eu
cd "$(dirname "$0")/.."
N="${1:-10000}"
OUT="${TMPDIR:-/tmp}/alim-bench-sheets"
swift build -c release --scratch-path .build-release --product alim-bench-sheets >/dev/null
BIN=.build-release/release/alim-bench-sheets
RUN="$BIN"
command -v taskset >/dev/null 2>&1 && RUN="taskset -c 0 $BIN"
# CPU time (user + sys) next to wall time: on a shared machine wall time is mostly waiting.
if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "cpu: %U s user + %S s sys, wall %e s" $RUN "$N" "$OUT"
else
    $RUN "$N" "$OUT"
fi
rm -rf "$OUT"
