import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadConfigText } from '../../src/config/load-config.js';
import { DuckdbEngine } from '../../src/engines/duckdb/duckdb-engine.js';
import { runSuite } from '../../src/recon/run-suite.js';
import { duckdbDialect } from '../../src/sql/dialects/duckdb-dialect.js';
// @ts-expect-error: a plain ES module of the benchmark, without types
import { joinVariants } from '../../bench/statement-variants.mjs';

interface Variant { name: string; sql?: string; baseline?: boolean }

let engine: DuckdbEngine;
let joinSql: string;

beforeAll(async () => {
  engine = await DuckdbEngine.open();
  // Missing, extra, changed and duplicated keys, so every CTE of the join has rows.
  await engine.execute('CREATE TABLE vs AS SELECT range AS id, range % 7 AS v FROM range(2000) UNION ALL SELECT 5 AS id, 5 AS v');
  await engine.execute('CREATE TABLE vt AS SELECT id, CASE WHEN id % 100 = 3 THEN v + 1 ELSE v END AS v FROM vs WHERE id % 100 <> 7 UNION ALL SELECT 5000 AS id, 1 AS v');
  const { file } = loadConfigText('version: 1\npairs:\n  - name: v\n    source: { table: vs }\n    target: { table: vt }\n    primary_key: [id]\n', 'variants.yml');
  const results = await runSuite({ files: [file!] }, { engine, dialect: duckdbDialect });
  joinSql = results.pairs[0]!.statements.find((statement) => statement.purpose === 'join')!.sql;
});
afterAll(() => engine.close());

test('the bench derives every join variant from the SQL as run, and the whole-statement ones give its rows', async () => {
  const variants = joinVariants(joinSql) as Variant[];
  expect(variants.map((variant) => [variant.name, Boolean(variant.sql)])).toEqual([
    ['join statement as run (keys by hash join; side CTEs NOT MATERIALIZED)', true],
    ['stage: the hash join and its aggregation (recon_outcome)', true],
    ['stage: … + duplicates per bucket (recon_keys)', true],
    ['alternative: keys by a GROUP BY over both sides (as on Databricks)', true],
    ['join: side CTEs DuckDB default (materialized when read twice)', true],
    ['join: side CTEs MATERIALIZED', true],
  ]);
  const asRun = (await engine.query(joinSql)).rows;
  expect(asRun.length).toBeGreaterThan(3);
  for (const variant of variants.filter((candidate) => candidate.name.startsWith('alternative') || candidate.name.startsWith('join:'))) {
    expect((await engine.query(variant.sql!)).rows, variant.name).toEqual(asRun);
  }
  const [, outcome, keys] = variants;
  // 20 source-only rows, 1,979 matched keys with one row a side, key 5 with two a side (2 × 2 rows
  // out of the join: its bucket then fails the equality and is counted per key), 1 target-only.
  expect((await engine.query(outcome!.sql!)).rows[0]![1]).toBe('2004');
  // 20 missing, 20 changed, 1 extra, 1 duplicated (its bucket counted per key).
  expect((await engine.query(keys!.sql!)).rows[0]![1]).toBe('42');
});
