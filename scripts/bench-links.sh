#!/usr/bin/env bash
# Family-link benchmark: `alim run` on generated ONDE inboxes at realistic rates (scripts/gen_onde_inbox.py),
# its links scored against the generator's truth (scripts/score_links.py).
# Usage: scripts/bench-links.sh [seeds...]   (default: 1 2 3, the seeds the join was tuned on, then
#        20261203, a seed it never was); SCHOOLS=12 schools per inbox.
set -euo pipefail
cd "$(dirname "$0")/.."
SEEDS=("${@:-1 2 3 20261203}")
read -r -a SEEDS <<< "${SEEDS[*]}"
OUT="${BENCH_OUT:-bench-out/links}"
swift build --product alim >/dev/null
for seed in "${SEEDS[@]}"; do
  dir="$OUT/$seed"
  rm -rf "$dir"
  python3 scripts/gen_onde_inbox.py --schools "${SCHOOLS:-12}" --seed "$seed" --out "$dir"
  status=0
  .build/debug/alim run --inbox "$dir/inbox" --workdir "$dir/work" --date 2026-09-01 >/dev/null 2>&1 || status=$?
  echo "== seed $seed (alim run exit $status)"
  python3 scripts/score_links.py "$dir/work/runs/latest" "$dir/links.csv"
done
