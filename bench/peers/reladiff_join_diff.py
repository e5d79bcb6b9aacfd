"""reladiff in join-diff mode over the benchmark's DuckDB file; prints one JSON line.

Usage: python reladiff_join_diff.py <database> <source table> <target table> <keys,> <columns,>
"""
import json
import resource
import sys
import time

started = time.perf_counter()
import duckdb

# sqeleton opens the file read-write; the benchmark's database is shared and must stay as the
# Node engine wrote it, so every connection here is read-only.
_connect = duckdb.connect
duckdb.connect = lambda database=":memory:", *args, **kwargs: _connect(database, read_only=True)

import reladiff  # noqa: E402

database, source_table, target_table, keys, columns = sys.argv[1:6]
key_columns = tuple(keys.split(","))
extra_columns = tuple(columns.split(","))
imported = time.perf_counter()

source = reladiff.connect_to_table(f"duckdb://{database}", source_table, key_columns)
target = reladiff.connect_to_table(f"duckdb://{database}", target_table, key_columns)
connected = time.perf_counter()

# validate_unique_key=False: the data has duplicate keys on purpose, and with validation on
# join-diff stops with an error instead of reporting them.
diff = reladiff.diff_tables(
    source,
    target,
    algorithm=reladiff.Algorithm.JOINDIFF,
    extra_columns=extra_columns,
    validate_unique_key=False,
)
minus_keys, plus_keys = set(), set()
diff_rows = 0
for sign, row in diff:
    diff_rows += 1
    (minus_keys if sign == "-" else plus_keys).add(tuple(row[: len(key_columns)]))
compared = time.perf_counter()
stats = diff.get_stats_dict()

print(json.dumps({
    "tool": "reladiff",
    "version": reladiff.__version__ if hasattr(reladiff, "__version__") else None,
    "engine": f"duckdb {duckdb.__version__}",
    "mode": "join-diff (algorithm=JOINDIFF, validate_unique_key=False)",
    "importS": imported - started,
    "connectS": connected - imported,
    "compareS": compared - connected,
    "found": {
        "diffRowsStreamed": diff_rows,
        "onlySourceKeys": len(minus_keys - plus_keys),
        "onlyTargetKeys": len(plus_keys - minus_keys),
        "changedKeys": len(minus_keys & plus_keys),
        "stats": {key: value for key, value in stats.items() if isinstance(value, (int, float, str))},
    },
    "maxRssBytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
}))
