#!/bin/sh
# Reads every table of a folder of real published files (laid out as
# PROVENANCE.md of the shared data describes) with its reader and shipped
# mapping, and checks the accounting against the file itself:
# observations (rows x value columns) = accepted + missing + rejected + skipped,
# counted independently by python3. Not part of `make test`: the files are
# not ours to ship. Usage: scripts/check_real_data.sh DIR [MIGSTAT]
set -u
dir=${1:?usage: check_real_data.sh DIR [MIGSTAT]}
migstat=${2:-build/migstat}
fail=0
# file | mapping ("-" = automatic) | extra options | value columns (python expr over the header, "long" = 1 per row)
while IFS='|' read -r file mapping extra cells; do
    [ -z "$file" ] && continue
    path="$dir/$file"
    set -- --errors-json /tmp/check_real_errors.json
    [ "$mapping" != "-" ] && set -- "$@" --mapping "$mapping"
    # shellcheck disable=SC2086
    "$migstat" ingest -q $extra "$@" "$path" > /tmp/check_real.jsonl 2>/dev/null
    rc=$?
    expected=$(python3 - "$path" "$cells" <<'PY'
import csv, sys
path, cells = sys.argv[1], sys.argv[2]
raw = open(path, 'rb').read()
if cells == 'json':  # numbers in objects of numbers (nested records)
    import json
    def count(node):
        if isinstance(node, dict):
            if node and all(isinstance(v, (int, float)) or v is None for v in node.values()):
                return len(node)
            return sum(count(v) for v in node.values())
        if isinstance(node, list):
            return sum(count(v) for v in node)
        return 0
    print(count(json.loads(raw)))
    sys.exit(0)
try:
    text = raw.decode('utf-8')
except UnicodeDecodeError:
    text = raw.decode('latin-1')
delim = '\t' if path.endswith('.tsv') else ','
rows = list(csv.reader(text.splitlines(), delimiter=delim))
header, body = rows[0], [r for r in rows[1:] if any(c.strip() for c in r)]
per_row = 1 if cells == 'long' else eval(cells, {'header': header, 'len': len})
print(len(body) * per_row)
PY
)
    got=$(python3 -c "
import json; d = json.load(open('/tmp/check_real_errors.json'))
print(d['accepted'] + d['missing'] + d['rejected'] + d['skipped'], d['read'], d['accepted'], d['missing'], d['rejected'])")
    set -- $got
    if [ "$1" = "$expected" ] && [ "$2" = "$expected" ] && [ $rc -le 2 ]; then
        echo "ok   $file: $expected observations = $3 accepted + $4 missing + $5 rejected (exit $rc)"
    else
        echo "FAIL $file: expected $expected observations, got read $2, sum $1 (exit $rc)"
        fail=1
    fi
done <<'LIST'
eurostat_appsso_csv/migr_eiord_1_Data.csv|eurostat_appsso_migr_eiord||long
eurostat_appsso_csv/migr_eiord_Data_allcitizens.csv|eurostat_appsso_migr_eiord||long
eurostat_appsso_csv/migr_eirtn_1_Data.csv|eurostat_appsso_migr_eirtn||long
eurostat_appsso_csv/migr_eirtn_Data_allcitizens.csv|eurostat_appsso_migr_eirtn||long
eurostat_appsso_csv/migr_eirfs_Data_allcitizenships.csv|eurostat_appsso_migr_eirfs||long
eurostat_appsso_csv/migr_eipre_1_Data_allcitizens.csv|eurostat_appsso_migr_eipre||long
eurostat_sdmx_csv/migrants_refused_entry_at_the_border.csv|-||long
eurostat_sdmx_csv/migrants_illegally_present.csv|-||long
eurostat_sdmx_csv/migration_permits_issued.csv|-||long
uk_home_office/returns_by_destination.csv|uk_returns_by_destination||long
uk_home_office/returns_offenders_by_nationality.csv|uk_returns_offenders_by_nationality||long
uk_home_office/returns_asylum_longitudinal.csv|uk_returns_asylum_longitudinal||len(header) - 2
uk_home_office/returns_asylum.csv|uk_returns_asylum|--set period=2023|len(header) - 2
uk_home_office/detention_summary_flow.csv|uk_detention_summary_flow||len(header) - 1
uk_home_office/irregular_migration.csv|uk_irregular_migration||long
us_dhs_yearbook/removed.csv|us_dhs_removed||len(header) - 1
us_dhs_yearbook/removals_reg.csv|us_dhs_removals_by_country_and_status||len(header) - 2
us_dhs_yearbook/removals_reg_curr.csv|us_dhs_removals_by_country||len(header) - 1
us_dhs_yearbook/inadmissable_reg.csv|us_dhs_inadmissible_by_country||len(header) - 1
us_dhs_yearbook/apprehended.csv|us_dhs_apprehended||len(header) - 1
migrants_files/deportations-year-country.csv|migrants_files_deportations||5
eurostat_derived_json/eurostat-work-permits-citizenship.json|eurostat_derived_permits_by_citizenship||json
LIST
exit $fail
