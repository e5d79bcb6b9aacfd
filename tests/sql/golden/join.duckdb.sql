WITH
recon_source AS NOT MATERIALIZED (
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
),
recon_target AS NOT MATERIALIZED (
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
),
recon_side_keys AS NOT MATERIALIZED (
  SELECT k0, k1, in_source, (key_hash % 65536) AS bucket FROM (
    SELECT k0, k1, 1 AS in_source, hash(k0, k1) AS key_hash FROM recon_source
    UNION ALL
    SELECT k0, k1, NULL AS in_source, hash(k0, k1) AS key_hash FROM recon_target
  ) AS recon_keyed
),
recon_side_buckets AS (
  SELECT bucket, count(in_source) AS source_rows, count(*) - count(in_source) AS target_rows FROM recon_side_keys GROUP BY bucket
),
recon_key_totals AS (
  SELECT sum(source_rows) AS source_rows, sum(target_rows) AS target_rows FROM recon_side_buckets
),
recon_key_spread AS (
  SELECT sum(CASE WHEN NOT (b.source_rows > 8 * n.source_rows / 65536 + 64) THEN CAST(b.source_rows AS DOUBLE) END) AS source_rows,
    sum(CASE WHEN NOT (b.source_rows > 8 * n.source_rows / 65536 + 64) THEN CAST(b.source_rows AS DOUBLE) * b.source_rows END) AS source_squares,
    sum(CASE WHEN NOT (b.target_rows > 8 * n.target_rows / 65536 + 64) THEN CAST(b.target_rows AS DOUBLE) END) AS target_rows,
    sum(CASE WHEN NOT (b.target_rows > 8 * n.target_rows / 65536 + 64) THEN CAST(b.target_rows AS DOUBLE) * b.target_rows END) AS target_squares
  FROM recon_side_buckets AS b CROSS JOIN recon_key_totals AS n
),
recon_heavy_buckets AS (
  SELECT b.bucket FROM recon_side_buckets AS b
  CROSS JOIN recon_key_totals AS n
  CROSS JOIN recon_key_spread AS w
  WHERE b.source_rows > 8 * n.source_rows / 65536 + 64 OR b.target_rows > 8 * n.target_rows / 65536 + 64
    OR (w.source_squares - w.source_rows * w.source_rows / 65536 > 2 * w.source_rows AND w.target_squares - w.target_rows * w.target_rows / 65536 > 2 * w.target_rows)
),
recon_heavy_keys AS (
  SELECT k0, k1,
    count(in_source) AS source_rows,
    count(*) - count(in_source) AS target_rows,
    CASE WHEN bit_xor(row_hash) = 0 THEN 0 ELSE 1 END AS hash_differs
  FROM (
  SELECT k0, k1, 1 AS in_source, hash(v0, v1, v2, v3, v4) AS row_hash FROM recon_source WHERE (hash(k0, k1) % 65536) IN (SELECT bucket FROM recon_heavy_buckets)
  UNION ALL
  SELECT k0, k1, NULL AS in_source, hash(v0, v1, v2, v3, v4) AS row_hash FROM recon_target WHERE (hash(k0, k1) % 65536) IN (SELECT bucket FROM recon_heavy_buckets)
) AS recon_heavy_rows
  GROUP BY k0, k1
),
recon_outcome AS (
  SELECT bucket,
    differs,
    dk0 AS k0,
    dk1 AS k1,
    count(*) AS output_rows,
    count(sh) AS with_source,
    count(th) AS with_target,
    count(CASE WHEN sh IS NOT NULL AND th IS NOT NULL THEN 1 END) AS matched_rows,
    min(sh) AS sh,
    min(th) AS th
  FROM (
    SELECT (hash(k0, k1) % 65536) AS bucket, differs, CASE WHEN differs = 1 THEN k0 END AS dk0, CASE WHEN differs = 1 THEN k1 END AS dk1, sh, th
    FROM (
      SELECT coalesce(s.k0, t.k0) AS k0, coalesce(s.k1, t.k1) AS k1, s.row_hash AS sh, t.row_hash AS th, CASE WHEN s.row_hash IS NULL OR t.row_hash IS NULL OR s.row_hash <> t.row_hash THEN 1 ELSE 0 END AS differs
      FROM (SELECT k0, k1, hash(v0, v1, v2, v3, v4) AS row_hash FROM recon_source WHERE (hash(k0, k1) % 65536) NOT IN (SELECT bucket FROM recon_heavy_buckets)) AS s
      FULL OUTER JOIN (SELECT k0, k1, hash(v0, v1, v2, v3, v4) AS row_hash FROM recon_target WHERE (hash(k0, k1) % 65536) NOT IN (SELECT bucket FROM recon_heavy_buckets)) AS t ON s.k0 IS NOT DISTINCT FROM t.k0 AND s.k1 IS NOT DISTINCT FROM t.k1
    ) AS recon_joined
  ) AS recon_flagged
  GROUP BY bucket, differs, dk0, dk1
),
recon_dirty_buckets AS (
  SELECT j.bucket FROM (
    SELECT bucket, sum(matched_rows) AS matched_rows, sum(output_rows - with_target) AS source_only_rows, sum(output_rows - with_source) AS target_only_rows
    FROM recon_outcome GROUP BY bucket
  ) AS j
  JOIN recon_side_buckets AS c ON c.bucket = j.bucket
  WHERE j.matched_rows <> c.source_rows - j.source_only_rows OR j.matched_rows <> c.target_rows - j.target_only_rows
),
recon_dirty_keys AS (
  SELECT d.k0, d.k1, d.source_rows, d.target_rows, CASE WHEN o.differs IS NULL OR o.sh = o.th THEN 0 ELSE 1 END AS hash_differs
  FROM (
    SELECT k0, k1, count(in_source) AS source_rows, count(*) - count(in_source) AS target_rows
    FROM recon_side_keys
    WHERE bucket IN (SELECT bucket FROM recon_dirty_buckets)
    GROUP BY k0, k1
  ) AS d
  LEFT JOIN recon_outcome AS o ON o.differs = 1 AND o.k0 IS NOT DISTINCT FROM d.k0 AND o.k1 IS NOT DISTINCT FROM d.k1
),
recon_keys AS (
  SELECT k0, k1, with_source AS source_rows, with_target AS target_rows, CASE WHEN recon_outcome.differs IS NULL OR recon_outcome.sh = recon_outcome.th THEN 0 ELSE 1 END AS hash_differs
  FROM recon_outcome
  WHERE differs = 1 AND bucket NOT IN (SELECT bucket FROM recon_dirty_buckets)
  UNION ALL
  SELECT k0, k1, source_rows, target_rows, hash_differs FROM recon_dirty_keys
  UNION ALL
  SELECT k0, k1, source_rows, target_rows, hash_differs FROM recon_heavy_keys
),
recon_interesting AS (
  SELECT recon_keys.*,
    CASE WHEN source_rows > 1 OR target_rows > 1 THEN 'duplicate' WHEN target_rows = 0 THEN 'only_source' WHEN source_rows = 0 THEN 'only_target' ELSE 'changed' END AS kind
  FROM recon_keys
  WHERE source_rows <> 1 OR target_rows <> 1 OR hash_differs = 1
),
recon_source_rows AS (
  SELECT recon_source.* FROM recon_source
  JOIN recon_interesting AS i ON recon_source.k0 IS NOT DISTINCT FROM i.k0 AND recon_source.k1 IS NOT DISTINCT FROM i.k1 AND i.kind IN ('changed', 'only_source')
),
recon_target_rows AS (
  SELECT recon_target.* FROM recon_target
  JOIN recon_interesting AS i ON recon_target.k0 IS NOT DISTINCT FROM i.k0 AND recon_target.k1 IS NOT DISTINCT FROM i.k1 AND i.kind IN ('changed', 'only_target')
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
    CASE WHEN i.kind = 'changed' AND s.v0 IS DISTINCT FROM t.v0 THEN 1 ELSE 0 END AS d0,
    CASE WHEN i.kind = 'changed' AND (s.v1 IS DISTINCT FROM t.v1 AND NOT coalesce(abs(s.v1 - t.v1) <= CAST('0.01' AS DECIMAL(2,2)) + CAST('0.001' AS DECIMAL(3,3)) * abs(t.v1), FALSE)) THEN 1 ELSE 0 END AS d1,
    CASE WHEN i.kind = 'changed' AND (s.v2 IS DISTINCT FROM t.v2 AND NOT coalesce(isfinite(s.v2) AND isfinite(t.v2) AND abs(s.v2 - t.v2) <= CAST('0' AS DOUBLE) + CAST('0.000001' AS DOUBLE) * abs(t.v2), FALSE)) THEN 1 ELSE 0 END AS d2,
    CASE WHEN i.kind = 'changed' AND s.v3 IS DISTINCT FROM t.v3 THEN 1 ELSE 0 END AS d3,
    CASE WHEN i.kind = 'changed' AND s.v4 IS DISTINCT FROM t.v4 THEN 1 ELSE 0 END AS d4
  FROM recon_interesting AS i
  LEFT JOIN recon_source_rows AS s ON s.k0 IS NOT DISTINCT FROM i.k0 AND s.k1 IS NOT DISTINCT FROM i.k1
  LEFT JOIN recon_target_rows AS t ON t.k0 IS NOT DISTINCT FROM i.k0 AND t.k1 IS NOT DISTINCT FROM i.k1
),
recon_categorised AS (
  SELECT recon_compared.*,
    CASE WHEN kind = 'changed' AND d0 + d1 + d2 + d3 + d4 > 0 THEN 1 ELSE 0 END AS row_differs,
    CASE WHEN kind <> 'changed' THEN kind WHEN d0 + d1 + d2 + d3 + d4 > 0 THEN 'mismatch' ELSE 'hash_only' END AS category,
    CASE WHEN d0 = 0 THEN NULL WHEN (s0 IS NULL) <> (t0 IS NULL) AND coalesce(s0, t0) = '' THEN 'empty_vs_null' WHEN (s0 IS NULL) <> (t0 IS NULL) THEN 'null_vs_value' WHEN trim(s0, ' 	
') = trim(t0, ' 	
') THEN 'whitespace' WHEN lower(s0) = lower(t0) THEN 'case' WHEN TRY_CAST(s0 AS DECIMAL(38,12)) = TRY_CAST(t0 AS DECIMAL(38,12)) AND NOT (TRY_CAST(s0 AS DECIMAL(38,12)) = 0 AND (substring(trim(s0, ' 	
'), 1, 1) = '-') <> (substring(trim(t0, ' 	
'), 1, 1) = '-')) THEN 'numeric_scale' WHEN s0 = '' OR t0 = '' THEN 'empty_string' WHEN length(s0) <> length(t0) AND (substring(s0, 1, length(t0)) = t0 OR substring(t0, 1, length(s0)) = s0) THEN 'string_truncated' WHEN TRY_CAST(s0 AS DECIMAL(38,12)) = 0 AND TRY_CAST(t0 AS DECIMAL(38,12)) = 0 THEN 'sign_of_zero' WHEN ((s0 = t4 OR t0 = s4) AND s4 IS DISTINCT FROM t4) THEN 'swapped_columns' ELSE 'other' END AS r0,
    CASE WHEN d1 = 0 THEN NULL WHEN (s1 IS NULL) <> (t1 IS NULL) THEN 'null_vs_value' WHEN CAST(s1 AS DOUBLE) <> 0 AND CAST(s1 AS DOUBLE) = -CAST(t1 AS DOUBLE) THEN 'sign_flipped' WHEN round(CAST(s1 AS DOUBLE), 0) = CAST(t1 AS DOUBLE) OR round(CAST(s1 AS DOUBLE), 1) = CAST(t1 AS DOUBLE) OR round(CAST(s1 AS DOUBLE), 2) = CAST(t1 AS DOUBLE) OR round(CAST(s1 AS DOUBLE), 3) = CAST(t1 AS DOUBLE) OR round(CAST(s1 AS DOUBLE), 4) = CAST(t1 AS DOUBLE) THEN 'rounded' WHEN CAST(s1 AS DOUBLE) <> 0 AND (abs(CAST(t1 AS DOUBLE) / CAST(s1 AS DOUBLE) - 1000) <= 1000 * 0.000000001 OR abs(CAST(t1 AS DOUBLE) / CAST(s1 AS DOUBLE) - 100) <= 100 * 0.000000001 OR abs(CAST(t1 AS DOUBLE) / CAST(s1 AS DOUBLE) - 10) <= 10 * 0.000000001 OR abs(CAST(t1 AS DOUBLE) / CAST(s1 AS DOUBLE) - 0.1) <= 0.1 * 0.000000001 OR abs(CAST(t1 AS DOUBLE) / CAST(s1 AS DOUBLE) - 0.01) <= 0.01 * 0.000000001 OR abs(CAST(t1 AS DOUBLE) / CAST(s1 AS DOUBLE) - 0.001) <= 0.001 * 0.000000001) THEN 'scaled_by_power_of_ten' ELSE 'other' END AS r1,
    CASE WHEN kind = 'changed' AND d1 = 0 AND s1 IS DISTINCT FROM t1 THEN 1 ELSE 0 END AS w1,
    CASE WHEN d2 = 0 THEN NULL WHEN (s2 IS NULL) <> (t2 IS NULL) THEN 'null_vs_value' WHEN s2 <> 0 AND s2 = -t2 THEN 'sign_flipped' WHEN round(s2, 0) = t2 OR round(s2, 1) = t2 OR round(s2, 2) = t2 OR round(s2, 3) = t2 OR round(s2, 4) = t2 THEN 'rounded' WHEN s2 <> 0 AND (abs(t2 / s2 - 1000) <= 1000 * 0.000000001 OR abs(t2 / s2 - 100) <= 100 * 0.000000001 OR abs(t2 / s2 - 10) <= 10 * 0.000000001 OR abs(t2 / s2 - 0.1) <= 0.1 * 0.000000001 OR abs(t2 / s2 - 0.01) <= 0.01 * 0.000000001 OR abs(t2 / s2 - 0.001) <= 0.001 * 0.000000001) THEN 'scaled_by_power_of_ten' ELSE 'other' END AS r2,
    CASE WHEN kind = 'changed' AND d2 = 0 AND s2 IS DISTINCT FROM t2 THEN 1 ELSE 0 END AS w2,
    CASE WHEN d3 = 0 THEN NULL WHEN (s3 IS NULL) <> (t3 IS NULL) THEN 'null_vs_value' WHEN (epoch_us(t3) - epoch_us(s3)) % 3600000000 = 0 AND abs((epoch_us(t3) - epoch_us(s3))) <= 93600000000 THEN 'timezone_shift' WHEN (((epoch_us(s3)) // (1000)) = ((epoch_us(t3)) // (1000)) AND (epoch_us(s3) % 1000 = 0 OR epoch_us(t3) % 1000 = 0)) OR (((epoch_us(s3)) // (1000000)) = ((epoch_us(t3)) // (1000000)) AND (epoch_us(s3) % 1000000 = 0 OR epoch_us(t3) % 1000000 = 0)) OR (((epoch_us(s3)) // (60000000)) = ((epoch_us(t3)) // (60000000)) AND (epoch_us(s3) % 60000000 = 0 OR epoch_us(t3) % 60000000 = 0)) OR (((epoch_us(s3)) // (3600000000)) = ((epoch_us(t3)) // (3600000000)) AND (epoch_us(s3) % 3600000000 = 0 OR epoch_us(t3) % 3600000000 = 0)) OR (((epoch_us(s3)) // (86400000000)) = ((epoch_us(t3)) // (86400000000)) AND (epoch_us(s3) % 86400000000 = 0 OR epoch_us(t3) % 86400000000 = 0)) THEN 'timestamp_truncated' ELSE 'other' END AS r3,
    CASE WHEN d4 = 0 THEN NULL WHEN (s4 IS NULL) <> (t4 IS NULL) AND coalesce(s4, t4) = '' THEN 'empty_vs_null' WHEN (s4 IS NULL) <> (t4 IS NULL) THEN 'null_vs_value' WHEN trim(s4, ' 	
') = trim(t4, ' 	
') THEN 'whitespace' WHEN lower(s4) = lower(t4) THEN 'case' WHEN TRY_CAST(s4 AS DECIMAL(38,12)) = TRY_CAST(t4 AS DECIMAL(38,12)) AND NOT (TRY_CAST(s4 AS DECIMAL(38,12)) = 0 AND (substring(trim(s4, ' 	
'), 1, 1) = '-') <> (substring(trim(t4, ' 	
'), 1, 1) = '-')) THEN 'numeric_scale' WHEN s4 = '' OR t4 = '' THEN 'empty_string' WHEN length(s4) <> length(t4) AND (substring(s4, 1, length(t4)) = t4 OR substring(t4, 1, length(s4)) = s4) THEN 'string_truncated' WHEN TRY_CAST(s4 AS DECIMAL(38,12)) = 0 AND TRY_CAST(t4 AS DECIMAL(38,12)) = 0 THEN 'sign_of_zero' WHEN ((s4 = t0 OR t4 = s0) AND s0 IS DISTINCT FROM t0) THEN 'swapped_columns' ELSE 'other' END AS r4
  FROM recon_compared
),
recon_offsets AS (
  SELECT recon_categorised.*,
    CASE WHEN r1 = 'other' THEN round((CAST(t1 AS DOUBLE) - CAST(s1 AS DOUBLE)), 4) END AS o1,
    CASE WHEN r2 = 'other' THEN round((t2 - s2), 9) END AS o2
  FROM recon_categorised
),
recon_offset_1 AS (
  SELECT o1 AS offset_value, count(*) AS offset_rows FROM recon_offsets WHERE o1 IS NOT NULL GROUP BY o1
),
recon_offset_2 AS (
  SELECT o2 AS offset_value, count(*) AS offset_rows FROM recon_offsets WHERE o2 IS NOT NULL GROUP BY o2
),
recon_classified AS NOT MATERIALIZED (
  SELECT recon_offsets.*,
    r0 AS c0,
    CASE WHEN o1 IS NOT NULL AND o1 <> 0 AND f1.offset_rows >= 2 THEN 'constant_offset' ELSE r1 END AS c1,
    CASE WHEN o2 IS NOT NULL AND o2 <> 0 AND f2.offset_rows >= 2 THEN 'constant_offset' ELSE r2 END AS c2,
    r3 AS c3,
    r4 AS c4,
    coalesce(r0, CASE WHEN o1 IS NOT NULL AND o1 <> 0 AND f1.offset_rows >= 2 THEN 'constant_offset' ELSE r1 END, CASE WHEN o2 IS NOT NULL AND o2 <> 0 AND f2.offset_rows >= 2 THEN 'constant_offset' ELSE r2 END, r3, r4) AS primary_class,
    NULL AS h0,
    NULL AS h1,
    NULL AS h2,
    CASE WHEN r3 = 'timezone_shift' THEN ((epoch_us(t3) - epoch_us(s3)) // (3600000000)) END AS h3,
    NULL AS h4,
    CASE WHEN r0 = 'swapped_columns' THEN CASE WHEN ((s0 = t4 OR t0 = s4) AND s4 IS DISTINCT FROM t4) THEN 4 END END AS x0,
    NULL AS x1,
    NULL AS x2,
    NULL AS x3,
    CASE WHEN r4 = 'swapped_columns' THEN CASE WHEN ((s4 = t0 OR t4 = s0) AND s0 IS DISTINCT FROM t0) THEN 0 END END AS x4
  FROM recon_offsets
  LEFT JOIN recon_offset_1 AS f1 ON f1.offset_value = recon_offsets.o1
  LEFT JOIN recon_offset_2 AS f2 ON f2.offset_value = recon_offsets.o2
),
recon_totals AS (
  SELECT
    sum(CASE WHEN target_rows = 0 THEN 1 ELSE 0 END) AS only_source_keys,
    sum(CASE WHEN target_rows = 0 THEN source_rows ELSE 0 END) AS only_source_rows,
    sum(CASE WHEN source_rows = 0 THEN 1 ELSE 0 END) AS only_target_keys,
    sum(CASE WHEN source_rows = 0 THEN target_rows ELSE 0 END) AS only_target_rows,
    sum(CASE WHEN row_differs = 1 THEN 1 ELSE 0 END) AS mismatched_rows,
    sum(CASE WHEN kind = 'changed' THEN 1 ELSE 0 END) AS hash_mismatches,
    sum(CASE WHEN kind = 'changed' AND row_differs = 0 THEN 1 ELSE 0 END) AS hash_only,
    sum(CASE WHEN source_rows > 1 THEN 1 ELSE 0 END) AS source_duplicate_keys,
    sum(CASE WHEN source_rows > 1 THEN source_rows - 1 ELSE 0 END) AS source_extra_rows,
    sum(CASE WHEN target_rows > 1 THEN 1 ELSE 0 END) AS target_duplicate_keys,
    sum(CASE WHEN target_rows > 1 THEN target_rows - 1 ELSE 0 END) AS target_extra_rows,
    sum(CASE WHEN source_rows > 0 AND target_rows > 0 AND (source_rows > 1 OR target_rows > 1) THEN 1 ELSE 0 END) AS ambiguous_keys,
    sum(CASE WHEN kind NOT IN ('changed', 'ignored') THEN source_rows ELSE 0 END) AS interesting_source_rows,
    sum(d0) AS column_mismatches_0,
    sum(d1) AS column_mismatches_1,
    sum(d2) AS column_mismatches_2,
    sum(d3) AS column_mismatches_3,
    sum(d4) AS column_mismatches_4,
    sum(CASE WHEN c0 = 'empty_vs_null' THEN 1 ELSE 0 END) AS class_0_empty_vs_null,
    sum(CASE WHEN c0 = 'null_vs_value' THEN 1 ELSE 0 END) AS class_0_null_vs_value,
    sum(CASE WHEN c0 = 'whitespace' THEN 1 ELSE 0 END) AS class_0_whitespace,
    sum(CASE WHEN c0 = 'case' THEN 1 ELSE 0 END) AS class_0_case,
    sum(CASE WHEN c0 = 'numeric_scale' THEN 1 ELSE 0 END) AS class_0_numeric_scale,
    sum(CASE WHEN c0 = 'empty_string' THEN 1 ELSE 0 END) AS class_0_empty_string,
    sum(CASE WHEN c0 = 'string_truncated' THEN 1 ELSE 0 END) AS class_0_string_truncated,
    sum(CASE WHEN c0 = 'sign_of_zero' THEN 1 ELSE 0 END) AS class_0_sign_of_zero,
    sum(CASE WHEN c0 = 'swapped_columns' THEN 1 ELSE 0 END) AS class_0_swapped_columns,
    sum(CASE WHEN c0 = 'other' THEN 1 ELSE 0 END) AS class_0_other,
    min(x0) AS swapped_min_0,
    max(x0) AS swapped_max_0,
    sum(CASE WHEN c1 = 'null_vs_value' THEN 1 ELSE 0 END) AS class_1_null_vs_value,
    sum(CASE WHEN c1 = 'sign_flipped' THEN 1 ELSE 0 END) AS class_1_sign_flipped,
    sum(CASE WHEN c1 = 'rounded' THEN 1 ELSE 0 END) AS class_1_rounded,
    sum(CASE WHEN c1 = 'scaled_by_power_of_ten' THEN 1 ELSE 0 END) AS class_1_scaled_by_power_of_ten,
    sum(CASE WHEN c1 = 'constant_offset' THEN 1 ELSE 0 END) AS class_1_constant_offset,
    sum(CASE WHEN c1 = 'other' THEN 1 ELSE 0 END) AS class_1_other,
    sum(w1) AS within_tolerance_1,
    min(CASE WHEN c1 = 'constant_offset' THEN o1 END) AS offset_min_1,
    max(CASE WHEN c1 = 'constant_offset' THEN o1 END) AS offset_max_1,
    max(CASE WHEN kind = 'changed' THEN abs(round((CAST(t1 AS DOUBLE) - CAST(s1 AS DOUBLE)), 4)) END) AS max_abs_diff_1,
    sum(CASE WHEN c2 = 'null_vs_value' THEN 1 ELSE 0 END) AS class_2_null_vs_value,
    sum(CASE WHEN c2 = 'sign_flipped' THEN 1 ELSE 0 END) AS class_2_sign_flipped,
    sum(CASE WHEN c2 = 'rounded' THEN 1 ELSE 0 END) AS class_2_rounded,
    sum(CASE WHEN c2 = 'scaled_by_power_of_ten' THEN 1 ELSE 0 END) AS class_2_scaled_by_power_of_ten,
    sum(CASE WHEN c2 = 'constant_offset' THEN 1 ELSE 0 END) AS class_2_constant_offset,
    sum(CASE WHEN c2 = 'other' THEN 1 ELSE 0 END) AS class_2_other,
    sum(w2) AS within_tolerance_2,
    min(CASE WHEN c2 = 'constant_offset' THEN o2 END) AS offset_min_2,
    max(CASE WHEN c2 = 'constant_offset' THEN o2 END) AS offset_max_2,
    max(CASE WHEN kind = 'changed' THEN abs(round((t2 - s2), 9)) END) AS max_abs_diff_2,
    sum(CASE WHEN c3 = 'null_vs_value' THEN 1 ELSE 0 END) AS class_3_null_vs_value,
    sum(CASE WHEN c3 = 'timezone_shift' THEN 1 ELSE 0 END) AS class_3_timezone_shift,
    sum(CASE WHEN c3 = 'timestamp_truncated' THEN 1 ELSE 0 END) AS class_3_timestamp_truncated,
    sum(CASE WHEN c3 = 'other' THEN 1 ELSE 0 END) AS class_3_other,
    min(h3) AS shift_min_3,
    max(h3) AS shift_max_3,
    sum(CASE WHEN c4 = 'empty_vs_null' THEN 1 ELSE 0 END) AS class_4_empty_vs_null,
    sum(CASE WHEN c4 = 'null_vs_value' THEN 1 ELSE 0 END) AS class_4_null_vs_value,
    sum(CASE WHEN c4 = 'whitespace' THEN 1 ELSE 0 END) AS class_4_whitespace,
    sum(CASE WHEN c4 = 'case' THEN 1 ELSE 0 END) AS class_4_case,
    sum(CASE WHEN c4 = 'numeric_scale' THEN 1 ELSE 0 END) AS class_4_numeric_scale,
    sum(CASE WHEN c4 = 'empty_string' THEN 1 ELSE 0 END) AS class_4_empty_string,
    sum(CASE WHEN c4 = 'string_truncated' THEN 1 ELSE 0 END) AS class_4_string_truncated,
    sum(CASE WHEN c4 = 'sign_of_zero' THEN 1 ELSE 0 END) AS class_4_sign_of_zero,
    sum(CASE WHEN c4 = 'swapped_columns' THEN 1 ELSE 0 END) AS class_4_swapped_columns,
    sum(CASE WHEN c4 = 'other' THEN 1 ELSE 0 END) AS class_4_other,
    min(x4) AS swapped_min_4,
    max(x4) AS swapped_max_4,
    CASE WHEN min(CASE WHEN target_rows = 0 THEN k0 END) = max(CASE WHEN target_rows = 0 THEN k0 END) AND sum(CASE WHEN target_rows = 0 AND k0 IS NULL THEN 1 ELSE 0 END) = 0 THEN CAST(min(CASE WHEN target_rows = 0 THEN k0 END) AS VARCHAR) END AS pattern_missing_0,
    CASE WHEN min(CASE WHEN target_rows = 0 THEN k1 END) = max(CASE WHEN target_rows = 0 THEN k1 END) AND sum(CASE WHEN target_rows = 0 AND k1 IS NULL THEN 1 ELSE 0 END) = 0 THEN CAST(min(CASE WHEN target_rows = 0 THEN k1 END) AS VARCHAR) END AS pattern_missing_1,
    CASE WHEN min(CASE WHEN source_rows = 0 THEN k0 END) = max(CASE WHEN source_rows = 0 THEN k0 END) AND sum(CASE WHEN source_rows = 0 AND k0 IS NULL THEN 1 ELSE 0 END) = 0 THEN CAST(min(CASE WHEN source_rows = 0 THEN k0 END) AS VARCHAR) END AS pattern_extra_0,
    CASE WHEN min(CASE WHEN source_rows = 0 THEN k1 END) = max(CASE WHEN source_rows = 0 THEN k1 END) AND sum(CASE WHEN source_rows = 0 AND k1 IS NULL THEN 1 ELSE 0 END) = 0 THEN CAST(min(CASE WHEN source_rows = 0 THEN k1 END) AS VARCHAR) END AS pattern_extra_1,
    CASE WHEN min(CASE WHEN row_differs = 1 THEN k0 END) = max(CASE WHEN row_differs = 1 THEN k0 END) AND sum(CASE WHEN row_differs = 1 AND k0 IS NULL THEN 1 ELSE 0 END) = 0 THEN CAST(min(CASE WHEN row_differs = 1 THEN k0 END) AS VARCHAR) END AS pattern_changed_0,
    CASE WHEN min(CASE WHEN row_differs = 1 THEN k1 END) = max(CASE WHEN row_differs = 1 THEN k1 END) AND sum(CASE WHEN row_differs = 1 AND k1 IS NULL THEN 1 ELSE 0 END) = 0 THEN CAST(min(CASE WHEN row_differs = 1 THEN k1 END) AS VARCHAR) END AS pattern_changed_1
  FROM recon_classified
),
recon_rank_input AS MATERIALIZED (SELECT k0, k1, category, primary_class FROM recon_classified),
recon_picked AS (
  SELECT pk0, pk1, sample_rank, class_rank
  FROM (
    SELECT k0 AS pk0, k1 AS pk1, category, row_number() OVER (PARTITION BY category ORDER BY k0 NULLS FIRST, k1 NULLS FIRST) AS sample_rank, row_number() OVER (PARTITION BY category, primary_class ORDER BY k0 NULLS FIRST, k1 NULLS FIRST) AS class_rank
    FROM recon_rank_input
  ) AS recon_ranks
  WHERE sample_rank <= 5 OR (category = 'mismatch' AND class_rank <= 3)
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
  class_0_empty_vs_null,
  class_0_null_vs_value,
  class_0_whitespace,
  class_0_case,
  class_0_numeric_scale,
  class_0_empty_string,
  class_0_string_truncated,
  class_0_sign_of_zero,
  class_0_swapped_columns,
  class_0_other,
  swapped_min_0,
  swapped_max_0,
  class_1_null_vs_value,
  class_1_sign_flipped,
  class_1_rounded,
  class_1_scaled_by_power_of_ten,
  class_1_constant_offset,
  class_1_other,
  within_tolerance_1,
  offset_min_1,
  offset_max_1,
  max_abs_diff_1,
  class_2_null_vs_value,
  class_2_sign_flipped,
  class_2_rounded,
  class_2_scaled_by_power_of_ten,
  class_2_constant_offset,
  class_2_other,
  within_tolerance_2,
  offset_min_2,
  offset_max_2,
  max_abs_diff_2,
  class_3_null_vs_value,
  class_3_timezone_shift,
  class_3_timestamp_truncated,
  class_3_other,
  shift_min_3,
  shift_max_3,
  class_4_empty_vs_null,
  class_4_null_vs_value,
  class_4_whitespace,
  class_4_case,
  class_4_numeric_scale,
  class_4_empty_string,
  class_4_string_truncated,
  class_4_sign_of_zero,
  class_4_swapped_columns,
  class_4_other,
  swapped_min_4,
  swapped_max_4,
  pattern_missing_0,
  pattern_missing_1,
  pattern_extra_0,
  pattern_extra_1,
  pattern_changed_0,
  pattern_changed_1,
  class_rank,
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
  d4,
  c0,
  c1,
  c2,
  c3,
  c4
FROM recon_classified
JOIN recon_picked ON recon_classified.k0 IS NOT DISTINCT FROM recon_picked.pk0 AND recon_classified.k1 IS NOT DISTINCT FROM recon_picked.pk1
CROSS JOIN recon_totals
ORDER BY category, sample_rank;
