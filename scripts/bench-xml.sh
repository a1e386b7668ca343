#!/usr/bin/env bash
# Benchmarks the XML ingest against `xmllint --stream --noout` on generated SIECLE and AAF files.
# Usage: scripts/bench-xml.sh            (sizes: BENCH_XML_MB/3 and BENCH_XML_MB, default 300 MB)
#        BENCH_XML_MB=60 scripts/bench-xml.sh
# Two rows per file set:
#   reader  the streaming reader alone into a counting sink (`alim-bench-xml --reader`): must stay flat;
#   full    the whole stage `XMLIngest.read` (parse + set-level linking), which returns every record.
# Files live in a private /tmp folder, deleted on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE_MB=${BENCH_XML_MB:-300}
WORK=$(mktemp -d /tmp/alim-bench-xml.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

swift build -c release --scratch-path .build-release --product alim-bench-xml >&2
BIN=$(swift build -c release --scratch-path .build-release --show-bin-path)/alim-bench-xml

# measure CMD… → prints "wall_s cpu_s maxrss_kb"
measure() {
    local log="$WORK/time.log"
    /usr/bin/time -v "$@" >"$WORK/out.log" 2>"$log"
    local wall cpu rss
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$log")
    cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.2f", u+s}' "$log")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
    echo "$wall $cpu $rss"
}

printf '%-7s %-6s %8s %10s %10s %10s %10s %9s %9s %12s %12s\n' format mode size_MB ours_wall lint_wall ours_cpu lint_cpu ratio_cpu ratio_wall ours_rss_MB lint_rss_MB
for size in $((SIZE_MB / 3)) "$SIZE_MB"; do
    for kind in siecle aaf; do
        dir="$WORK/$kind-$size"
        python3 scripts/gen_xml_bench.py "$kind" "$size" "$dir"
        files=("$dir"/*.xml)
        actual=$(du -cm "${files[@]}" | awk 'END {print $1}')
        read -r lw lc lrss < <(measure xmllint --stream --noout "${files[@]}")
        for mode in reader full; do
            if [ "$mode" = reader ]; then
                read -r ow oc orss < <(measure "$BIN" --reader "${files[@]}")
            else
                read -r ow oc orss < <(measure "$BIN" "${files[@]}")
            fi
            summary=$(cut -c1-70 "$WORK/out.log")
            ratio=$(awk -v a="$oc" -v b="$lc" 'BEGIN {printf "%.2f", a / b}')
            wratio=$(awk -v a="$ow" -v b="$lw" 'BEGIN {printf "%.2f", a / b}')
            printf '%-7s %-6s %8s %10s %10s %10s %10s %9s %9s %12d %12d   %s\n' "$kind" "$mode" "$actual" "$ow" "$lw" "$oc" "$lc" \
                "$ratio" "$wratio" $((orss / 1024)) $((lrss / 1024)) "$summary"
        done
        rm -rf "$dir"
    done
done
echo "ratio_cpu = ours_cpu / xmllint_cpu (user+sys s); ratio_wall = ours_wall / xmllint_wall; RSS = peak resident set (/usr/bin/time -v)."
