#!/usr/bin/env python3
"""gen_table.py — writes the benchmark table for `make bench`.

A long-layout CSV (metric,place,subject,period,value,flags,source,note):
8 metrics x 60 citizenships x 40 places x 120 months (2.3 million rows,
about 300 MB), sorted by series (metric, place, subject) then period, about
2 % of cells left out (gaps) and 1 % written as ":" (missing); a few values
carry a flag ("p" provisional, "e" estimated), and a note like a statistics
office's extract (so rows are ~130 bytes, as in real extracts). Seeded, so every run writes the same bytes. With --shuffle a
second file holds the same rows in a seeded random order (the header first).

Usage: gen_table.py OUT.csv [--shuffled OUT2.csv] [--scale F] [--seed N]
--scale multiplies the number of places (1.0 = 40) to make smaller tables.
"""
import argparse
import random

METRICS = ["entry_denials", "entry_bans", "deportations", "expulsions",
           "forced_departures", "readmissions", "residence_permits_temporary",
           "work_patents"]


SOURCE = "eurostat-migr-resfirst"
NOTE = "monthly extract 2025-03-31; provisional where flagged p; table migr_resfirst"


def places(n):
    # ISO-like region codes, sorted as bytes so the file is in key order
    return sorted("R%02d-%s" % (i, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[i % 26] * 3) for i in range(n))


def subjects(n):
    return sorted("C%02d%s" % (i, "XYZ"[i % 3]) for i in range(n))


def months(n, y0=2015):
    return ["%04d-%02d" % (y0 + m // 12, m % 12 + 1) for m in range(n)]


def rows(seed, n_places):
    rnd = random.Random(seed)
    for metric in sorted(METRICS):
        for place in places(n_places):
            for subject in subjects(60):
                level = rnd.randint(50, 50000)
                for period in months(120):
                    r = rnd.random()
                    if r < 0.02:
                        continue                       # a gap
                    if r < 0.03:
                        value = ":"                    # missing
                    else:
                        level = max(0, level + rnd.randint(-level // 10 - 5, level // 10 + 5))
                        value = str(level)
                    flag = "p" if r > 0.99 else ("e" if r > 0.985 else "")
                    yield "%s,%s,%s,%s,%s,%s,%s,%s\n" % (metric, place, subject, period, value,
                                                      flag, SOURCE, NOTE)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--shuffled")
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--seed", type=int, default=20240101)
    a = ap.parse_args()
    n_places = max(1, int(round(40 * a.scale)))
    header = "metric,place,subject,period,value,flags,source,note\n"
    with open(a.out, "w", newline="") as f:
        f.write(header)
        buf = []
        for line in rows(a.seed, n_places):
            buf.append(line)
            if len(buf) >= 65536:
                f.write("".join(buf))
                buf.clear()
        f.write("".join(buf))
    if a.shuffled:
        with open(a.out, newline="") as f:
            lines = f.readlines()[1:]
        random.Random(a.seed + 1).shuffle(lines)
        with open(a.shuffled, "w", newline="") as f:
            f.write(header)
            f.write("".join(lines))


if __name__ == "__main__":
    main()
