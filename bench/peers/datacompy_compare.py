"""datacompy (polars flavour) over the benchmark's Parquet files; prints one JSON line.

Usage: python datacompy_compare.py <source.parquet> <target.parquet> <keys,> <tolerances json>
"""
import json
import resource
import sys
import time

started = time.perf_counter()
import datacompy  # noqa: E402
import polars as pl  # noqa: E402

source_file, target_file, keys, tolerances_json = sys.argv[1:5]
join_columns = keys.split(",")
tolerances = json.loads(tolerances_json)
imported = time.perf_counter()

source = pl.read_parquet(source_file)
target = pl.read_parquet(target_file)
loaded = time.perf_counter()

comparison = datacompy.PolarsCompare(
    source,
    target,
    join_columns=join_columns,
    abs_tol={column: tolerance["abs"] for column, tolerance in tolerances.items() if "abs" in tolerance},
    rel_tol={column: tolerance["rel"] for column, tolerance in tolerances.items() if "rel" in tolerance},
    df1_name="source",
    df2_name="target",
)
mismatched_rows = comparison.all_mismatch().height
compared = time.perf_counter()

print(json.dumps({
    "tool": "datacompy",
    "version": datacompy.__version__,
    "engine": f"polars {pl.__version__}",
    "mode": "PolarsCompare with per-column abs_tol/rel_tol",
    "importS": imported - started,
    "loadS": loaded - imported,
    "compareS": compared - loaded,
    "found": {
        "onlySourceRows": comparison.df1_unq_rows.height,
        "onlyTargetRows": comparison.df2_unq_rows.height,
        "intersectRows": comparison.intersect_rows.height,
        "mismatchedRows": mismatched_rows,
        "columnMismatches": {stat["column"]: stat["unequal_cnt"] for stat in comparison.column_stats if stat["unequal_cnt"] > 0},
    },
    "maxRssBytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
}))
