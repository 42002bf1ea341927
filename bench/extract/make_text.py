#!/usr/bin/env python3
"""make_text.py -- news text for the extraction benchmark (bench/extract/run.sh).

Repeats the example articles (data/examples/articles/*.txt, languages from its
sources.tsv) in a seeded random order until the output reaches --mb megabytes
(10^6 bytes), and varies the figures in each copy so that no two copies are the
same text: every number keeps its written form (digit count, group and decimal
separators, trailing zeros, the words around it) but gets new leading digits.
Years (1990-2035), and digits inside phone numbers, law and article numbers
("18.8", "322.1", "114-ФЗ", "8-800-...") are left alone, so the non-figures stay
non-figures. Articles are separated by a blank line, paragraphs inside an
article too, as in the source files.

With --jsonl FILE it also writes the same articles as JSON Lines, one object per
article: {"id", "text", "published", "url", "lang"} (the input of
`migstat extract --jsonl-in`). With --split DIR it also writes each article to
its own file, DIR/000000.txt, DIR/000001.txt, ... (the usual input of
`migstat extract`: one article a file).

Standard library only; the same arguments give the same bytes.

usage: make_text.py OUT [--mb 50] [--langs en,ru] [--seed 20240820]
                        [--articles DIR] [--jsonl FILE] [--split DIR]
"""
import argparse
import csv
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_ARTICLES = os.path.join(HERE, "..", "..", "data", "examples", "articles")

# A number as written: digit runs joined by one separator each
# ("128,000", "1 012,7", "19.420", "6 812"). U+00A0 and U+202F count as spaces.
NUMBER = re.compile(r"\d+(?:[,. \u00a0\u202f]\d+)*")
# Left alone: phone numbers, codes and article/law numbers: a number glued to a
# hyphen, a slash or an underscore, an area code in brackets, or a number after
# an article, paragraph, table or phone word.
CODE_BEFORE = re.compile(
    r"(?:[-/_]|Article |[Сс]т\. |стать[яиеёюй]+ |статьям |§ |№ |"
    r"[Tt]able [A-Z_]*|RET_D|телефону )$")
CODE_AFTER = re.compile(r"^(?:[-/_]\d|\) ?\d|-[A-Za-zА-Яа-я]| \(\d{3,4}\))")
# Left alone: lengths of time and hours ("12 months", "7 рабочих дней", "9am").
SPAN_AFTER = re.compile(r"^(?: (?:months|days|years|рабочих|часов|лет|Jahre)|[ap]m\b)")
# Left alone too: days of the month ("30 June", "1 августа", "14. März",
# "Aug 19"), so that dates stay dates.
MONTHS = (r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|"
          r"январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр|"
          r"Januar|Februar|März|Mai|Juni|Juli|Oktober|Dezember")
DAY_AFTER = re.compile(r"^\.? (?:%s)" % MONTHS)
DAY_BEFORE = re.compile(r"(?:%s)[a-zа-яä]*\.? $" % MONTHS)


def load_articles(folder, langs):
    """[(id, lang, published, text)] for the articles in langs, by id."""
    out = []
    with open(os.path.join(folder, "sources.tsv"), encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["language"] not in langs:
                continue
            path = os.path.join(folder, row["id"] + ".txt")
            with open(path, encoding="utf-8") as g:
                text = g.read().strip("\n")
            out.append((row["id"], row["language"], row["published"], text))
    out.sort()
    return out


def vary_number(rng, s):
    """New leading digits for the number s, same shape. Trailing zeros stay
    zeros (a round 128,000 stays round), the first digit stays non-zero."""
    chars = list(s)
    digits = [i for i, c in enumerate(chars) if c.isdigit()]
    # significant digits: up to the last non-zero one
    last = max((i for i in digits if chars[i] != "0"), default=-1)
    first = True
    for i in digits:
        if i > last:
            break
        if first:
            # keep small counts small: one-digit numbers vary in 1..9, longer
            # ones keep their first digit within one of the original
            d = int(chars[i])
            lo, hi = (1, 9) if len(digits) == 1 else (max(1, d - 1), min(9, d + 1))
            chars[i] = str(rng.randint(lo, hi))
            first = False
        else:
            chars[i] = str(rng.randint(0, 9))
    return "".join(chars)


def vary(rng, text, lang):
    """text with its figures varied; years, dates and codes kept."""
    out = []
    pos = 0
    for m in NUMBER.finditer(text):
        s = m.group(0)
        # "128,000 and" is fine, but "2024, when" must not swallow ", when":
        # the pattern only joins digit runs, so s ends with a digit.
        before = text[max(0, m.start() - 12):m.start()]
        after = text[m.end():m.end() + 12]
        keep = (
            (len(s) == 4 and s.isdigit() and 1990 <= int(s) <= 2035)
            or CODE_BEFORE.search(before) is not None
            or CODE_AFTER.match(after) is not None
            or re.search(r"\d[.]\d+[.]\d", s) is not None  # dates 15.08.1996
            or (s[0] == "0" and len(s) > 1)  # phone numbers "020 7946 0123"
            or (lang == "ru" and "." in s)  # "322.1": Russian decimals use a comma
            or DAY_AFTER.match(after) is not None
            or SPAN_AFTER.match(after) is not None
            or DAY_BEFORE.search(before) is not None
        )
        out.append(text[pos:m.start()])
        out.append(s if keep else vary_number(rng, s))
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", help="the text file to write")
    ap.add_argument("--mb", type=float, default=50.0, help="size in 10^6 bytes (default 50)")
    ap.add_argument("--langs", default="en,ru", help="article languages (default en,ru)")
    ap.add_argument("--seed", type=int, default=20240820)
    ap.add_argument("--articles", default=DEFAULT_ARTICLES, help="folder with sources.tsv")
    ap.add_argument("--jsonl", help="also write the articles as JSON Lines here")
    ap.add_argument("--split", help="also write each article to its own file in this folder")
    a = ap.parse_args(argv)

    langs = set(a.langs.split(","))
    articles = load_articles(a.articles, langs)
    if not articles:
        sys.exit("make_text.py: no articles in %s for %s" % (a.articles, a.langs))
    rng = random.Random(a.seed)
    target = int(a.mb * 1e6)
    written = 0
    n = 0
    jl = open(a.jsonl, "w", encoding="utf-8", newline="\n") if a.jsonl else None
    if a.split:
        os.makedirs(a.split, exist_ok=True)
        for name in os.listdir(a.split):  # a smaller earlier run's files
            if name.endswith(".txt"):
                os.remove(os.path.join(a.split, name))
    with open(a.out, "w", encoding="utf-8", newline="\n") as f:
        while written < target:
            art_id, lang, published, text = rng.choice(articles)
            text = vary(rng, text, lang)
            chunk = text + "\n\n"
            f.write(chunk)
            written += len(chunk.encode("utf-8"))
            if a.split:
                with open(os.path.join(a.split, "%06d.txt" % n), "w", encoding="utf-8",
                          newline="\n") as g:
                    g.write(text + "\n")
            if jl:
                jl.write(json.dumps({
                    "id": "%s-%06d" % (art_id, n),
                    "text": text,
                    "published": published,
                    "url": "https://example.org/%s/%06d" % (art_id, n),
                    "lang": lang,
                }, ensure_ascii=False) + "\n")
            n += 1
    if jl:
        jl.close()
    print("make_text.py: %s: %d articles (%s), %.1f MB"
          % (a.out, n, a.langs, written / 1e6), file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
