#!/usr/bin/env bash
# Kill `alim run` with SIGKILL at N random moments over the sample inbox, rerun after each, and check
# that the state and every output equal those of an uninterrupted run from the same starting workdir.
# Usage: scripts/faults.sh [N] [SEED]      (defaults: 20 kills, seed 42)
set -uo pipefail
cd "$(dirname "$0")/.."
N=${1:-20}
SEED=${2:-42}
ALIM=${ALIM:-.build/debug/alim}
INBOX=${INBOX:-Fixtures/inbox}
DATE=2026-09-01
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

dump_state() {  # the state as SQL text, for comparison
  python3 - "$1" <<'PY'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
for line in con.iterdump():
    print(line)
PY
}

snapshot() {  # every output of the latest run except measured durations, plus the state
  local w=$1 out=$2
  mkdir -p "$out"
  (cd "$w/runs/latest/" && find . -type f ! -name run.json ! -name summary.json ! -name report.html \
     ! -path './reprints/*' -print0 | sort -z | xargs -0 sha256sum) > "$out/files.txt"
  python3 - "$w/runs/latest/summary.json" > "$out/summary.txt" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
for st in s.get("stages", []):
    st["duration_ms"] = 0
print(json.dumps(s, sort_keys=True))
PY
  if [ -f "$w/state.sqlite" ]; then dump_state "$w/state.sqlite" > "$out/state.sql"; else : > "$out/state.sql"; fi
}

completed() {  # did the latest run of workdir $1 end (run.json says completed)?
  python3 - "$1/runs/latest/run.json" <<'PY' 2>/dev/null
import json, sys
sys.exit(0 if json.load(open(sys.argv[1])).get("completed") else 1)
PY
}

"$ALIM" init --workdir "$tmp/base" >/dev/null || { echo "alim init failed"; exit 1; }
cp -a "$tmp/base" "$tmp/ref"
start=$(date +%s%N)
"$ALIM" run --inbox "$INBOX" --workdir "$tmp/ref" --date $DATE >/dev/null 2>&1
status=$?
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
if [ $status -ne 0 ]; then echo "reference run failed (exit $status)"; exit 1; fi
snapshot "$tmp/ref" "$tmp/ref.snap"

RANDOM=$SEED
passed=0; failed=0; interrupted=0; finished=0
for i in $(seq 1 "$N"); do
  w="$tmp/w$i"
  cp -a "$tmp/base" "$w"
  delay_ms=$(( RANDOM % (elapsed_ms + 1) ))
  "$ALIM" run --inbox "$INBOX" --workdir "$w" --date $DATE >/dev/null 2>&1 &
  pid=$!
  sleep "$(printf '0.%03d' $((delay_ms % 1000)))"; sleep $((delay_ms / 1000))
  kill -9 $pid 2>/dev/null
  wait $pid 2>/dev/null
  if completed "$w"; then
    finished=$((finished + 1)); rc=0   # the kill came too late: nothing to recover, compare as is
  else
    interrupted=$((interrupted + 1))
    "$ALIM" run --inbox "$INBOX" --workdir "$w" --date $DATE >/dev/null 2>&1
    rc=$?
  fi
  snapshot "$w" "$w.snap"
  if [ $rc -eq 0 ] && diff -r "$tmp/ref.snap" "$w.snap" >/dev/null; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "kill #$i after ${delay_ms} ms: rerun exit $rc, outputs differ:"
    diff -r "$tmp/ref.snap" "$w.snap" | head -10
  fi
done
echo "faults: reference run ${elapsed_ms} ms, $N kills ($interrupted interrupted a run, $finished came after it ended)"
echo "faults: $passed passed, $failed failed"
[ $failed -eq 0 ]
