#!/bin/sh
# run.sh MIGSTAT — end-to-end cases of the command line: arguments, input,
# expected exit code and expected text on stdout/stderr. Prints one line per
# case and "N passed, N failed" at the end; exits 1 if any case failed.
set -u
MIGSTAT=$(cd "$(dirname "${1:?usage: run.sh path/to/migstat}")" && pwd)/$(basename "$1")
MIGSTAT_WRAPPER=${MIGSTAT_WRAPPER:-}   # e.g. valgrind (scripts/valgrind-tests.sh)
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK" || exit 1
cp -r "$HERE/fixtures" .
passed=0
failed=0

ok()   { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1: $2"; }

# expect NAME CODE -- ARGS... : runs migstat, keeps out/err in $WORK/NAME.*
expect() {
    name=$1; code=$2; shift 3
    $MIGSTAT_WRAPPER "$MIGSTAT" "$@" >"$name.out" 2>"$name.err"
    rc=$?
    if [ "$rc" -ne "$code" ]; then
        fail "$name" "exit $rc, expected $code; stderr: $(head -c 400 "$name.err")"
        return 1
    fi
    return 0
}
has()     { grep -qF -- "$3" "$1.$2" || { fail "$1" "$2 lacks '$3'"; return 1; }; }
lacks()   { ! grep -qF -- "$3" "$1.$2" || { fail "$1" "$2 has '$3'"; return 1; }; }
lines()   { n=$(wc -l < "$1.$2"); [ "$n" -eq "$3" ] || { fail "$1" "$2 has $n lines, expected $3"; return 1; }; }

# --- general
expect version 0 -- --version && has version out "migstat " && ok version
expect no_args 1 -- && has no_args err "usage: migstat" && ok no_args
expect unknown_cmd 1 -- frobnicate && has unknown_cmd err "unknown command 'frobnicate'" && ok unknown_cmd
for c in ingest extract change ratio check plot report index trend summary test-counts; do
    expect "help_$c" 0 -- "$c" --help && has "help_$c" out "usage: migstat $c" && ok "help_$c"
done
expect bad_option 1 -- ingest --bogus fixtures/bad.csv && has bad_option err "unknown option" && ok bad_option
expect missing_file 2 -- ingest nonexistent.csv && has missing_file err "nonexistent.csv: cannot open" && ok missing_file

# --- ingest: bad rows reported file:line:column, good rows kept, exit 2
expect bad_csv 2 -- ingest fixtures/bad.csv \
  && has bad_csv err "fixtures/bad.csv:3:75: expected 9 fields, found 7" \
  && has bad_csv err "fixtures/bad.csv:4:" && has bad_csv err "value 'abc' is not a number" \
  && has bad_csv err "read 4, accepted 2, rejected 2" \
  && lines bad_csv out 2 && has bad_csv out '"value":93000' && has bad_csv out '"hedge":"nearly"' \
  && ok bad_csv
expect stdin_csv 2 -- ingest -f csv - < fixtures/bad.csv && lines stdin_csv out 2 && ok stdin_csv

# --- the stages chain with |
$MIGSTAT_WRAPPER "$MIGSTAT" ingest -q fixtures/series.csv | $MIGSTAT_WRAPPER "$MIGSTAT" change -q - >chain.out 2>chain.err
rc=$?
if [ $rc -eq 0 ] && grep -q '"kind":"pct_change"' chain.out && grep -q '"value":50' chain.out; then ok chain
else fail chain "exit $rc: $(cat chain.err)"; fi

# --- change --to csv: the long layout, which reads back to the same figures
$MIGSTAT_WRAPPER "$MIGSTAT" change -q --to csv fixtures/series.csv >change_csv.csv 2>change_csv.err
$MIGSTAT_WRAPPER "$MIGSTAT" ingest -q --to csv change_csv.csv >change_csv2.csv 2>>change_csv.err
if head -1 change_csv.csv | grep -q '^id,metric,kind,value,lo,hi' && grep -q ',pct_change,50,' change_csv.csv \
   && cmp -s change_csv.csv change_csv2.csv; then ok change_csv
else fail change_csv "$(cat change_csv.err)"; fi

# --- change: gaps reported, not shifted
expect change_md 0 -- change -q --to md fixtures/series.csv \
  && has change_md out "gap" && has change_md out "+50.0 %" && lacks change_md out "-20.0 %" && ok change_md

# --- ratio
expect ratio 0 -- ratio -q --num deportations --den entry_denials fixtures/series.csv \
  && lines ratio out 1 && has ratio out '"value":0.5' && ok ratio

# --- check: 144 vs 145 conflict, more than 140 agrees with both, exit 4
expect check 4 -- check fixtures/tolls.csv \
  && has check out "conflict: same_key: deaths RU 2024-03-22" && lacks check out "ok: same_key" \
  && has check out "    - tolls.csv:2 (wire-a, published 2024-04-01)" \
  && has check err "1 conflicts, 0 mismatches, 0 revisions, 0 weak, 2 ok" && ok check
expect check_all 4 -- check -q --all fixtures/tolls.csv && has check_all out "ok: same_key" && ok check_all
# one finding a line, then one summary record per rule (6 built-in rules)
expect check_jsonl 4 -- check -q --to jsonl fixtures/tolls.csv && lines check_jsonl out 7 \
  && has check_jsonl out '"severity":"conflict"' && lacks check_jsonl out '"severity":"ok"' \
  && has check_jsonl out '{"summary":true,"rule":"same_key"' && ok check_jsonl
expect check_jsonl_all 4 -- check -q --all --to jsonl fixtures/tolls.csv && lines check_jsonl_all out 9 \
  && ok check_jsonl_all
# rules files: a bad rule is FILE:LINE:COLUMN and exit 2; a good one is summarised
printf 'deaths <= 200\n# a comment\ndeaths <== 5\n' > bad.rules
expect check_bad_rules 2 -- check -q --rules bad.rules fixtures/tolls.csv \
  && has check_bad_rules err "bad.rules:3:10: expected a metric or field:value, found '='" && ok check_bad_rules
printf 'deaths <= 144  # the official toll\n' > good.rules
expect check_rules 4 -- check -q --rules=good.rules fixtures/tolls.csv \
  && has check_rules out "conflict: good.rules:1: deaths <= 144: deaths RU 2024-03-22 'wire-a' says 145" \
  && has check_rules out "good.rules:1                       3       2       1       0       0  deaths <= 144" \
  && ok check_rules
expect check_rules_missing 1 -- check --rules && has check_rules_missing err "--rules takes a file" \
  && ok check_rules_missing

# --- numbers do not depend on the locale
if locale -a 2>/dev/null | grep -qi '^ru_RU.utf8$'; then
    $MIGSTAT_WRAPPER "$MIGSTAT" ingest -q fixtures/bad.csv > loc_c.out 2>/dev/null
    LC_ALL=ru_RU.UTF-8 $MIGSTAT_WRAPPER "$MIGSTAT" ingest -q fixtures/bad.csv > loc_ru.out 2>/dev/null
    $MIGSTAT_WRAPPER "$MIGSTAT" change -q fixtures/series.csv > loc_c2.out
    LC_ALL=ru_RU.UTF-8 $MIGSTAT_WRAPPER "$MIGSTAT" change -q fixtures/series.csv > loc_ru2.out
    if cmp -s loc_c.out loc_ru.out && cmp -s loc_c2.out loc_ru2.out && [ -s loc_c2.out ]; then ok locale_ru
    else fail locale_ru "output differs under ru_RU.UTF-8"; fi
else
    fail locale_ru "locale ru_RU.UTF-8 is not installed (make test installs it)"
fi

# --- plot: hostile series names render and run nothing
mkdir -p hostile && cd hostile
expect ../plot_hostile 0 -- plot -q --format svg,png -o charts ../fixtures/hostile.csv
rc_plot=$?
cd ..
if [ $rc_plot -eq 0 ]; then
    if [ -e hostile/PWNED ] || [ -e hostile/PWNED2 ] || [ -e PWNED ] || [ -e PWNED2 ] || [ -e hostile/charts/PWNED ]; then
        fail plot_hostile "a command in a series name ran"
    elif [ -s hostile/charts/deportations.svg ] && [ -s hostile/charts/deportations.png ] \
         && grep -q 'touch PWNED' hostile/charts/deportations.svg; then
        ok plot_hostile
    else
        fail plot_hostile "charts missing or label not drawn literally"
    fi
fi
expect plot_no_gnuplot 3 -- plot -q --gnuplot /nonexistent/gnuplot -o c2 fixtures/series.csv \
  && has plot_no_gnuplot err "gnuplot-nox" && ok plot_no_gnuplot

# --- plot --kind: one file per -o NAME.svg|.png|.pdf, a folder otherwise
expect plot_sources 0 -- plot -q --kind sources -o src.svg fixtures/tolls.csv \
  && grep -q 'conflict: intervals share no whole number' src.svg && grep -q '>paper-b<' src.svg && ok plot_sources \
  || fail plot_sources "no conflict row in src.svg"
expect plot_yoy 0 -- plot -q --kind yoy -o yoy fixtures/series.csv \
  && grep -q '+50 %' yoy/yoy_deportations_xx_office.svg && grep -q 'no 2021 figure' yoy/yoy_deportations_xx_office.svg \
  && ok plot_yoy || fail plot_yoy "yoy chart lacks its labels"
expect plot_ratio 0 -- plot -q --kind ratio --num deportations --den entry_denials -o r.svg fixtures/series.csv \
  && grep -q 'Deportations to entry denials' r.svg && ok plot_ratio || fail plot_ratio "no ratio chart"
expect plot_multiples 0 -- plot -q --kind multiples --by place -o m.pdf fixtures/years.csv \
  && head -c 5 m.pdf | grep -q '%PDF-' && ok plot_multiples || fail plot_multiples "no PDF"
expect plot_size 0 -- plot -q --kind line --size 640x360 -o s.svg fixtures/tolls.csv \
  && grep -q 'width="640" height="360"' s.svg && ok plot_size || fail plot_size "size not applied"
expect plot_format_png 0 -- plot -q --kind multiples --format png -o pf fixtures/years.csv \
  && [ -s pf/multiples_by_metric.png ] && ok plot_format_png || fail plot_format_png "no PNG in pf/"
expect plot_bad_kind 1 -- plot --kind pie -o x.svg fixtures/series.csv && has plot_bad_kind err "unknown --kind 'pie'" \
  && has plot_bad_kind err "kinds: line yoy sources ratio multiples" && ok plot_bad_kind
expect plot_ratio_alone 1 -- plot --kind ratio -o x.svg fixtures/series.csv \
  && has plot_ratio_alone err "--num METRIC and --den METRIC are required" && ok plot_ratio_alone
expect plot_bad_size 1 -- plot --size 10x-3 -o x.svg fixtures/series.csv && has plot_bad_size err "--size takes" && ok plot_bad_size
expect plot_by_alone 1 -- plot --kind yoy --by place -o x fixtures/series.csv && has plot_by_alone err "--by goes with" \
  && ok plot_by_alone
expect plot_no_pairs 2 -- plot -q --kind sources -o none.svg fixtures/years.csv && has plot_no_pairs err "nothing to compare" \
  && [ ! -e none.svg ] && ok plot_no_pairs
expect plot_one_file_many 1 -- plot -q --kind line -o one.svg fixtures/series.csv \
  && has plot_one_file_many err "makes 2 charts here (one per metric): give -o a folder" && ok plot_one_file_many
expect plot_pipe_name 1 -- plot -q --kind sources -o '|touch PWNED.svg' fixtures/tolls.csv \
  && has plot_pipe_name err "refusing chart output name" && [ ! -e PWNED ] && [ ! -e PWNED.svg ] && ok plot_pipe_name

# --- report: the whole pipeline
expect report 0 -- report -q -o rep fixtures/tolls.csv fixtures/series.csv
if [ -s rep/report.md ] && [ -s rep/figures.jsonl ] && [ -s rep/charts/deaths.svg ] && [ -s rep/charts/deaths.png ]; then
    if grep -q "conflict" rep/report.md && grep -q "gap" rep/report.md; then ok report
    else fail report "report lacks the conflict or the gap"; fi
else
    fail report "report files missing"
fi
if ls rep rep/charts | grep -q '\.tmp\.'; then fail report_atomic "temporary files left"; else ok report_atomic; fi
if [ -s rep/report.html ] && [ -s rep/report.json ] && grep -q '<section id="findings">' rep/report.html; then ok report_formats
else fail report_formats "report.html or report.json missing"; fi
expect report_md_only 0 -- report -q --no-charts --format md -o rep_md fixtures/tolls.csv \
  && [ -s rep_md/report.md ] && [ ! -e rep_md/report.html ] && [ ! -e rep_md/report.json ] && ok report_md_only
expect report_bad_format 1 -- report -q --format pdf -o rep_bad fixtures/tolls.csv \
  && has report_bad_format err "--format takes report formats md, html, json" && ok report_bad_format
# tables and articles in one run: the articles dated by the sources.tsv next to them
R="$HERE/../fixtures/report"
expect report_mixed 0 -- report --no-charts -o rep_mixed "$R/tables.csv" "$R/articles/wire_2024.txt" "$R/articles/undated_note.txt" \
  && has report_mixed err "undated_note.txt: warning: no publication date (not listed in" \
  && has report_mixed err "wire_2024.txt: read 8, accepted 3" \
  && grep -q '"outlet":."Example Wire"' rep_mixed/report.json \
  && grep -q '"published":."2024-08-19"' rep_mixed/report.json \
  && grep -q '"phone":' rep_mixed/report.json \
  && grep -q 'nearly 93,000' rep_mixed/report.md && grep -q 'office-release-2025' rep_mixed/report.html \
  && ok report_mixed || fail report_mixed "$(head -c 600 report_mixed.err)"
# hostile labels: escaped in every format, nothing runs; a '|' output folder is refused
mkdir -p hostile_rep && cd hostile_rep
expect ../report_hostile 0 -- report -q -o out ../fixtures/hostile.csv "$R/hostile.jsonl"
rc_rep=$?
cd ..
if [ $rc_rep -eq 0 ]; then
    if ls hostile_rep hostile_rep/out hostile_rep/out/charts 2>/dev/null | grep -q PWNED || [ -e PWNED ] || [ -e PWNED2 ]; then
        fail report_hostile "a command in a label ran"
    elif grep -qi '<script' hostile_rep/out/report.html; then
        fail report_hostile "a label became markup"
    elif grep -q 'system(&#39;touch PWNED&#39;)' hostile_rep/out/report.html \
         && grep -q 'touch PWNED' hostile_rep/out/charts/deportations.svg \
         && grep -q 'system(.touch PWNED.)' hostile_rep/out/report.json; then
        ok report_hostile
    else
        fail report_hostile "labels not shown literally"
    fi
fi
expect report_pipe_dir 1 -- report -q -o '|touch PWNED3' fixtures/tolls.csv \
  && has report_pipe_dir err "refusing output folder '|touch PWNED3'" && [ ! -e '|touch PWNED3' ] && [ ! -e PWNED3 ] \
  && ok report_pipe_dir

# --- tables: mapping options, reject file, errors as JSON, lenient, error limit
T="--map period={Year}-Q{Quarter},subject=Nationality,value=Number --set metric=detentions,place=GB"
# shellcheck disable=SC2086
expect table_reject 2 -- ingest $T --reject rejected.csv --errors-json errors.json fixtures/tidy.csv \
  && lines table_reject out 2 && has table_reject err "fixtures/tidy.csv:3:16: value '1.2.3' is not a number" \
  && has table_reject err "fixtures/tidy.csv:4:16: negative count '-4'" \
  && has table_reject err "read 4, accepted 2, rejected 2, missing 0" \
  && [ "$(cat rejected.csv)" = "$(printf 'Year,Quarter,Nationality,Number\n2023,2,Albania,1.2.3\n2023,3,Albania,-4')" ] \
  && grep -q '"rejected":2' errors.json && grep -q '"line":3,"column":16,"severity":"error"' errors.json \
  && ok table_reject || fail table_reject "reject file: $(cat rejected.csv 2>&1 | head -3)"
# shellcheck disable=SC2086
expect table_lenient 0 -- ingest -q $T --lenient fixtures/tidy.csv && lines table_lenient out 2 \
  && has table_lenient err "value '1.2.3' is not a number" && ok table_lenient
# shellcheck disable=SC2086
expect table_max_errors 2 -- ingest $T --max-errors 1 fixtures/tidy.csv && lines table_max_errors out 1 \
  && has table_max_errors err "stopped after 1 rejected records" && ok table_max_errors
expect table_no_metric 2 -- ingest fixtures/tidy.csv \
  && has table_no_metric err "fixtures/tidy.csv:1: no value column: name it (--map value=COLUMN)" \
  && ok table_no_metric
expect table_bad_field 1 -- ingest --map colour=Year fixtures/tidy.csv \
  && has table_bad_field err "unknown field 'colour'" && ok table_bad_field
expect table_bad_max 1 -- ingest --max-errors 0 fixtures/tidy.csv && ok table_bad_max
expect table_bad_encoding 1 -- ingest --encoding ebcdic $T fixtures/tidy.csv \
  && has table_bad_encoding err "unknown encoding 'ebcdic'" && ok table_bad_encoding
expect table_shipped 0 -- ingest -q --mapping us_dhs_apprehended - <<'EOF' && has table_shipped out '"metric":"apprehensions"' && has table_shipped out '"period_start":"2012-10-01"' && ok table_shipped
,Aliens Apprehended
2013,420789.0
EOF
# several inputs: one accounting line per input, then the total
# shellcheck disable=SC2086
expect table_two_inputs 2 -- ingest $T fixtures/tidy.csv fixtures/tidy.csv --source x \
  && [ "$(grep -c 'migstat: fixtures/tidy.csv: read 4, accepted 2, rejected 2, missing 0' table_two_inputs.err)" -eq 2 ] \
  && has table_two_inputs err "migstat: read 8, accepted 4, rejected 4, missing 0" && ok table_two_inputs \
  || fail table_two_inputs "$(cat table_two_inputs.err)"
# an interrupted or failed run leaves no output file
expect table_no_partial 1 -- ingest --map colour=x -o partial.jsonl fixtures/tidy.csv \
  && [ ! -e partial.jsonl ] && ok table_no_partial

# --- extract: figures from news text
expect extract_help 0 -- extract --help && has extract_help out "usage: migstat extract" && ok extract_help
expect extract_en 0 -- extract --published 2024-05-14 fixtures/article_en.txt \
  && has extract_en out '"value":48000' && has extract_en out '"hedge":"more_than"' \
  && has extract_en out '"metric":"entry_denials"' && has extract_en out '"period_start":"2024-01-01","period_end":"2024-04-30"' \
  && has extract_en out '"kind":"pct_change","value":31' && has extract_en out '"kind":"share","value":41' \
  && has extract_en out '"source":"article_en"' && lacks extract_en out '"value":7474' \
  && lacks extract_en out '"value":300,' && has extract_en err "extract: 1 article" && ok extract_en
expect extract_explain 0 -- extract -q --explain --published 2024-05-14 fixtures/article_en.txt \
  && has extract_explain err 'fixtures/article_en.txt:7:' && has extract_explain err 'phone' \
  && has extract_explain err 'page furniture' && ok extract_explain
expect extract_jsonl 2 -- extract --jsonl-in fixtures/articles.jsonl \
  && has extract_jsonl out '"source":"wire-1"' && has extract_jsonl out '"url":"https://example.org/a"' \
  && has extract_jsonl out '"source":"agency-2"' && has extract_jsonl out '"value":14200' \
  && has extract_jsonl out '"lang":"ru"' && has extract_jsonl err "fixtures/articles.jsonl:3:1: not a JSON object" \
  && has extract_jsonl err 'fixtures/articles.jsonl:4:1: no "text" string' \
  && has extract_jsonl err "2 articles" && has extract_jsonl err "2 bad input lines" && ok extract_jsonl
printf 'Police detained\377 640 migrants\000 in Moscow.\r\nAnother 80 were deported.\r\n' > bytes.txt
expect extract_bytes 0 -- extract --lang en bytes.txt \
  && has extract_bytes err "bytes.txt: warning: invalid UTF-8 byte 0xFF at byte offset 15" \
  && has extract_bytes err "NUL byte at byte offset" && has extract_bytes out '"value":640' \
  && has extract_bytes out '"value":80' && ok extract_bytes
: > empty.txt
expect extract_empty 0 -- extract empty.txt && has extract_empty err "empty text" && lines extract_empty out 0 && ok extract_empty
expect extract_bad_lang 1 -- extract --lang fr fixtures/article_en.txt && has extract_bad_lang err "--lang is auto, en, ru or de" && ok extract_bad_lang
expect extract_bad_date 1 -- extract --published 14.05.2024 fixtures/article_en.txt && has extract_bad_date err "--published takes a date" && ok extract_bad_date
expect extract_table_opt 1 -- extract --mapping x fixtures/article_en.txt && has extract_table_opt err "does not apply" && ok extract_table_opt
expect extract_csv 0 -- extract -q --to csv -o ex.csv fixtures/article_ru.txt && [ -s ex.csv ] && head -1 ex.csv | grep -q '^id,metric,kind' && ok extract_csv
# a 20 MB article on one line: read whole, no crash
python3 -c "import sys; sys.stdout.write(('Nearly 93,000 people were deported. ' * 560000))" > long.txt 2>/dev/null \
  || awk 'BEGIN { for (i = 0; i < 560000; i++) printf "Nearly 93,000 people were deported. " }' > long.txt
expect extract_long 0 -- extract -q --lang en long.txt && lines extract_long out 1 && ok extract_long

# --- derived series: index, trend, summary, the count test, change forms
expect index_md 0 -- index -q --base 2020 --to md fixtures/years.csv \
  && has index_md out "| 2021 | 2020 | ok | 118.18181818181819 |" && has index_md out "no\\_base" && ok index_md
expect index_jsonl 0 -- index -q --base 2020 fixtures/years.csv && lines index_jsonl out 5 \
  && has index_jsonl out '"kind":"index"' && has index_jsonl out '"inputs":["years.csv:4","years.csv:3"]' && ok index_jsonl
expect index_no_base 1 -- index fixtures/years.csv && has index_no_base err "--base PERIOD is required" && ok index_no_base
expect index_bad_base 1 -- index --base 20x0 fixtures/years.csv && has index_bad_base err "--base takes a period" && ok index_bad_base
expect trend_csv 0 -- trend -q --to csv fixtures/years.csv && lines trend_csv out 9 \
  && has trend_csv out ",not_enough_points,,,,,,1," && has trend_csv out ",next,2024,," && ok trend_csv
expect summary_md 0 -- summary -q fixtures/years.csv && has summary_md out "| 5 | 2019 | 100 | 2023 | 150 |" \
  && has summary_md out "| 122 | 120 | 19.235384061671343 |" && ok summary_md
expect counts_md 0 -- test-counts 15 8 && has counts_md out "| 15 | 8 | 1 | 1 | 0.2100396156311" && ok counts_md
expect counts_big 0 -- test-counts --to jsonl 93000 60800 && has counts_big out '"p_value":0,' && ok counts_big
expect counts_exposure 0 -- test-counts --to csv --exposure 1,2 10 2 && has counts_exposure out "10,2,1,2,0.00054380448629" && ok counts_exposure
expect counts_bad 1 -- test-counts 15 && has counts_bad err "two counts K1 K2" && ok counts_bad
expect counts_frac 1 -- test-counts 1.5 2 && has counts_frac err "whole numbers" && ok counts_frac
expect counts_exp_bad 1 -- test-counts --exposure 0,1 1 2 && has counts_exp_bad err "--exposure takes two numbers" && ok counts_exp_bad
expect decumulate 0 -- change -q --decumulate --to md fixtures/ytd.csv \
  && has decumulate out "| 2024-05 | 2024-01/2024-04 | ok | 12000 |" && has decumulate out "| 2024-04 | 2024-Q1 | gap |" \
  && ok decumulate
expect decumulate_err 0 -- change --decumulate fixtures/ytd.csv && has decumulate_err err "1: no monthly value" \
  && lines decumulate_err out 3 && ok decumulate_err
expect cumulate 0 -- change -q --cumulate --to csv fixtures/ytd.csv && has cumulate out "derived:ytd.csv:2:ytd" && ok cumulate
expect cagr 0 -- change -q --cagr --between 2019,2023 fixtures/years.csv && has cagr out '"kind":"cagr"' \
  && has cagr out '"value":10.668191970032' && ok cagr
expect log_change 0 -- change -q --log fixtures/years.csv && lines log_change out 4 && has log_change out '"unit":"log"' && ok log_change
expect change_two_forms 1 -- change --log --cagr fixtures/years.csv && has change_two_forms err "one of --log" && ok change_two_forms
expect between_alone 1 -- change --between 2019,2023 fixtures/years.csv && has between_alone err "--between goes with --cagr" && ok between_alone
expect share 0 -- ratio -q --share-of subject fixtures/years.csv && lines share out 1 && has share out '"value":20' && ok share
expect per_capita 0 -- ratio -q --per-capita population --per 1e6 fixtures/years.csv && lines per_capita out 2 \
  && has per_capita out '"unit":"per_1000000_population"' && has per_capita out '"value":1.0273972602739725' \
  && has per_capita err "per capita rate of 'years.csv:2' (2019) not computed: no figure to divide by" && ok per_capita

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
