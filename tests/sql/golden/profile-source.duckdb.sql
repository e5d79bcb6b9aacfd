SELECT
  count(*) AS row_count,
  sum(CASE WHEN "order_id" IS NULL OR "line" IS NULL THEN 1 ELSE 0 END) AS null_key_rows,
  count(*) - count("order_id") AS nulls_0,
  count(*) - count("line") AS nulls_1,
  count(*) - count("cust") AS nulls_2,
  count(*) - count("amount") AS nulls_3,
  count(*) - count("ratio") AS nulls_4,
  count(*) - count("placed_at") AS nulls_5,
  count(*) - count("note") AS nulls_6,
  CAST(sum("amount") AS VARCHAR) AS sum_0,
  CAST(min("amount") AS VARCHAR) AS min_0,
  CAST(max("amount") AS VARCHAR) AS max_0,
  count(DISTINCT "amount") AS distinct_0,
  count("amount") AS non_null_0,
  CAST(sum(CAST("ratio" AS DOUBLE)) AS VARCHAR) AS sum_1,
  CAST(min("ratio") AS VARCHAR) AS min_1,
  CAST(max("ratio") AS VARCHAR) AS max_1,
  count(DISTINCT "ratio") AS distinct_1,
  count("ratio") AS non_null_1
FROM (SELECT * FROM "legacy"."orders" AS recon_base
WHERE (region = 'EU')
  AND (order_date >= DATE '2024-01-01')) AS recon_side;
