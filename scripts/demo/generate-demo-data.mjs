#!/usr/bin/env node
// Regenerates demo-data/ (committed): the FACT_EXECUTIVE_SUMMARY table of a card-portfolio
// migration, as exported from the legacy warehouse and as loaded into the lakehouse, plus a
// small dimension that migrated cleanly. Deterministic: the same files on every run.
//
//   node scripts/demo/generate-demo-data.mjs
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.join(root, 'demo-data');
for (const schema of ['legacy', 'lakehouse']) mkdirSync(path.join(out, schema), { recursive: true });

const db = await DuckDBInstance.create(':memory:');
const sql = await db.connect();
const run = (text) => sql.run(text);

// 30 business days × 4 institutions × 3 corporations × 5 products = 1,800 rows. Amounts are
// derived from the key with integer arithmetic, so no random generator is involved.
await run(`
CREATE TABLE legacy_fes AS
SELECT
  CAST(strftime(DATE '2024-01-01' + INTERVAL (d) DAY, '%Y%m%d') AS INTEGER) AS date_key,
  CAST(100 + i AS INTEGER) AS institution_id,
  CAST(1000 + i * 10 + c AS INTEGER) AS corporation_id,
  CAST(p AS INTEGER) AS product_id,
  CAST(((d * 7919 + i * 104729 + c * 1299709 + p * 15485863) % 9000000) / 100.0 AS DECIMAL(18,2)) AS a120_amount,
  CAST((d * 31 + i * 17 + c * 13 + p * 7) % 250 AS INTEGER) AS a30_to_59_count,
  CAST(((d * 104729 + i * 7919 + c * 15485863 + p * 1299709) % 2500000) / 100.0 AS DECIMAL(18,2)) AS charge_off_amount,
  CAST((d * 3 + i * 5 + c * 11 + p) % 40 AS INTEGER) AS fraud_count,
  CAST(((d * 15485863 + i * 1299709 + c * 7919 + p * 104729) % 12000000) / 100.0 AS DECIMAL(18,2)) AS income_amount,
  CAST(5000 + (d * 13 + i * 101 + c * 37 + p * 53) % 20000 AS INTEGER) AS number_of_accounts,
  CAST(((d * 1299709 + i * 15485863 + c * 104729 + p * 7919) % 50000000) / 100.0 AS DECIMAL(18,2)) AS purchases_amount
FROM range(30) AS days(d), range(4) AS inst(i), range(3) AS corp(c), range(1, 6) AS prod(p)`);

// The lakehouse copy: the same rows, then the defects a migration review should catch.
await run(`CREATE TABLE lakehouse_fes AS SELECT * FROM legacy_fes`);
// Three rows lost in the load (three products of one corporation on one day).
await run(`DELETE FROM lakehouse_fes WHERE date_key = 20240115 AND institution_id = 102 AND corporation_id = 1021 AND product_id IN (1, 2, 3)`);
// Two rows loaded twice under a wrong date (a partition written to the wrong day).
await run(`INSERT INTO lakehouse_fes SELECT * REPLACE (20240131 AS date_key) FROM legacy_fes WHERE date_key = 20240130 AND institution_id = 100 AND corporation_id = 1000 AND product_id IN (1, 2)`);
// Four changed values: a rounding bug, a count off by one, a lost amount, a sign flip.
await run(`UPDATE lakehouse_fes SET charge_off_amount = round(charge_off_amount, 0) WHERE date_key = 20240105 AND institution_id = 101 AND corporation_id = 1010 AND product_id = 3`);
await run(`UPDATE lakehouse_fes SET fraud_count = fraud_count + 1 WHERE date_key = 20240110 AND institution_id = 103 AND corporation_id = 1032 AND product_id = 5`);
await run(`UPDATE lakehouse_fes SET purchases_amount = NULL WHERE date_key = 20240120 AND institution_id = 100 AND corporation_id = 1001 AND product_id = 2`);
await run(`UPDATE lakehouse_fes SET a120_amount = -a120_amount WHERE date_key = 20240125 AND institution_id = 102 AND corporation_id = 1022 AND product_id = 4`);
// Five income amounts off by a fraction of a cent (a currency conversion), within tolerance.
await run(`UPDATE lakehouse_fes SET income_amount = income_amount + 0.01 WHERE date_key = 20240108 AND institution_id = 101 AND product_id = 1 AND corporation_id IN (1010, 1011, 1012)`);
await run(`UPDATE lakehouse_fes SET income_amount = income_amount - 0.01 WHERE date_key = 20240109 AND institution_id = 103 AND product_id = 2 AND corporation_id IN (1030, 1031)`);

await run(`
CREATE TABLE legacy_dim AS
SELECT CAST(100 + i AS INTEGER) AS institution_id,
       ['First Harbor Bank', 'Northwind Credit Union', 'Cobalt Card Services', 'Pinecrest Savings'][i + 1] AS institution_name,
       ['US', 'US', 'CA', 'GB'][i + 1] AS country_code,
       DATE '2015-03-01' + INTERVAL (i * 400) DAY AS onboarded_on
FROM range(4) AS inst(i)`);

const write = (table, schema, name) =>
  run(`COPY (SELECT * FROM ${table} ORDER BY ALL) TO '${path.join(out, schema, `${name}.parquet`)}' (FORMAT parquet, COMPRESSION zstd)`);
await write('legacy_fes', 'legacy', 'fact_executive_summary');
await write('lakehouse_fes', 'lakehouse', 'fact_executive_summary');
await write('legacy_dim', 'legacy', 'dim_institution');
await write('legacy_dim', 'lakehouse', 'dim_institution');
console.log(`demo data written to ${path.relative(process.cwd(), out) || '.'}`);
