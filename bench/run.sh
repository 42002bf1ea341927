#!/bin/sh
# run.sh — `make bench`: migstat change/ingest against the tools a user
# would otherwise pick, on the same table in the same run.
#
# Builds migstat (Release) in $BUILD (default build-bench), writes the
# table with gen_table.py if it is absent (bench/out/table.csv, ~320 MB,
# and a shuffled copy), then times each tool with GNU time: seconds, MB/s
# of input, peak RSS, and the time relative to `migstat change`. Prints a
# table and writes the raw numbers to bench/out/results.tsv.
#
# Environment: BUILD (build folder), BENCH_SCALE (table size, 1.0 = the
# full table; 0.1 for a quick run), BENCH_TABLE (use this file instead),
# BENCH_SKIP (space-separated peers to skip: mlr pandas awk datamash).
# Peers that are missing are installed when run as root (Debian packages
# miller, datamash, python3-pandas, time); otherwise each is skipped with
# a line saying so.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
out="$here/out"
build=${BUILD:-$root/build-bench}
scale=${BENCH_SCALE:-1.0}
skip=${BENCH_SKIP:-}
mkdir -p "$out"

say() { printf '%s\n' "$*" >&2; }

# ---- peers --------------------------------------------------------------
python=/usr/bin/python3
[ -x "$python" ] || python=$(command -v python3 || true)

have_pandas() { [ -n "$python" ] && "$python" -c 'import pandas' 2>/dev/null; }

missing=""
[ -x /usr/bin/time ] || missing="$missing time"
command -v mlr >/dev/null 2>&1 || missing="$missing miller"
command -v datamash >/dev/null 2>&1 || missing="$missing datamash"
have_pandas || missing="$missing python3-pandas"
if [ -n "$missing" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        say "bench: installing$missing"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null 2>&1 ||
            { apt-get update -qq >/dev/null 2>&1 &&
              DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null 2>&1; } ||
            say "bench: could not install$missing"
        python=/usr/bin/python3
    else
        say "bench: not root: missing$missing (install them to compare)"
    fi
fi
if [ ! -x /usr/bin/time ]; then
    say "bench: GNU time (/usr/bin/time, package time) is required for peak memory; stopping"
    exit 3
fi

# ---- migstat and the table ------------------------------------------------
say "bench: building migstat (Release) in $build"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DMS_TESTS=OFF >"$out/build.log" 2>&1 &&
    cmake --build "$build" -j "${JOBS:-2}" --target migstat >>"$out/build.log" 2>&1 ||
    { say "bench: the build failed (see $out/build.log)"; exit 5; }
migstat="$build/migstat"

if [ -n "${BENCH_TABLE:-}" ]; then
    table=$BENCH_TABLE
    shuffled=""
else
    if [ "$scale" = "1.0" ]; then
        table="$out/table.csv"
        shuffled="$out/table_shuffled.csv"
    else
        table="$out/table_$scale.csv"
        shuffled="$out/table_${scale}_shuffled.csv"
    fi
    if [ ! -s "$table" ] || [ ! -s "$shuffled" ]; then
        say "bench: writing $table (and a shuffled copy)"
        python3 "$here/gen_table.py" "$table" --shuffled "$shuffled" --scale "$scale"
    fi
fi
bytes=$(wc -c <"$table")
mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
say "bench: $table: $mb MB, $(($(wc -l <"$table") - 1)) rows"

# ---- measuring ----------------------------------------------------------
results="$out/results.tsv"
printf 'tool\tinput\tseconds\tMB_per_s\tpeak_MB\tvs_migstat_change\n' >"$results"
tmp=$(mktemp)
trap 'rm -f "$tmp" "$tmp.err"' EXIT INT TERM

# run NAME INPUT-LABEL INPUT-FILE CMD...: stdout to /dev/null, stderr kept
run() {
    name=$1 label=$2 file=$3
    shift 3
    sync
    cat "$file" >/dev/null # same page-cache state for every tool
    if ! /usr/bin/time -f '%e %M' -o "$tmp" "$@" >/dev/null 2>"$tmp.err"; then
        say "bench: $name failed:"
        tail -3 "$tmp.err" >&2
        printf '%s\t%s\tfailed\t\t\t\n' "$name" "$label" >>"$results"
        return 0
    fi
    read -r secs kb <"$tmp"
    fbytes=$(wc -c <"$file")
    awk -v n="$name" -v l="$label" -v s="$secs" -v kb="$kb" -v b="$fbytes" 'BEGIN {
        if (s < 0.01) s = 0.01
        printf "%s\t%s\t%.2f\t%.1f\t%.1f\t\n", n, l, s, b / 1e6 / s, kb / 1024
    }' >>"$results"
}

skipped() { case " $skip " in *" $1 "*) return 0 ;; esac; return 1; }

say "bench: wc -l"
run "wc -l" sorted "$table" wc -l "$table"
say "bench: migstat change"
run "migstat change" sorted "$table" "$migstat" change "$table"
[ -n "$shuffled" ] && run "migstat change" shuffled "$shuffled" "$migstat" change "$shuffled"
# the same changes written as CSV rows, as compact as the peers' output
run "migstat change --to csv" sorted "$table" "$migstat" change --to csv "$table"
say "bench: migstat ingest"
run "migstat ingest" sorted "$table" "$migstat" ingest "$table"

if skipped mlr; then say "bench: mlr skipped (BENCH_SKIP)"
elif ! command -v mlr >/dev/null 2>&1; then say "bench: SKIPPED mlr: Miller is not installed (package miller)"
else
    say "bench: mlr step shift_lag + put"
    run "mlr step+put" sorted "$table" mlr --icsv --ojson step -a shift_lag -f value \
        -g metric,place,subject then put \
        'if (is_numeric($value) && is_numeric($value_shift_lag) && $value_shift_lag != 0) { $pct = ($value / $value_shift_lag - 1) * 100 }' \
        "$table"
fi

if skipped pandas; then say "bench: pandas skipped (BENCH_SKIP)"
elif ! have_pandas; then say "bench: SKIPPED pandas: python3-pandas is not installed"
else
    say "bench: pandas groupby pct_change"
    run "pandas pct_change" sorted "$table" "$python" "$here/pct_change.py" "$table"
    [ -n "$shuffled" ] && run "pandas pct_change" shuffled "$shuffled" "$python" "$here/pct_change.py" "$shuffled"
fi

if skipped awk; then say "bench: awk skipped (BENCH_SKIP)"
else
    say "bench: awk one pass"
    run "awk ($(basename "$(readlink -f "$(command -v awk)")"))" sorted "$table" awk -f "$here/pct_change.awk" "$table"
fi

if skipped datamash; then say "bench: datamash skipped (BENCH_SKIP)"
elif ! command -v datamash >/dev/null 2>&1; then say "bench: SKIPPED datamash: not installed (package datamash)"
else
    say "bench: datamash groupby count/first/last (no percent change: it has none)"
    run "datamash count/first/last" sorted "$table" datamash -t , --header-in -g 1,2,3 count 5 first 5 last 5 \
        <"$table"
fi

# ratios to migstat change on the sorted table
base=$(awk -F '\t' '$1 == "migstat change" && $2 == "sorted" { print $3 }' "$results")
awk -F '\t' -v OFS='\t' -v base="$base" 'NR == 1 { print; next }
    { if ($3 != "failed" && base > 0) $6 = sprintf("%.1fx", $3 / base); print }' \
    "$results" >"$tmp" && cp "$tmp" "$results"

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
printf '\nmachine: %s cores, %s; table %s MB\n\n' "$(nproc)" "$cpu" "$mb"
awk -F '\t' '{ printf "%-28s %-9s %8s %9s %9s %9s\n", $1, $2, $3, $4, $5, $6 }' "$results"
printf '\n(raw numbers: %s)\n' "$results"
