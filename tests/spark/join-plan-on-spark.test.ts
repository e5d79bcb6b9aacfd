import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { loadConfigText } from '../../src/config/load-config.js';
import { DatabricksEngine } from '../../src/engines/databricks/databricks-engine.js';
import { runSuite } from '../../src/recon/run-suite.js';
import type { PairResult, RunResults } from '../../src/results/results-model.js';
import { databricksDialect } from '../../src/sql/dialects/databricks-dialect.js';

/**
 * What Spark makes of the join pass: a side the profile found small is broadcast (hinted, and
 * planned as a broadcast hash join), two large sides are left to Spark's planner, and
 * approximate distinct counts run as sketches. Real Delta tables, the real driver.
 */
const spark = inject('spark');
let engine: DatabricksEngine;
let results: RunResults;

const LIMIT = databricksDialect.broadcastMaxRows!;
const BIG_ROWS = LIMIT + 50_000;

beforeAll(async () => {
  engine = await DatabricksEngine.connect({ host: spark.host, port: spark.port, httpPath: spark.httpPath, token: spark.token, customCaCert: spark.caCertPem }, {});
  await engine.query('CREATE SCHEMA IF NOT EXISTS spark_catalog.recon_plan');
  await engine.query(`CREATE OR REPLACE TABLE spark_catalog.recon_plan.big USING DELTA AS SELECT id AS k, id % 7 AS a, CAST(id AS STRING) AS b FROM range(${BIG_ROWS})`);
  // The first 1,000 keys of big; every 100th has another value of a.
  await engine.query('CREATE OR REPLACE TABLE spark_catalog.recon_plan.small USING DELTA AS SELECT id AS k, CASE WHEN id % 100 = 0 THEN 99 ELSE id % 7 END AS a, CAST(id AS STRING) AS b FROM range(1000)');
  const { file, errors } = loadConfigText(`version: 1
pairs:
  - name: big_vs_small
    source: { table: spark_catalog.recon_plan.big }
    target: { table: spark_catalog.recon_plan.small }
    primary_key: [k]
    distinct_counts: approximate
  - name: big_vs_big
    source: { table: spark_catalog.recon_plan.big }
    target: { query: "SELECT k, CAST(a AS DECIMAL(20,2)) AS a, b FROM spark_catalog.recon_plan.big" }
    primary_key: [k]
    distinct_counts: approximate
`, 'plan.yml');
  expect(errors).toEqual([]);
  results = await runSuite({ files: [file!] }, { engine, dialect: databricksDialect });
}, 600_000);

afterAll(async () => {
  await engine?.close();
});

const joinSql = (pair: PairResult) => pair.statements.find((statement) => statement.purpose === 'join')!.sql;
const measured = (pair: PairResult, check: string) => pair.checks.find((c) => c.check === check)!.measured;

test('a side the profile found small is broadcast where its rows are joined, and Spark plans it so', async () => {
  const pair = results.pairs[0]!;
  expect(pair.status).toBe('FAIL');
  expect([pair.source.rows, pair.target.rows]).toEqual([BIG_ROWS, 1000]);
  expect(measured(pair, 'missing_rows')).toBe(BIG_ROWS - 1000);
  expect(measured(pair, 'extra_rows')).toBe(0);
  expect(measured(pair, 'value_mismatches')).toBe(10);
  expect(pair.samples.mismatches.map((sample) => sample.key[0])).toEqual(['0', '100', '200', '300', '400', '500', '600', '700', '800', '900']);

  const sql = joinSql(pair);
  expect(sql.match(/\/\*\+ BROADCAST\(\w+\) \*\//g)).toEqual(['/*+ BROADCAST(recon_target) */', '/*+ BROADCAST(t) */']);
  const plan = String((await engine.query(`EXPLAIN EXTENDED ${sql}`)).rows[0]![0]);
  const physical = plan.slice(plan.indexOf('== Physical Plan =='));
  expect(plan).toMatch(/ResolvedHint \(strategy=broadcast\)/);
  expect(physical).toMatch(/BroadcastHashJoin .*Inner, BuildLeft/);
  expect(physical).toMatch(/BroadcastHashJoin .*LeftOuter, BuildRight/);
}, 300_000);

test('two sides above the limit get no hint: the plan is left to Spark', () => {
  const pair = results.pairs[1]!;
  // WARN, not PASS: the schema check notes that `a` is BIGINT on one side and DECIMAL on the other.
  expect(pair.status).toBe('WARN');
  expect(pair.checks.filter((check) => check.status !== 'PASS').map((check) => check.check)).toEqual(['schema']);
  expect([pair.source.rows, pair.target.rows]).toEqual([BIG_ROWS, BIG_ROWS]);
  expect(joinSql(pair)).not.toContain('BROADCAST');
});

test('approximate distinct counts are sketches of the common type: equal values agree, different ones do not', () => {
  const aggregates = (pair: PairResult) =>
    (pair.checks.find((c) => c.check === 'aggregates')!.details as { aggregates: Array<{ label: string; function: string; source: string | null; target: string | null; withinTolerance: boolean }> }).aggregates;
  const profile = results.pairs[1]!.statements.find((statement) => statement.purpose === 'profile-target')!.sql;
  expect(profile).toContain('approx_count_distinct(');
  expect(profile).not.toContain('count(DISTINCT');
  // BIGINT on one side and DECIMAL(20,2) on the other: the same seven values, the same estimate.
  const equal = aggregates(results.pairs[1]!).find((a) => a.label === 'a' && a.function === 'approx_count_distinct')!;
  expect(equal).toMatchObject({ source: '7', target: '7', withinTolerance: true });
  const differing = aggregates(results.pairs[0]!).find((a) => a.label === 'a' && a.function === 'approx_count_distinct')!;
  expect([differing.source, differing.target]).toEqual(['7', '8']);
  expect(differing.withinTolerance).toBe(false);
});
