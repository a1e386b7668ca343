#!/usr/bin/env bash
# The whole night: `alim run` end to end on generated département / académie inboxes (issue 15).
# Usage: scripts/bench-run.sh [sizes…]      person records per inbox, default: 150000 1000000
#   SEED=20261203        generator seed (scripts/gen_run_bench.py)
#   BENCH_OUT=bench-out/run   inboxes (cached by size + seed + generator version), workdirs, results
#   SKIP_1M=1            drop 1000000 from the sizes (run only 150k by default)
#   TIMEOUT=3600         seconds before one `alim run` is killed (the table then says TIMED OUT)
#   DATE2=2026-09-02     --date of the unchanged second night (the first night is 2026-09-01)
# Per size: build alim in release (--scratch-path .build-release); generate the inbox; time
# `xmllint --stream --noout` over every XML file of it (zips unzipped beforehand) as the floor; time a
# cold `alim run` on a fresh workdir with /usr/bin/time -v; read summary.json / run.json for each stage's
# wall time; run it again on the same workdir and inbox (the unchanged second night); print the table.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d /opt/swift/usr/bin ] && export PATH=/opt/swift/usr/bin:$PATH
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(150000 1000000)
if [ "${SKIP_1M:-0}" = 1 ]; then
  kept=()
  for n in "${SIZES[@]}"; do [ "$n" = 1000000 ] || kept+=("$n"); done
  SIZES=("${kept[@]}")
fi
SEED=${SEED:-20261203}
OUT=${BENCH_OUT:-bench-out/run}
TIMEOUT=${TIMEOUT:-3600}
DATE1=2026-09-01
DATE2=${DATE2:-2026-09-02}
command -v xmllint >/dev/null || { echo "xmllint missing (apt-get install libxml2-utils)" >&2; exit 1; }

swift build -c release --scratch-path .build-release --product alim >&2
BIN=$(swift build -c release --scratch-path .build-release --show-bin-path)/alim
STAMP=$(cat scripts/gen_run_bench.py scripts/gen_onde_inbox.py scripts/gen_identity_data.py | sha256sum | cut -c1-16)
MEASURE="python3 scripts/bench_run_measure.py"
mkdir -p "$OUT"

for n in "${SIZES[@]}"; do
  data="$OUT/data-$n-$SEED"
  res="$OUT/results-$n-$SEED"
  work="$OUT/work-$n-$SEED"
  if [ "$(cat "$data/.complete" 2>/dev/null)" != "$STAMP" ]; then
    echo "generating $n person records (seed $SEED) into $data" >&2
    rm -rf "$data"
    mkdir -p "$data"
    start=$(date +%s)
    python3 scripts/gen_run_bench.py --persons "$n" --seed "$SEED" --out "$data" >/dev/null
    # The floor reads the same XML bytes alim reads: each SIECLE zip unzipped once, here.
    for z in "$data"/inbox/colleges/*.zip; do
      d="$data/xml/$(basename "$z" .zip)"
      mkdir -p "$d"
      unzip -q -o "$z" -d "$d"
    done
    echo "generated in $(( $(date +%s) - start )) s" >&2
    echo "$STAMP" > "$data/.complete"
  fi
  rm -rf "$res" "$work"
  mkdir -p "$res"
  # Alim issues the codes (credentials = "alim"): the cold night prints every sheet, as a first night
  # on ENT credentials does once the ENT's export is in the inbox; with the default ("ent") and no
  # export, no sheet would be made and the sheets stage would not be measured.
  config="$res/alim.toml"
  printf '[accounts]\ncredentials = "alim"\n' > "$config"
  cp "$data/manifest.json" "$res/"
  mapfile -t xml < <(find "$data/xml" "$data/inbox" -name '*.xml' | sort)
  python3 -c 'import json,sys; print(json.dumps({"count": int(sys.argv[1])}))' "${#xml[@]}" > "$res/xmlfiles.json"

  echo "xmllint --stream over ${#xml[@]} files" >&2
  $MEASURE measure --out "$res/xmllint.json" --timeout "$TIMEOUT" -- xmllint --stream --noout "${xml[@]}"

  echo "night 1: alim run (cold) on $n person records" >&2
  $MEASURE measure --out "$res/night1.json" --timeout "$TIMEOUT" --stderr "$res/night1.log" --stdout "$res/night1.out" \
    -- "$BIN" run --inbox "$data/inbox" --workdir "$work" --date "$DATE1" --config "$config"
  latest="$work/runs/latest"
  cp "$latest/summary.json" "$res/night1-summary.json" 2>/dev/null || true
  cp "$latest/run.json" "$res/night1-run.json" 2>/dev/null || true
  if python3 -c 'import json,sys; sys.exit(0 if json.load(open(sys.argv[1]))["timed_out"] else 1)' "$res/night1.json"; then
    echo "night 1 timed out after $TIMEOUT s: no second night" >&2
  else
    echo "night 2: alim run on the same inbox and workdir (unchanged)" >&2
    $MEASURE measure --out "$res/night2.json" --timeout "$TIMEOUT" --stderr "$res/night2.log" --stdout "$res/night2.out" \
      -- "$BIN" run --inbox "$data/inbox" --workdir "$work" --date "$DATE2" --config "$config"
    cp "$latest/summary.json" "$res/night2-summary.json" 2>/dev/null || true
    cp "$latest/run.json" "$res/night2-run.json" 2>/dev/null || true
  fi
  echo
  $MEASURE table "$res" | tee "$res/table.txt"
  echo
done
echo "wall/CPU/peak RSS: /usr/bin/time -v; stage wall: summary.json (report: run.json); machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)."
