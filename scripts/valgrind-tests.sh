#!/bin/sh
# valgrind-tests.sh BUILD — every test program of the suite (the commands
# ctest runs) under valgrind memcheck: any memory error or definite leak
# fails it. The command-line cases run migstat through valgrind too
# (MIGSTAT_WRAPPER). Prints one line per program and exits 1 on any failure.
set -u
build=${1:-build}
vg="valgrind -q --suppressions=$(cd "$(dirname "$0")/.." && pwd)/tests/valgrind.supp --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite --track-origins=no"
status=0
list=$(mktemp)
trap 'rm -f "$list"' EXIT
ctest --test-dir "$build" -N -V 2>/dev/null |
    sed -n 's/^[0-9]*: Test command: //p; s/^[0-9]*: Working Directory: /cd /p' > "$list"
while IFS= read -r cmd && IFS= read -r dir; do
    name=$(printf '%s\n' "$cmd" | sed 's/^\([^ ]*\).*/\1/; s/"//g; s|.*/||')
    log="$build/valgrind_$name.log"
    case "$cmd" in
    */sh\ *|sh\ *|\"/bin/sh\"*|\"/usr/bin/sh\"*|*/sh\"\ *)
        # a shell script (command-line cases, browser test): valgrind on migstat inside it
        if (eval "$dir" && eval "MIGSTAT_WRAPPER=\"$vg\" $cmd") >"$log" 2>&1; then r=ok; else r=FAILED; status=1; fi ;;
    *)
        if (eval "$dir" && eval "$vg $cmd") >"$log" 2>&1; then r=ok; else r=FAILED; status=1; fi ;;
    esac
    printf '%-28s %s\n' "$name" "$r"
    [ "$r" = ok ] || tail -20 "$log"
done < "$list"
exit $status
