#!/bin/sh
# run.sh — big inputs at three sizes: a long-format table through
# `migstat ingest` and `migstat change`, and a news corpus (JSON Lines of
# articles) through `migstat extract --jsonl-in`. For each: seconds, MB/s
# and peak resident memory (GNU time), so time growing linearly with size
# (no quadratic step) and memory staying flat (streaming) can be seen.
# Sizes in MB: BIG_SIZES (default "100 300 1000"). Inputs are generated
# into $BENCH_WORK (default bench/big/work) and kept for reruns.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
migstat=${MIGSTAT:-$root/build/migstat}
work=${BENCH_WORK:-$here/work}
sizes=${BIG_SIZES:-100 300 1000}
mkdir -p "$work"
[ -x /usr/bin/time ] || { echo "bench: GNU time (/usr/bin/time) is needed: apt-get install time" >&2; exit 3; }

# the table generator's --scale 1.0 is ~320 MB
table_of() {
    f="$work/table_$1mb.csv"
    [ -s "$f" ] || python3 "$root/bench/gen_table.py" --scale "$(echo "$1 / 320" | bc -l)" "$f" >/dev/null
    echo "$f"
}
text_of() {
    f="$work/news_$1mb.jsonl"
    [ -s "$f" ] || python3 "$root/bench/extract/make_text.py" --mb "$1" --jsonl "$f" "$work/news_$1mb.txt" >/dev/null
    echo "$f"
}

measure() { # label input command...
    label=$1 input=$2
    shift 2
    mb=$(awk -v b="$(wc -c < "$input")" 'BEGIN {printf "%.1f", b / 1e6}')
    /usr/bin/time -f '%e %M' -o "$work/time.txt" "$@" > /dev/null 2> "$work/stderr.txt" || true
    read -r secs kb < "$work/time.txt"
    printf '%-26s %8s %8.2f %8.1f %9.1f\n' "$label" "$mb" "$secs" \
        "$(awk -v m="$mb" -v s="$secs" 'BEGIN {print (s > 0 ? m / s : 0)}')" \
        "$(awk -v k="$kb" 'BEGIN {print k / 1024}')" | tee -a "$work/results.txt"
}

: > "$work/results.txt"
printf '%-26s %8s %8s %8s %9s\n' "run" "MB" "seconds" "MB/s" "peak MB"
for size in $sizes; do
    t=$(table_of "$size")
    measure "ingest table" "$t" "$migstat" ingest -q "$t"
    measure "change table" "$t" "$migstat" change -q "$t"
    n=$(text_of "$size")
    measure "extract --jsonl-in news" "$n" "$migstat" extract -q --jsonl-in "$n"
done
