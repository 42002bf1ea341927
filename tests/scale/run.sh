#!/bin/sh
# run.sh MIGSTAT — sharding gives what one process gives. A corpus of
# articles (JSON Lines) is cut into 4 shards, each run through
# `migstat extract --jsonl-in` by GNU parallel as separate processes, and
# the outputs combined with `migstat merge`: the result is byte-identical to
# one process over the whole corpus. The same for `migstat ingest` over
# figure files, and merge drops the figures two shards both hold. GNU
# parallel is required (make test installs it): a missing one fails.
set -u
MIGSTAT=$(cd "$(dirname "${1:?usage: run.sh path/to/migstat}")" && pwd)/$(basename "$1")
HERE=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK" || exit 1
failed=0
ok()   { echo "ok   $1"; }
fail() { echo "FAIL $1"; failed=$((failed + 1)); }

command -v parallel >/dev/null 2>&1 || { echo "FAIL GNU parallel is not installed"; exit 1; }

# 200 articles: the two good articles of the fixture (its last two lines
# are bad on purpose) with their ids and one figure varied
i=0
while [ $i -lt 100 ]; do
    head -n 2 "$HERE/cli/fixtures/articles.jsonl" |
        sed "s/\"id\": \"\([^\"]*\)\"/\"id\": \"\1-$i\"/; s/48,000/4$i,000/"
    i=$((i + 1))
done > corpus.jsonl
[ "$(wc -l < corpus.jsonl)" -eq 200 ] || fail "corpus has $(wc -l < corpus.jsonl) lines"

"$MIGSTAT" extract -q --jsonl-in corpus.jsonl > whole.jsonl || fail "extract on the whole corpus"
[ -s whole.jsonl ] || fail "no figures from the whole corpus"

split -n l/4 -d corpus.jsonl shard_
ls shard_* | parallel -j 4 "'$MIGSTAT' extract -q --jsonl-in {} > {}.out" || fail "parallel extract"
"$MIGSTAT" merge -q shard_00.out shard_01.out shard_02.out shard_03.out > merged.jsonl || fail "merge"
if cmp -s whole.jsonl merged.jsonl; then
    ok "extract: 4 shards by GNU parallel + merge = one process ($(wc -l < whole.jsonl) figures)"
else
    fail "extract: sharded output differs from one process"
fi

# the same without shard files: parallel cuts stdin at line ends
parallel --pipe -N 25 --keep-order -j 4 "'$MIGSTAT' extract -q --jsonl-in -" < corpus.jsonl > piped.jsonl ||
    fail "parallel --pipe extract"
if cmp -s whole.jsonl piped.jsonl; then
    ok "extract: parallel --pipe --keep-order = one process"
else
    fail "extract: piped blocks differ from one process"
fi

# ingest: figure files split in two overlapping halves; merge drops the overlap
"$MIGSTAT" ingest -q "$HERE/../data/figures/eu_refused_entry.csv" > table.jsonl || fail "ingest"
n=$(wc -l < table.jsonl)
head -n $((n * 2 / 3)) table.jsonl > part_a.jsonl
tail -n $((n * 2 / 3)) table.jsonl > part_b.jsonl
printf 'part_a.jsonl\npart_b.jsonl\n' | parallel -j 2 "'$MIGSTAT' ingest -q {} > {}.out" || fail "parallel ingest"
"$MIGSTAT" merge -q part_a.jsonl.out part_b.jsonl.out > merged_table.jsonl || fail "merge of tables"
if cmp -s table.jsonl merged_table.jsonl; then
    ok "ingest: overlapping shards + merge = one process ($n figures, the overlap dropped once)"
else
    fail "ingest: merged shards differ from one process"
fi

[ "$failed" -eq 0 ]
