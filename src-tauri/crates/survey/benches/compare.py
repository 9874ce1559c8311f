"""Benchmark companion: pandas and polars on the same generated CSV.

Each library runs in its own process so peak memory (ru_maxrss) is its own:
    python3 compare.py FILE pandas|polars
Prints one JSON line: read_csv + value_counts for every column.
"""
import json
import resource
import sys
import time

path, lib = sys.argv[1], sys.argv[2]
start = time.perf_counter()
if lib == "pandas":
    import pandas as pd

    df = pd.read_csv(path)
    for col in df.columns:
        df[col].value_counts()
else:
    import polars as pl

    df = pl.read_csv(path)
    for col in df.columns:
        df[col].value_counts()
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"lib": lib, "rows": df.shape[0], "cols": df.shape[1], "seconds": round(elapsed, 3), "peak_rss_bytes": peak}))
