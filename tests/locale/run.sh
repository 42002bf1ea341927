#!/bin/sh
# run.sh MIGSTAT — the numeric outputs of every command are byte-identical
# under the C locale and under ru_RU.UTF-8 and de_DE.UTF-8 (whose decimal
# mark is a comma). migstat takes the user's locale (setlocale(LC_ALL, ""))
# like any program, so this proves the numbers do not depend on it. A
# missing locale fails the test (make test installs both).
set -u
MIGSTAT=$(cd "$(dirname "${1:?usage: run.sh path/to/migstat}")" && pwd)/$(basename "$1")
HERE=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
[ -n "${KEEP_WORK:-}" ] && trap - EXIT && echo "work: $WORK"
F=$HERE/fixtures
C=$HERE/cli/fixtures
failed=0

for loc in ru_RU.UTF-8 de_DE.UTF-8; do
    if [ "$(LC_ALL=$loc locale decimal_point 2>/dev/null)" != "," ]; then
        echo "FAIL locale $loc is not installed (or has no decimal comma)"
        exit 1
    fi
done

# name and command line of each case (outputs: stdout and every file in -o)
cases() {
    echo "ingest|ingest -q $C/series.csv $F/migr_eirfs.tsv $F/jsonstat_eirfs.json $F/sdmx1_eirfs.csv"
    echo "extract_en|extract -q --published 2024-05-14 $C/article_en.txt"
    echo "extract_ru|extract -q --published 2024-08-20 $C/article_ru.txt"
    echo "change|change -q $C/series.csv"
    echo "change_md|change -q --to md $C/series.csv"
    echo "decumulate|change -q --decumulate --to csv $C/ytd.csv"
    echo "ratio|ratio -q --num deportations --den entry_denials $HERE/../data/figures/russia_2024_press.csv"
    echo "index|index -q --base 2020 --to csv $C/years.csv"
    echo "trend|trend -q --to csv $C/years.csv"
    echo "summary|summary -q --to jsonl $C/years.csv"
    echo "test_counts|test-counts 93000 60800"
    echo "check|check -q --all --to jsonl $HERE/../data/figures/russia_2024_press.csv"
    echo "report|report -q --no-charts $HERE/../data/figures/uk_enforced_returns.csv -o OUT"
}

run_case() { # locale name args -> WORK/locale/name/{stdout,stderr,status,out}
    dir=$WORK/$1/$2
    mkdir -p "$dir"
    line=$(printf '%s' "$3" | sed "s|OUT|$dir/out|")
    # shellcheck disable=SC2086
    (cd "$dir" && LC_ALL=$1 "$MIGSTAT" $line >stdout 2>stderr; echo "$?" > status)
}

cases | while IFS='|' read -r name args; do
    for loc in C ru_RU.UTF-8 de_DE.UTF-8; do
        run_case "$loc" "$name" "$args"
    done
done

n=0
for dir in "$WORK"/C/*; do
    name=$(basename "$dir")
    n=$((n + 1))
    if [ "$(cat "$dir/status")" -gt 4 ] || [ ! -s "$dir/stdout" ] && [ ! -d "$dir/out" ]; then
        echo "FAIL $name: no output under C (exit $(cat "$dir/status"))"; cat "$dir/stderr"
        failed=$((failed + 1)); continue
    fi
    for loc in ru_RU.UTF-8 de_DE.UTF-8; do
        if diff -r -x stderr "$dir" "$WORK/$loc/$name" >"$WORK/diff" 2>&1; then
            echo "ok   $name $loc"
        else
            echo "FAIL $name $loc differs from C:"; head -20 "$WORK/diff"
            failed=$((failed + 1))
        fi
    done
done
echo "$n cases, $failed failed"
[ "$failed" -eq 0 ]
