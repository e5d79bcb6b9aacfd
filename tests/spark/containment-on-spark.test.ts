import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { DatabricksEngine } from '../../src/engines/databricks/databricks-engine.js';
import { EngineError } from '../../src/engines/engine.js';
import { runSuite } from '../../src/recon/run-suite.js';
import { databricksDialect } from '../../src/sql/dialects/databricks-dialect.js';
import { ADVERSARIAL_CORPUS, PLAIN_SUBQUERY_FILTER } from '../security/adversarial-corpus.js';
import { PLANTED_SECRET, configPastTheGuard, fillPlaceholders, loadAdversarialConfig, makePlayground } from '../security/containment-support.js';

/**
 * The adversarial corpus against Spark through the real driver, with the lexical guard bypassed:
 * the driver sends one statement per call and Spark's parser refuses a text with two, so a filter
 * that closes the wrapper's parentheses fails without running anything else. A canary table
 * that the corpus tries to drop proves it.
 */
const spark = inject('spark');
const schema = 'spark_catalog.recon_containment';
const TABLES = { source: `${schema}.src`, target: `${schema}.tgt` };
let engine: DatabricksEngine;

async function canaryRows(): Promise<string | null | undefined> {
  return (await engine.query('SELECT count(*) FROM spark_catalog.default.recon_canary')).rows[0]?.[0];
}

beforeAll(async () => {
  engine = await DatabricksEngine.connect({ host: spark.host, port: spark.port, httpPath: spark.httpPath, token: spark.token, customCaCert: spark.caCertPem }, {});
  await engine.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  for (const [table, changed] of [['src', false], ['tgt', true]] as const) {
    const rows = [1, 2, 3, 4, 5].map((id) => `(${id}, '${changed && id === 4 ? 'changed' : `name-${id}`}')`).join(', ');
    await engine.query(`CREATE OR REPLACE TABLE ${schema}.${table} USING DELTA AS SELECT * FROM VALUES ${rows} AS v(id, name)`);
  }
  await engine.query('CREATE OR REPLACE TABLE spark_catalog.default.recon_canary USING DELTA AS SELECT 1 AS alive');
}, 600_000);

afterAll(async () => {
  await engine?.close();
});

describe('adversarial SQL on Spark, guard bypassed', () => {
  const cases = ADVERSARIAL_CORPUS.filter((testCase) => !testCase.engines || testCase.engines.includes('databricks'));

  test.each(cases.map((testCase) => [testCase.name, testCase] as const))('%s', async (_name, testCase) => {
    const playground = makePlayground();
    const config = configPastTheGuard(testCase, fillPlaceholders(testCase.sql, playground, TABLES.source), TABLES, playground);
    const results = await runSuite(config, { engine, dialect: databricksDialect });
    const pair = results.pairs[0]!;
    expect(await canaryRows(), 'the canary table was dropped').toBe('1');
    expect(existsSync(playground.outFile)).toBe(false);
    expect(JSON.stringify(results)).not.toContain(PLANTED_SECRET);
    if (testCase.engineRuns?.includes('databricks')) expect(pair.error).toBeUndefined();
    else expect(pair.status).toBe('ERROR');
  });

  test('a text with two statements fails in one call and runs neither', async () => {
    const attempt = engine.query('SELECT 1 AS a; DROP TABLE spark_catalog.default.recon_canary');
    await expect(attempt).rejects.toBeInstanceOf(EngineError);
    expect(await canaryRows()).toBe('1');
  });

  test('a plain subquery filter still works', async () => {
    const playground = makePlayground();
    const { errors, config } = loadAdversarialConfig({ name: 'plain', field: 'filter', sql: '', guard: 'passes' }, fillPlaceholders(PLAIN_SUBQUERY_FILTER, playground, TABLES.source), TABLES, playground);
    expect(errors).toEqual([]);
    const pair = (await runSuite(config!, { engine, dialect: databricksDialect })).pairs[0]!;
    expect(pair.error).toBeUndefined();
    expect(pair.checks.find((check) => check.check === 'extra_rows')?.measured).toBe(2);
  });
});
