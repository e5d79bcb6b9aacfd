SELECT
  count(*) AS row_count,
  sum(CASE WHEN `order_id` IS NULL OR `line` IS NULL THEN 1 ELSE 0 END) AS null_key_rows,
  count(*) - count(`order_id`) AS nulls_0,
  count(*) - count(`line`) AS nulls_1,
  count(*) - count(`cust`) AS nulls_2,
  count(*) - count(`amount`) AS nulls_3,
  count(*) - count(`ratio`) AS nulls_4,
  count(*) - count(`placed_at`) AS nulls_5,
  count(*) - count(`note`) AS nulls_6,
  CAST(try_sum(`amount`) AS STRING) AS sum_0,
  CAST(min(`amount`) AS STRING) AS min_0,
  CAST(max(`amount`) AS STRING) AS max_0,
  approx_count_distinct(CAST(`amount` AS DECIMAL(12,4)), 0.02) AS distinct_0,
  count(`amount`) AS non_null_0,
  CAST(try_sum(CAST(`ratio` AS DOUBLE)) AS STRING) AS sum_1,
  CAST(min(`ratio`) AS STRING) AS min_1,
  CAST(max(`ratio`) AS STRING) AS max_1,
  approx_count_distinct(`ratio`, 0.02) AS distinct_1,
  count(`ratio`) AS non_null_1
FROM (SELECT * FROM `legacy`.`orders` AS recon_base
WHERE (region = 'EU')
  AND (order_date >= DATE '2024-01-01')) AS recon_side;
