#!/bin/sh
# run.sh — `migstat extract` on news text against the number recognisers a
# user would otherwise pick, on the same English text in the same run.
#
# Input: make_text.py (seeded: the same bytes every time) repeats the example
# articles of data/examples/articles with their figures varied and writes,
# into $BENCH_WORK (default bench/extract/work, not committed):
#   news_mixed_50mb.txt    ~50 MB of English and Russian articles, one file,
#   news_mixed_50mb/       the same articles, one file each (000000.txt, ...),
#   news_mixed_50mb.jsonl  the same articles, one JSON object a line,
#   news_en_5mb.txt        ~5 MB of English articles, one file,
#   news_en_5mb/           the same, one file each.
# Timed, best of $RUNS wall-clock runs (GNU time: seconds and peak RSS), output
# to a file in $BENCH_WORK:
#   migstat extract --lang auto --published 2024-08-20 on the mixed articles
#     (one file each), with --jsonl-in on the JSON Lines, and on the English
#     articles, one file each and as one 5 MB file (one long "article");
#   the peers on the English 5 MB file, paragraph by paragraph
#     (recognizers.js; npm packages from package.json, installed on first use):
#     Microsoft Recognizers-Text, number + percentage models, en-us;
#     compromise, nlp(text).numbers() and .percentages().
# Prints a table: tool, input, MB, seconds, MB/s, peak MB, vs_migstat (how many
# times the MB/s of migstat on the English articles, one file each, is this
# row's), and what each found (migstat: the numbers its summary line counts and
# the figures written; peers: numbers and percentages recognised). Raw numbers
# go to $BENCH_WORK/results.tsv.
#
# Environment: MIGSTAT (the binary, default build/migstat), BENCH_WORK,
# BENCH_MB (mixed size, default 50), BENCH_EN_MB (English size, default 5),
# RUNS (default 3), BENCH_SKIP (space-separated: microsoft compromise jsonl
# single), BENCH_SINGLE_MIXED=1 (also the whole mixed text as one file, one
# run: slow, see below). A tool that is missing or fails gets a "skipped: ..."
# line and the rest goes on.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${BENCH_WORK:-$here/work}
migstat=${MIGSTAT:-$root/build/migstat}
mb_mixed=${BENCH_MB:-50}
mb_en=${BENCH_EN_MB:-5}
runs=${RUNS:-3}
skip=${BENCH_SKIP:-}
published=2024-08-20
mkdir -p "$work"
work=$(cd "$work" && pwd)

say() { printf '%s\n' "$*" >&2; }
skipped() { case " $skip " in *" $1 "*) return 0 ;; esac; return 1; }

python=$(command -v python3 || true)
[ -n "$python" ] || { say "bench-extract: python3 is required to write the input; stopping"; exit 3; }
gnu_time=""
[ -x /usr/bin/time ] && /usr/bin/time -f '%e' true >/dev/null 2>&1 && gnu_time=/usr/bin/time
[ -n "$gnu_time" ] || say "bench-extract: no GNU time (/usr/bin/time, package time): no peak memory"

# ---- the input -------------------------------------------------------------
mixed="$work/news_mixed_${mb_mixed}mb"
english="$work/news_en_${mb_en}mb"
# the .ok stamp is written last: an interrupted run writes the input again
if [ ! -f "$mixed.ok" ]; then
    say "bench-extract: writing $mixed.txt (and .jsonl, and one file per article)"
    "$python" "$here/make_text.py" "$mixed.txt" --mb "$mb_mixed" --langs en,ru \
        --jsonl "$mixed.jsonl" --split "$mixed"
    : >"$mixed.ok"
fi
if [ ! -f "$english.ok" ]; then
    say "bench-extract: writing $english.txt (and one file per article)"
    "$python" "$here/make_text.py" "$english.txt" --mb "$mb_en" --langs en --split "$english"
    : >"$english.ok"
fi

# ---- measuring -------------------------------------------------------------
results="$work/results.tsv"
printf 'tool\tinput\tMB\tseconds\tMB_per_s\tpeak_MB\tvs_migstat\tfound\n' >"$results"
tmp="$work/.time"
trap 'rm -f "$tmp" "$tmp.err" "$tmp.new"' EXIT INT TERM

# bytes PATH: the size of a file, or of the .txt files of a folder; reading
# them also puts every tool in the same page-cache state
bytes() {
    if [ -d "$1" ]; then find "$1" -name '*.txt' -exec cat {} + | wc -c
    else wc -c <"$1"; fi
}

# timed CMD...: one run, stdout to $out.new, stderr to $tmp.new; sets secs and
# kb ("" without GNU time)
timed() {
    if [ -n "$gnu_time" ]; then
        "$gnu_time" -f '%e %M' -o "$tmp" "$@" >"$out.new" 2>"$tmp.new" || return 1
        read -r secs kb <"$tmp"
    else
        t0=$(date +%s.%N)
        "$@" >"$out.new" 2>"$tmp.new" || return 1
        secs=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
        kb=""
    fi
}

# run NAME LABEL INPUT N CMD...: best of N runs of CMD (on INPUT, a file or a
# folder); the stdout and stderr of the best run are kept in $out and
# $tmp.err; sets best (seconds), bestkb (the largest peak RSS) and size (bytes
# of INPUT)
run() {
    name=$1 label=$2 input=$3 n=$4
    shift 4
    out="$work/out_$(printf '%s_%s' "$name" "$label" | tr -c 'A-Za-z0-9' '_').txt"
    size=$(bytes "$input")
    best="" bestkb=""
    i=0
    while [ "$i" -lt "$n" ]; do
        if ! timed "$@"; then
            say "bench-extract: skipped: $name on $label: it failed:"
            tail -3 "$tmp.new" >&2
            rm -f "$out.new" "$tmp.new"
            printf '%s\t%s\t\t\t\t\t\tskipped: it failed\n' "$name" "$label" >>"$results"
            return 1
        fi
        if [ -z "$best" ] || awk -v a="$secs" -v b="$best" 'BEGIN { exit !(a < b) }'; then
            best=$secs
            mv "$out.new" "$out"
            mv "$tmp.new" "$tmp.err"
        fi
        rm -f "$out.new" "$tmp.new"
        if [ -n "$kb" ] && { [ -z "$bestkb" ] || [ "$kb" -gt "$bestkb" ]; }; then bestkb=$kb; fi
        i=$((i + 1))
    done
    say "bench-extract: $name on $label: best ${best}s of $n"
}

# row NAME LABEL FOUND: appends the last run() to the results
row() {
    awk -v n="$1" -v l="$2" -v b="$size" -v s="$best" -v kb="$bestkb" -v f="$3" 'BEGIN {
        if (s < 0.01) s = 0.01
        printf "%s\t%s\t%.1f\t%.2f\t%.2f\t%s\t\t%s\n", n, l, b / 1e6, s, b / 1e6 / s,
            kb == "" ? "" : sprintf("%.1f", kb / 1024), f
    }' >>"$results"
}

# what migstat found: the numbers its summary line counts (every number read,
# years and phone numbers included, as the peers count them), the figures it
# wrote, and how many of those are changes (percent, absolute, "x times")
migstat_found() {
    nums=$(sed -n 's/.* \([0-9][0-9]*\) numbers,.*/\1/p' "$tmp.err" | tail -1)
    awk -v nums="${nums:-?}" '{ n++ } /"kind":"(pct_change|abs_change|multiplier)"/ { c++ }
        END { printf "%s numbers, %d figures (%d changes)", nums, n, c }' "$out"
}

# extract NAME LABEL INPUT N ARGS...: migstat extract ARGS on INPUT, a file, or
# a folder whose .txt files are given by name (run from inside it)
extract() {
    e_name=$1 e_label=$2 e_input=$3 e_n=$4
    shift 4
    if [ -d "$e_input" ]; then
        cd "$e_input"
        set -- "$@" ./*.txt
    else
        set -- "$@" "$e_input"
    fi
    if run "$e_name" "$e_label" "$e_input" "$e_n" "$migstat" extract "$@"; then
        row "$e_name" "$e_label" "$(migstat_found)"
    fi
    cd "$root"
}

# ---- migstat extract -------------------------------------------------------
opts="--lang auto --published $published"
if [ -x "$migstat" ] && "$migstat" extract --help >/dev/null 2>&1; then
    # a copy, so that a rebuild during the run cannot mix two binaries (the
    # data folder is compiled in, or MIGSTAT_DATA_DIR)
    cp "$migstat" "$work/migstat"
    migstat="$work/migstat"
fi
if [ ! -x "$migstat" ] || ! "$migstat" extract --help >/dev/null 2>&1; then
    say "bench-extract: skipped: migstat extract not built ($migstat)"
    for l in mixed-files mixed-jsonl english-files english-1file; do
        printf 'migstat extract\t%s\t\t\t\t\t\tskipped: migstat extract not built\n' "$l" >>"$results"
    done
else
    say "bench-extract: migstat extract"
    # shellcheck disable=SC2086 # opts is split on purpose
    extract "migstat extract" mixed-files "$mixed" "$runs" $opts
    if skipped jsonl; then say "bench-extract: migstat extract --jsonl-in skipped (BENCH_SKIP)"
    else extract "migstat extract --jsonl-in" mixed-jsonl "$mixed.jsonl" "$runs" --lang auto --jsonl-in
    fi
    # the whole mixed text as one article: the time grows faster than the size
    if [ "${BENCH_SINGLE_MIXED:-0}" = 1 ]; then
        # shellcheck disable=SC2086
        extract "migstat extract" mixed-1file "$mixed.txt" 1 $opts
    fi
    # shellcheck disable=SC2086
    extract "migstat extract" english-files "$english" "$runs" $opts
    if skipped single; then say "bench-extract: migstat extract on one file skipped (BENCH_SKIP)"
    else
        # shellcheck disable=SC2086
        extract "migstat extract" english-1file "$english.txt" "$runs" $opts
    fi
fi

# ---- the peers (node) ------------------------------------------------------
# npm_ready PACKAGE: installed in node_modules, installing from package.json once
npm_tried=""
npm_ready() {
    [ -d "$here/node_modules/$1" ] && return 0
    if [ -z "$npm_tried" ]; then
        npm_tried=1
        say "bench-extract: npm install (package.json) in $here"
        (cd "$here" && npm install --no-audit --no-fund) >"$work/npm.log" 2>&1 ||
            say "bench-extract: npm install failed (see $work/npm.log)"
    fi
    [ -d "$here/node_modules/$1" ]
}

peer() { # peer NAME PACKAGE TITLE (run() sets name and label: not reused here)
    p_name=$1 p_pkg=$2 p_title=$3
    if skipped "$p_name"; then say "bench-extract: $p_title skipped (BENCH_SKIP)"; return 0; fi
    if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
        say "bench-extract: skipped: $p_title: node/npm not found"
        printf '%s\tenglish-1file\t\t\t\t\t\tskipped: node/npm not found\n' "$p_title" >>"$results"
        return 0
    fi
    if ! npm_ready "$p_pkg"; then
        say "bench-extract: skipped: $p_title: npm package $p_pkg could not be installed"
        printf '%s\tenglish-1file\t\t\t\t\t\tskipped: %s not installed\n' "$p_title" "$p_pkg" >>"$results"
        return 0
    fi
    if run "$p_title" english-1file "$english.txt" "$runs" \
        node "$here/recognizers.js" --peer "$p_name" "$english.txt"; then
        cat "$out" >&2
        found=$(awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } }
            END { printf "%d numbers, %d percentages (parsing alone %.1f s)", v["numbers"], v["percentages"], v["parse_s"] }' "$out")
        row "$p_title" english-1file "$found"
    fi
}
peer microsoft "@microsoft/recognizers-text-suite" "Recognizers-Text number+percent"
peer compromise compromise "compromise numbers+percentages"

# ---- the table -------------------------------------------------------------
# vs_migstat: migstat's MB/s on the English articles (one file each) / this MB/s
base=$(awk -F '\t' '$1 == "migstat extract" && $2 == "english-files" && $5 != "" { print $5 }' "$results")
awk -F '\t' -v OFS='\t' -v base="$base" 'NR == 1 { print; next }
    { if ($2 ~ /^english/ && $5 > 0 && base > 0) $7 = sprintf("%.1fx", base / $5); print }' \
    "$results" >"$tmp" && cp "$tmp" "$results"

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -1)
load=$(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || true)
printf '\nmachine: %s cores, %s; load average %s; best of %s runs; --published %s\n' \
    "$(nproc)" "$cpu" "${load:-?}" "$runs" "$published"
printf 'input: *-files one file per article, *-jsonl one article a line, *-1file all in one file\n'
printf 'vs_migstat: migstat MB/s on english-files / this MB/s (English rows)\n'
printf 'found: numbers read (migstat: its summary line) and figures written, or\n'
printf '       numbers and percentages recognised (peers; the two overlap)\n\n'
awk -F '\t' '{ printf "%-32s %-13s %5s %8s %8s %7s %10s  %s\n", $1, $2, $3, $4, $5, $6, $7, $8 }' "$results"
printf '\n(raw numbers: %s)\n' "$results"
