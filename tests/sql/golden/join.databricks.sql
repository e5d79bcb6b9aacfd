WITH
recon_source AS (
  SELECT
    CAST(`order_id` AS BIGINT) AS k0,
    `line` AS k1,
    `cust` AS v0,
    CAST(`amount` AS DECIMAL(12,4)) AS v1,
    `ratio` AS v2,
    CAST(`placed_at` AS TIMESTAMP_NTZ) AS v3,
    `note` AS v4
  FROM (SELECT * FROM `legacy`.`orders` AS recon_base
WHERE (region = 'EU')
  AND (order_date >= DATE '2024-01-01')) AS recon_side
),
recon_target AS (
  SELECT
    `order_id` AS k0,
    `line` AS k1,
    `customer_id` AS v0,
    `amount` AS v1,
    `ratio` AS v2,
    `placed_at` AS v3,
    `note` AS v4
  FROM (SELECT * FROM `main`.`sales`.`orders` AS recon_base
WHERE (order_date >= DATE '2024-01-01')) AS recon_side
),
recon_hashed AS (
  SELECT k0, k1, 1 AS side, xxhash64(v0, v1, CASE WHEN v2 = 0 THEN CAST(0 AS DOUBLE) ELSE CAST(v2 AS DOUBLE) END, v3, v4, concat(CASE WHEN v0 IS NULL THEN '1' ELSE '0' END, CASE WHEN v1 IS NULL THEN '1' ELSE '0' END, CASE WHEN v2 IS NULL THEN '1' ELSE '0' END, CASE WHEN v3 IS NULL THEN '1' ELSE '0' END, CASE WHEN v4 IS NULL THEN '1' ELSE '0' END)) AS row_hash FROM recon_source
  UNION ALL
  SELECT k0, k1, 2 AS side, xxhash64(v0, v1, CASE WHEN v2 = 0 THEN CAST(0 AS DOUBLE) ELSE CAST(v2 AS DOUBLE) END, v3, v4, concat(CASE WHEN v0 IS NULL THEN '1' ELSE '0' END, CASE WHEN v1 IS NULL THEN '1' ELSE '0' END, CASE WHEN v2 IS NULL THEN '1' ELSE '0' END, CASE WHEN v3 IS NULL THEN '1' ELSE '0' END, CASE WHEN v4 IS NULL THEN '1' ELSE '0' END)) AS row_hash FROM recon_target
),
recon_keys AS (
  SELECT k0, k1,
    sum(CASE WHEN side = 1 THEN 1 ELSE 0 END) AS source_rows,
    sum(CASE WHEN side = 2 THEN 1 ELSE 0 END) AS target_rows,
    max(CASE WHEN side = 1 THEN row_hash END) AS source_hash,
    max(CASE WHEN side = 2 THEN row_hash END) AS target_hash
  FROM recon_hashed
  GROUP BY k0, k1
),
recon_interesting AS (
  SELECT recon_keys.*,
    CASE WHEN source_rows > 1 OR target_rows > 1 THEN 'duplicate' WHEN target_rows = 0 THEN 'only_source' WHEN source_rows = 0 THEN 'only_target' ELSE 'changed' END AS kind
  FROM recon_keys
  WHERE source_rows <> 1 OR target_rows <> 1 OR source_hash <> target_hash
),
recon_source_rows AS (
  SELECT recon_source.* FROM recon_source
  JOIN recon_interesting AS i ON recon_source.k0 <=> i.k0 AND recon_source.k1 <=> i.k1 AND i.kind IN ('changed', 'only_source')
),
recon_target_rows AS (
  SELECT recon_target.* FROM recon_target
  JOIN recon_interesting AS i ON recon_target.k0 <=> i.k0 AND recon_target.k1 <=> i.k1 AND i.kind IN ('changed', 'only_target')
),
recon_compared AS (
  SELECT
    i.k0,
    i.k1,
    i.kind,
    i.source_rows,
    i.target_rows,
    s.v0 AS s0,
    t.v0 AS t0,
    s.v1 AS s1,
    t.v1 AS t1,
    s.v2 AS s2,
    t.v2 AS t2,
    s.v3 AS s3,
    t.v3 AS t3,
    s.v4 AS s4,
    t.v4 AS t4,
    CASE WHEN i.kind = 'changed' AND NOT (s.v0 <=> t.v0) THEN 1 ELSE 0 END AS d0,
    CASE WHEN i.kind = 'changed' AND (NOT (s.v1 <=> t.v1) AND NOT coalesce(CASE WHEN s.v1 - t.v1 < 0 THEN 0 - (s.v1 - t.v1) ELSE s.v1 - t.v1 END <= CAST('0.01' AS DECIMAL(2,2)) + CAST('0.001' AS DECIMAL(3,3)) * CASE WHEN t.v1 < 0 THEN 0 - (t.v1) ELSE t.v1 END, FALSE)) THEN 1 ELSE 0 END AS d1,
    CASE WHEN i.kind = 'changed' AND (NOT (s.v2 <=> t.v2) AND NOT coalesce((NOT isnan(s.v2) AND abs(s.v2) <> CAST('Infinity' AS DOUBLE)) AND (NOT isnan(t.v2) AND abs(t.v2) <> CAST('Infinity' AS DOUBLE)) AND CASE WHEN s.v2 - t.v2 < 0 THEN 0 - (s.v2 - t.v2) ELSE s.v2 - t.v2 END <= CAST('0' AS DOUBLE) + CAST('0.000001' AS DOUBLE) * CASE WHEN t.v2 < 0 THEN 0 - (t.v2) ELSE t.v2 END, FALSE)) THEN 1 ELSE 0 END AS d2,
    CASE WHEN i.kind = 'changed' AND NOT (s.v3 <=> t.v3) THEN 1 ELSE 0 END AS d3,
    CASE WHEN i.kind = 'changed' AND NOT (s.v4 <=> t.v4) THEN 1 ELSE 0 END AS d4
  FROM recon_interesting AS i
  LEFT JOIN recon_source_rows AS s ON s.k0 <=> i.k0 AND s.k1 <=> i.k1
  LEFT JOIN recon_target_rows AS t ON t.k0 <=> i.k0 AND t.k1 <=> i.k1
),
recon_categorised AS (
  SELECT recon_compared.*,
    CASE WHEN kind = 'changed' AND d0 + d1 + d2 + d3 + d4 > 0 THEN 1 ELSE 0 END AS row_differs,
    CASE WHEN kind <> 'changed' THEN kind WHEN d0 + d1 + d2 + d3 + d4 > 0 THEN 'mismatch' ELSE 'hash_only' END AS category
  FROM recon_compared
),
recon_ranked AS (
  SELECT recon_categorised.*,
    row_number() OVER (PARTITION BY category ORDER BY k0 NULLS FIRST, k1 NULLS FIRST) AS sample_rank,
    sum(CASE WHEN kind = 'only_source' THEN 1 ELSE 0 END) OVER () AS only_source_keys,
    sum(CASE WHEN target_rows = 0 THEN source_rows ELSE 0 END) OVER () AS only_source_rows,
    sum(CASE WHEN kind = 'only_target' THEN 1 ELSE 0 END) OVER () AS only_target_keys,
    sum(CASE WHEN source_rows = 0 THEN target_rows ELSE 0 END) OVER () AS only_target_rows,
    sum(CASE WHEN row_differs = 1 THEN 1 ELSE 0 END) OVER () AS mismatched_rows,
    sum(CASE WHEN kind = 'changed' THEN 1 ELSE 0 END) OVER () AS hash_mismatches,
    sum(CASE WHEN kind = 'changed' AND row_differs = 0 THEN 1 ELSE 0 END) OVER () AS hash_only,
    sum(CASE WHEN source_rows > 1 THEN 1 ELSE 0 END) OVER () AS source_duplicate_keys,
    sum(CASE WHEN source_rows > 1 THEN source_rows - 1 ELSE 0 END) OVER () AS source_extra_rows,
    sum(CASE WHEN target_rows > 1 THEN 1 ELSE 0 END) OVER () AS target_duplicate_keys,
    sum(CASE WHEN target_rows > 1 THEN target_rows - 1 ELSE 0 END) OVER () AS target_extra_rows,
    sum(CASE WHEN source_rows > 0 AND target_rows > 0 AND (source_rows > 1 OR target_rows > 1) THEN 1 ELSE 0 END) OVER () AS ambiguous_keys,
    sum(CASE WHEN kind <> 'changed' THEN source_rows ELSE 0 END) OVER () AS interesting_source_rows,
    sum(d0) OVER () AS column_mismatches_0,
    sum(d1) OVER () AS column_mismatches_1,
    sum(d2) OVER () AS column_mismatches_2,
    sum(d3) OVER () AS column_mismatches_3,
    sum(d4) OVER () AS column_mismatches_4
  FROM recon_categorised
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
  source_duplicate_keys,
  source_extra_rows,
  target_duplicate_keys,
  target_extra_rows,
  ambiguous_keys,
  interesting_source_rows,
  column_mismatches_0,
  column_mismatches_1,
  column_mismatches_2,
  column_mismatches_3,
  column_mismatches_4,
  CAST(k0 AS STRING) AS key_0,
  CAST(k1 AS STRING) AS key_1,
  source_rows,
  target_rows,
  s0 AS source_0,
  t0 AS target_0,
  CAST(s1 AS STRING) AS source_1,
  CAST(t1 AS STRING) AS target_1,
  CAST(s2 AS STRING) AS source_2,
  CAST(t2 AS STRING) AS target_2,
  date_format(s3, 'yyyy-MM-dd HH:mm:ss.SSSSSS') AS source_3,
  date_format(t3, 'yyyy-MM-dd HH:mm:ss.SSSSSS') AS target_3,
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
