#!/usr/bin/env python3
"""Turn a folder of articles into the JSON Lines `migstat extract --jsonl-in` reads.

usage: articles_to_jsonl.py DIR [DIR...] > articles.jsonl

Every DIR/*.txt is one article; its id is the file stem. When DIR has a
sources.tsv (columns id, ..., language, published, ...), the publication
date and language of each article come from there, so relative periods
("last year", "since the beginning of the year") resolve as they should.
"""
import csv
import json
import pathlib
import sys


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    for d in map(pathlib.Path, argv[1:]):
        meta = {}
        tsv = d / "sources.tsv"
        if tsv.exists():
            with open(tsv, encoding="utf-8", newline="") as f:
                for row in csv.DictReader(f, delimiter="\t"):
                    meta[row.get("id", "")] = row
        for path in sorted(d.glob("*.txt")):
            row = meta.get(path.stem, {})
            doc = {"id": path.stem,
                   "text": path.read_bytes().decode("utf-8", errors="replace")}
            if row.get("published"):
                doc["published"] = row["published"]
            if row.get("language"):
                doc["lang"] = row["language"]
            if row.get("url"):
                doc["url"] = row["url"]
            print(json.dumps(doc, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv)
