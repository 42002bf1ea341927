#!/bin/sh
# run.sh MIGSTAT FIXTURES — renders report.html of a fixture run in headless
# Chromium: screenshots at a desktop and a phone width must be non-trivial
# PNGs, and the DOM Chromium builds must hold the headline figures. Fails
# (does not skip) when chromium is missing: `make test` installs it.
set -u
MIGSTAT=${1:?usage: run.sh path/to/migstat fixtures-dir}
FIX=${2:?usage: run.sh path/to/migstat fixtures-dir}
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$CHROMIUM" ]; then
    echo "FAIL: chromium is not installed (apt-get install chromium; make test installs it)"
    exit 1
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
failed=0
fail() { failed=$((failed + 1)); echo "FAIL $1"; }
ok() { echo "ok   $1"; }

"$MIGSTAT" report -q -o "$WORK/out" "$FIX/report/tables.csv" "$FIX/report/articles/wire_2024.txt" \
    "$FIX/report_tolls_and_series.jsonl" 2>"$WORK/report.err" || { cat "$WORK/report.err"; fail report; }
[ -s "$WORK/out/report.html" ] || { echo "FAIL: no report.html"; exit 1; }

# chromium: no profile, no network, no sandbox (CI runs as root), time-bounded
browser() {
    profile=$(mktemp -d "$WORK/profile.XXXXXX")
    timeout 60 "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run \
        --disable-background-networking --disable-extensions --disable-sync \
        --user-data-dir="$profile" --hide-scrollbars "$@" 2>>"$WORK/chromium.err"
}
page="file://$WORK/out/report.html"

for size in 1280,2000 390,844; do
    png="$WORK/shot_$size.png"
    browser --screenshot="$png" --window-size="$size" "$page" >/dev/null
    bytes=$(wc -c < "$png" 2>/dev/null || echo 0)
    # a blank page compresses to a few KB; the report is tens of KB
    if [ "$bytes" -gt 20000 ] && [ "$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ]; then
        ok "screenshot $size ($bytes bytes)"
    else
        fail "screenshot $size: $bytes bytes; $(tail -3 "$WORK/chromium.err")"
    fi
done

browser --dump-dom --window-size=1280,2000 "$page" > "$WORK/dom.html"
for want in '<p class="big"><a href="#fig-' '>nearly 93,000</a>' 'People deported or removed' \
            '>144</a>' 'Sources disagree' 'Example Wire' '<section id="accounting">' '<svg role="img"'; do
    if grep -qF -- "$want" "$WORK/dom.html"; then ok "dom has $want"; else fail "dom lacks $want"; fi
done
# what Chromium parsed holds no script and no element from the network
if grep -qi '<script\|<img\|<link' "$WORK/dom.html"; then fail "dom has a script, image or link element"
else ok "dom has no script, image or link element"; fi

[ "$failed" -eq 0 ] && echo "all passed" || echo "$failed failed"
[ "$failed" -eq 0 ]
