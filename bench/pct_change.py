#!/usr/bin/env python3
"""pct_change.py FILE — the pandas peer of `migstat change`: per-series
(metric, place, subject) percent change of value, ":" read as missing,
the result written as CSV to stdout (as migstat writes its figures)."""
import sys

import pandas as pd

df = pd.read_csv(sys.argv[1], na_values=[":"], keep_default_na=False,
                 dtype={"metric": "category", "place": "category", "subject": "category",
                        "period": str, "value": "float64"},
                 usecols=["metric", "place", "subject", "period", "value"])
df = df.sort_values(["metric", "place", "subject", "period"], kind="stable")
df["pct"] = df.groupby(["metric", "place", "subject"], observed=True)["value"].pct_change(
    fill_method=None) * 100
df.to_csv(sys.stdout, index=False)
