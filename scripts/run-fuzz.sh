#!/bin/sh
# run-fuzz.sh BUILD SECONDS — runs every libFuzzer binary of BUILD/fuzz for
# SECONDS each, starting from the seed corpus in tests/fuzz/corpus/<target>
# (copied, so the repository's seeds stay small) and the saved crashes in
# tests/fuzz/regressions/<target>. Prints one line per target (runs,
# corpus size, result) and exits 1 if any target crashed, leaked or timed
# out; the input that did it is in BUILD/crashes/<target>/. FUZZ_SEED fixes
# libFuzzer's seed (CI uses 1, so a smoke run repeats what it tried).
set -u
build=$1
seconds=$2
root=$(cd "$(dirname "$0")/.." && pwd)
status=0
for bin in "$build"/fuzz/fuzz_*; do
    [ -x "$bin" ] || continue
    target=$(basename "$bin" | sed 's/^fuzz_//')
    corpus="$build/corpus/$target"
    crashes="$build/crashes/$target"
    mkdir -p "$corpus" "$crashes"
    cp -n "$root/tests/fuzz/corpus/$target/"* "$corpus/" 2>/dev/null || true
    seeds="$corpus"
    [ -d "$root/tests/fuzz/regressions/$target" ] && seeds="$seeds $root/tests/fuzz/regressions/$target"
    log="$build/fuzz_$target.log"
    # shellcheck disable=SC2086
    if "$bin" -seed="${FUZZ_SEED:-0}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
            -print_final_stats=1 -artifact_prefix="$crashes/" $seeds >"$log" 2>&1; then
        result=ok
    else
        result="FAILED (see $log and $crashes/)"
        status=1
    fi
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
    printf '%-14s %ss  %s runs  corpus %s  %s\n' "$target" "$seconds" "${runs:-?}" \
        "$(ls "$corpus" | wc -l)" "$result"
done
exit $status
