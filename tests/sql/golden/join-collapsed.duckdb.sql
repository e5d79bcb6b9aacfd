WITH
recon_source AS (
  SELECT k0, k1, count(*) AS key_rows, any_value(v0) AS v0, any_value(v1) AS v1, any_value(v2) AS v2, any_value(v3) AS v3, any_value(v4) AS v4
  FROM (
  SELECT
    CAST("order_id" AS BIGINT) AS k0,
    "line" AS k1,
    "cust" AS v0,
    CAST("amount" AS DECIMAL(12,4)) AS v1,
    "ratio" AS v2,
    CAST("placed_at" AS TIMESTAMP) AS v3,
    "note" AS v4
  FROM (SELECT * FROM "legacy"."orders" AS recon_base
WHERE (region = 'EU')
  AND (order_date >= DATE '2024-01-01')) AS recon_side
  ) AS recon_rows
  GROUP BY k0, k1
),
recon_target AS (
  SELECT k0, k1, count(*) AS key_rows, any_value(v0) AS v0, any_value(v1) AS v1, any_value(v2) AS v2, any_value(v3) AS v3, any_value(v4) AS v4
  FROM (
  SELECT
    "order_id" AS k0,
    "line" AS k1,
    "customer_id" AS v0,
    "amount" AS v1,
    "ratio" AS v2,
    "placed_at" AS v3,
    "note" AS v4
  FROM (SELECT * FROM "main"."sales"."orders" AS recon_base
WHERE (order_date >= DATE '2024-01-01')) AS recon_side
  ) AS recon_rows
  GROUP BY k0, k1
),
recon_joined AS (
  SELECT
    coalesce(s.k0, t.k0) AS k0,
    coalesce(s.k1, t.k1) AS k1,
    s.key_rows IS NOT NULL AS in_source,
    t.key_rows IS NOT NULL AS in_target,
    coalesce(s.key_rows, 0) AS source_rows,
    coalesce(t.key_rows, 0) AS target_rows,
    s.v0 AS s0,
    t.v0 AS t0,
    s.v1 AS s1,
    t.v1 AS t1,
    s.v2 AS s2,
    t.v2 AS t2,
    s.v3 AS s3,
    t.v3 AS t3,
    s.v4 AS s4,
    t.v4 AS t4
  FROM recon_source AS s
  FULL OUTER JOIN recon_target AS t
    ON s.k0 IS NOT DISTINCT FROM t.k0 AND s.k1 IS NOT DISTINCT FROM t.k1
),
recon_flagged AS (
  SELECT recon_joined.*,
    CASE WHEN in_source AND in_target AND source_rows = 1 AND target_rows = 1 AND s0 IS DISTINCT FROM t0 THEN 1 ELSE 0 END AS d0,
    CASE WHEN in_source AND in_target AND source_rows = 1 AND target_rows = 1 AND (s1 IS DISTINCT FROM t1 AND NOT coalesce(abs(s1 - t1) <= CAST('0.01' AS DECIMAL(2,2)) + CAST('0.001' AS DECIMAL(3,3)) * abs(t1), FALSE)) THEN 1 ELSE 0 END AS d1,
    CASE WHEN in_source AND in_target AND source_rows = 1 AND target_rows = 1 AND (s2 IS DISTINCT FROM t2 AND NOT coalesce(isfinite(s2) AND isfinite(t2) AND abs(s2 - t2) <= CAST('0' AS DOUBLE) + CAST('0.000001' AS DOUBLE) * abs(t2), FALSE)) THEN 1 ELSE 0 END AS d2,
    CASE WHEN in_source AND in_target AND source_rows = 1 AND target_rows = 1 AND s3 IS DISTINCT FROM t3 THEN 1 ELSE 0 END AS d3,
    CASE WHEN in_source AND in_target AND source_rows = 1 AND target_rows = 1 AND s4 IS DISTINCT FROM t4 THEN 1 ELSE 0 END AS d4,
    CASE WHEN in_source AND in_target AND source_rows = 1 AND target_rows = 1 AND hash(s0, s1, s2, s3, s4) <> hash(t0, t1, t2, t3, t4) THEN 1 ELSE 0 END AS hash_differs
  FROM recon_joined
),
recon_interesting AS (
  SELECT recon_flagged.*,
    CASE WHEN d0 + d1 + d2 + d3 + d4 > 0 THEN 1 ELSE 0 END AS row_differs,
    CASE WHEN source_rows > 1 OR target_rows > 1 THEN 'duplicate' WHEN NOT in_target THEN 'only_source' WHEN NOT in_source THEN 'only_target' WHEN d0 + d1 + d2 + d3 + d4 > 0 THEN 'mismatch' ELSE 'hash_only' END AS category
  FROM recon_flagged
  WHERE NOT (in_source AND in_target) OR source_rows > 1 OR target_rows > 1 OR d0 + d1 + d2 + d3 + d4 > 0 OR hash_differs = 1
),
recon_ranked AS (
  SELECT recon_interesting.*,
    row_number() OVER (PARTITION BY category ORDER BY k0 NULLS FIRST, k1 NULLS FIRST) AS sample_rank,
    sum(CASE WHEN in_source AND NOT in_target THEN 1 ELSE 0 END) OVER () AS only_source_keys,
    sum(CASE WHEN in_source AND NOT in_target THEN source_rows ELSE 0 END) OVER () AS only_source_rows,
    sum(CASE WHEN in_target AND NOT in_source THEN 1 ELSE 0 END) OVER () AS only_target_keys,
    sum(CASE WHEN in_target AND NOT in_source THEN target_rows ELSE 0 END) OVER () AS only_target_rows,
    sum(CASE WHEN row_differs = 1 THEN 1 ELSE 0 END) OVER () AS mismatched_rows,
    sum(CASE WHEN hash_differs = 1 THEN 1 ELSE 0 END) OVER () AS hash_mismatches,
    sum(CASE WHEN hash_differs = 1 AND row_differs = 0 THEN 1 ELSE 0 END) OVER () AS hash_only,
    sum(CASE WHEN hash_differs = 0 AND row_differs = 1 THEN 1 ELSE 0 END) OVER () AS values_only,
    sum(CASE WHEN source_rows > 1 THEN 1 ELSE 0 END) OVER () AS source_duplicate_keys,
    sum(CASE WHEN source_rows > 1 THEN source_rows - 1 ELSE 0 END) OVER () AS source_extra_rows,
    sum(CASE WHEN target_rows > 1 THEN 1 ELSE 0 END) OVER () AS target_duplicate_keys,
    sum(CASE WHEN target_rows > 1 THEN target_rows - 1 ELSE 0 END) OVER () AS target_extra_rows,
    sum(CASE WHEN in_source AND in_target AND (source_rows > 1 OR target_rows > 1) THEN 1 ELSE 0 END) OVER () AS ambiguous_keys,
    sum(d0) OVER () AS column_mismatches_0,
    sum(d1) OVER () AS column_mismatches_1,
    sum(d2) OVER () AS column_mismatches_2,
    sum(d3) OVER () AS column_mismatches_3,
    sum(d4) OVER () AS column_mismatches_4
  FROM recon_interesting
)
SELECT
  category,
  sample_rank,
  only_source_keys,
  only_source_rows,
  only_target_keys,
  only_target_rows,
  mismatched_rows,
  hash_mismatches,
  hash_only,
  values_only,
  source_duplicate_keys,
  source_extra_rows,
  target_duplicate_keys,
  target_extra_rows,
  ambiguous_keys,
  column_mismatches_0,
  column_mismatches_1,
  column_mismatches_2,
  column_mismatches_3,
  column_mismatches_4,
  CAST(k0 AS VARCHAR) AS key_0,
  CAST(k1 AS VARCHAR) AS key_1,
  source_rows,
  target_rows,
  s0 AS source_0,
  t0 AS target_0,
  CAST(s1 AS VARCHAR) AS source_1,
  CAST(t1 AS VARCHAR) AS target_1,
  CAST(s2 AS VARCHAR) AS source_2,
  CAST(t2 AS VARCHAR) AS target_2,
  strftime(s3, '%Y-%m-%d %H:%M:%S.%f') AS source_3,
  strftime(t3, '%Y-%m-%d %H:%M:%S.%f') AS target_3,
  s4 AS source_4,
  t4 AS target_4,
  d0,
  d1,
  d2,
  d3,
  d4
FROM recon_ranked
WHERE sample_rank <= 5
ORDER BY category, sample_rank;
