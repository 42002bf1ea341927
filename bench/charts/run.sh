#!/bin/sh
# run.sh — 200 charts through one gnuplot process (migstat's engine) against
# one gnuplot process per chart, same charts, same run. Prints both times
# and the ratio; raw numbers in $BENCH_WORK/results.tsv.
# Environment: BUILD (default build), BENCH_CHARTS (default 200), BENCH_WORK.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${BUILD:-$root/build}
n=${BENCH_CHARTS:-200}
work=${BENCH_WORK:-$here/work}
mkdir -p "$work/svg"
cmake -S "$root" -B "$build" >/dev/null
cmake --build "$build" --target bench_charts -j 2 >/dev/null
"$build/bench_charts" "$n" "$work/svg" > "$work/results.tsv"
awk -F'\t' '{t[$1]=$3; r[$1]=$4} END {
    printf "%-20s %6s %9s %11s\n", "way", "charts", "seconds", "charts/s";
    printf "%-20s %6d %9.2f %11.1f\n", "one gnuplot", '"$n"', t["one_process"], r["one_process"];
    printf "%-20s %6d %9.2f %11.1f\n", "gnuplot per chart", '"$n"', t["process_per_chart"], r["process_per_chart"];
    printf "one process is %.1fx faster\n", t["process_per_chart"] / t["one_process"] }' "$work/results.tsv"
