import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { DatabricksEngine } from '../../src/engines/databricks/databricks-engine.js';
import { DuckdbEngine } from '../../src/engines/duckdb/duckdb-engine.js';
import type { RunResults } from '../../src/results/results-model.js';
import { databricksDialect } from '../../src/sql/dialects/databricks-dialect.js';
import { duckdbDialect } from '../../src/sql/dialects/duckdb-dialect.js';
import { observed } from '../scenarios/expectations.js';
import { SCENARIOS } from '../scenarios/scenarios.js';
import { expectReproduceQueriesMatchSamples } from '../support/reproduce-check.js';
import type { PairPlanListing } from '../../src/recon/pair-plan.js';
import { assertScenario, expectPlansEqualRuns, runAndPlanScenarios, runScenarios } from '../support/scenario-runner.js';

/**
 * The same crafted scenarios as the DuckDB suite, run by Spark itself through the real driver on
 * real Delta tables (three-part names, column mapping for odd column names), and the two engines
 * compared result by result.
 */
const spark = inject('spark');
let engine: DatabricksEngine;
let sparkResults: RunResults;
let sparkPlans: PairPlanListing[];
let duckResults: RunResults;

beforeAll(async () => {
  engine = await DatabricksEngine.connect({ host: spark.host, port: spark.port, httpPath: spark.httpPath, token: spark.token, customCaCert: spark.caCertPem }, {});
  await engine.query('CREATE SCHEMA IF NOT EXISTS spark_catalog.recon_scenarios');
  ({ results: sparkResults, plans: sparkPlans } = await runAndPlanScenarios(
    {
      engine,
      dialect: databricksDialect,
      namespace: ['spark_catalog', 'recon_scenarios'],
      // Delta refuses spaces and some punctuation in column names unless column mapping is on.
      tableSuffix: " USING DELTA TBLPROPERTIES ('delta.columnMapping.mode' = 'name', 'delta.minReaderVersion' = '2', 'delta.minWriterVersion' = '5')",
    },
    SCENARIOS,
  ));
  const duck = await DuckdbEngine.open();
  duckResults = await runScenarios({ engine: duck, dialect: duckdbDialect, namespace: ['main'] }, SCENARIOS);
  await duck.close();
}, 900_000);

afterAll(async () => {
  await engine?.close();
});

describe('scenarios on Spark', () => {
  test.each(SCENARIOS.map((scenario, index) => [scenario.name, index] as const))('%s', (_name, index) => {
    assertScenario(sparkResults.pairs[index]!, SCENARIOS[index]!);
  });

  test.each(SCENARIOS.map((scenario, index) => [scenario.name, index] as const))('DuckDB and Spark agree: %s', (_name, index) => {
    // Counts per check, statuses, per-column counts and every sampled key are identical. Float
    // display text legitimately differs (DuckDB 1e+20, Spark 1.0E20), so sampled values and
    // aggregate texts are compared through the scenario expectations, not across engines.
    expect(observed(sparkResults.pairs[index]!)).toEqual(observed(duckResults.pairs[index]!));
  });

  test('the reproduce queries run on Spark and list exactly the sampled keys first', async () => {
    const checked = [];
    // A query's first sample_size rows are the sampled keys: 20 unless the scenario says otherwise.
    const sampleSizeOf = (index: number) => Number(/sample_size: (\d+)/.exec(SCENARIOS[index]!.pairYaml)?.[1] ?? 20);
    for (const [index, pair] of sparkResults.pairs.entries()) checked.push(...(await expectReproduceQueriesMatchSamples(engine, pair, sampleSizeOf(index))));
    expect(checked.length).toBeGreaterThan(10);
  });

  test('each pair runs the same statements on Spark as on DuckDB: metadata reads, pre-flight where types differ, three passes', () => {
    sparkResults.pairs.forEach((pair, index) => {
      expect(pair.statements.map((statement) => statement.purpose).sort()).toEqual(duckResults.pairs[index]!.statements.map((statement) => statement.purpose).sort());
      expect(pair.statements.filter((statement) => !['schema-source', 'schema-target', 'preflight'].includes(statement.purpose))).toHaveLength(3);
      expect(pair.statements.find((statement) => statement.purpose === 'schema-source')!.sql).toMatch(/^DESCRIBE QUERY SELECT \* FROM \(/);
    });
  });

  test('plan lists exactly the statements each pair ran on Spark, in order (broadcast hints included)', () => {
    expectPlansEqualRuns(sparkPlans, sparkResults);
    expect(sparkPlans.some((plan) => plan.statements.some((statement) => statement.purpose === 'join' && statement.sql.includes('/*+ BROADCAST(')))).toBe(true);
  });
});
