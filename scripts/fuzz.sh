#!/usr/bin/env bash
# Runs each libFuzzer harness (csv, onde, xml) for FUZZ_SECONDS (default 60), seeded from Fixtures/ and
# Tests/FuzzCorpus/. Crashes are saved to Tests/FuzzCorpus/<target>/crash-*: commit them, they are
# replayed by the tests as regressions. Prints executions per second per target.
set -uo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${FUZZ_SECONDS:-60}
SCRATCH=.build-fuzz
swift build --product alim-fuzz --scratch-path "$SCRATCH" -c release \
  -Xswiftc -sanitize=fuzzer -Xswiftc -DALIM_FUZZING -Xswiftc -use-ld=lld 2>&1 | grep -E "error|Compiling alim|Build" || true
BIN="$SCRATCH/release/alim-fuzz"
[ -x "$BIN" ] || { echo "fuzz build failed"; exit 1; }
status=0
for target in csv onde xml; do
  corpus=$(mktemp -d)
  mkdir -p "Tests/FuzzCorpus/$target"
  case $target in
    csv|onde) find Fixtures/inbox -name '*.csv' -exec cp {} "$corpus/" \; ;;
    xml) python3 - "$corpus" <<'PY'
import sys, zipfile, glob, os
for z in glob.glob("Fixtures/inbox/**/*.zip", recursive=True):
    with zipfile.ZipFile(z) as f:
        for n in f.namelist():
            open(os.path.join(sys.argv[1], os.path.basename(n)), "wb").write(f.read(n).split(b"\n", 1)[1])
PY
    ;;
  esac
  cp Tests/FuzzCorpus/$target/* "$corpus/" 2>/dev/null || true
  log=$(mktemp)
  ALIM_FUZZ_TARGET=$target "$BIN" "$corpus" -max_total_time="$SECONDS_PER_TARGET" -rss_limit_mb=2048 -timeout=10 \
     -artifact_prefix="Tests/FuzzCorpus/$target/" -print_final_stats=1 >"$log" 2>&1
  rc=$?
  runs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$')
  eps=$(grep -Eo 'exec/s: *[0-9]+' "$log" | tail -1 | grep -Eo '[0-9]+$')
  echo "fuzz $target: ${SECONDS_PER_TARGET} s, ${runs:-?} executions, ${eps:-?} exec/s, exit $rc"
  if [ $rc -ne 0 ]; then status=1; tail -30 "$log"; fi
  rm -rf "$corpus" "$log"
done
exit $status
