#!/usr/bin/env bash
# Matching benchmark: ours (alim-bench-match, release build) beside Splink on the same generated records.
# Usage: scripts/bench-match.sh [sizes...]   (default: 10000 100000; SEED=42; SKIP_SPLINK=1 to skip Splink;
#        SPLINK_VENV=dir to reuse a virtualenv holding splink and duckdb; REPEAT=N runs our normalize + match
#        N times in one process and reports the median by CPU time)
# Both tools report wall and CPU (user+sys) time of their own work; /usr/bin/time adds the whole process.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=("${@:-10000 100000}")
read -r -a SIZES <<< "${SIZES[*]}"
SEED="${SEED:-42}"
OUT="${BENCH_OUT:-bench-out/match}"
VENV="${SPLINK_VENV:-/tmp/alim-splink-venv}"

swift build -c release --scratch-path .build-release --product alim-bench-match
BIN=.build-release/release/alim-bench-match

if [ "${SKIP_SPLINK:-0}" != 1 ] && [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q 'splink>=4,<6' duckdb
fi

for n in "${SIZES[@]}"; do
  dir="$OUT/$n"
  python3 scripts/gen_identity_data.py --records "$n" --seed "$SEED" --out "$dir"
  echo "== ours, $n records"
  /usr/bin/time -f "process: peak RSS %M kB, wall %e s, user %U s, sys %S s" "$BIN" "$dir/ingest.json" "$dir/truth.csv" "$dir/hardneg.csv" --repeat "${REPEAT:-1}" 2>&1 | tee "$dir/ours.txt"
  if [ "${SKIP_SPLINK:-0}" != 1 ]; then
    echo "== splink, $n records"
    /usr/bin/time -o "$dir/splink.time" -f "process: peak RSS %M kB, wall %e s, user %U s, sys %S s" \
      "$VENV/bin/python" scripts/bench_splink.py "$dir/splink.csv" 2>/dev/null | grep -E "^(splink|RESULT)" | tee "$dir/splink.txt"
    cat "$dir/splink.time"
    ours=$(grep '^RESULT ours' "$dir/ours.txt"); theirs=$(grep '^RESULT splink' "$dir/splink.txt")
    python3 - "$ours" "$theirs" "$n" <<'PY'
import sys
def parse(line): return dict(kv.split("=") for kv in line.split()[2:])
o, s, n = parse(sys.argv[1]), parse(sys.argv[2]), sys.argv[3]
print(f"== {n} records: F1 ours {float(o['f1']):.4f} vs Splink {float(s['f1']):.4f}; "
      f"wall ours {float(o['seconds']):.2f} s vs Splink {float(s['seconds']):.1f} s ({float(s['seconds'])/float(o['seconds']):.1f}x); "
      f"CPU ours {float(o['cpu']):.2f} s vs Splink {float(s['cpu']):.1f} s ({float(s['cpu'])/float(o['cpu']):.1f}x)")
PY
  fi
done
