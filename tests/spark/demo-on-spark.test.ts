import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { DatabricksEngine } from '../../src/engines/databricks/databricks-engine.js';
import type { RunResults } from '../../src/results/results-model.js';
import { loadDemo } from '../../scripts/spark/load-demo.mjs';
import { runCli } from '../support/cli.js';

/**
 * The README's Databricks path end to end: the demo loaded into Delta tables, then the real CLI
 * with `--engine databricks`, configured only through the usual DATABRICKS_* variables, against
 * the local Spark (trusting the proxy's certificate through NODE_EXTRA_CA_CERTS, as a corporate
 * CA would be).
 */
const spark = inject('spark');
let engine: DatabricksEngine;
const work = mkdtempSync(path.join(tmpdir(), 'recon-gate-spark-demo-'));

beforeAll(async () => {
  engine = await DatabricksEngine.connect({ host: spark.host, port: spark.port, httpPath: spark.httpPath, token: spark.token, customCaCert: spark.caCertPem }, {});
  expect(await loadDemo(engine)).toEqual(['lakehouse.dim_institution', 'lakehouse.fact_executive_summary', 'legacy.dim_institution', 'legacy.fact_executive_summary']);
}, 600_000);

afterAll(async () => {
  await engine?.close();
});

test('recon-gate run --engine databricks reports on Spark what DuckDB reports on the files', () => {
  const caFile = path.join(work, 'proxy-ca.pem');
  writeFileSync(caFile, spark.caCertPem);
  const env = {
    DATABRICKS_HOST: spark.host,
    DATABRICKS_PORT: String(spark.port),
    DATABRICKS_HTTP_PATH: spark.httpPath,
    DATABRICKS_TOKEN: spark.token,
    NODE_EXTRA_CA_CERTS: caFile,
  };
  const onSpark = runCli(['run', '--engine', 'databricks', '--config', 'recon-configs', '--out', path.join(work, 'spark')], { env });
  const onDuckdb = runCli(['run', '--config', 'recon-configs', '--out', path.join(work, 'duckdb')]);
  expect(onSpark.code, onSpark.stderr).toBe(1);
  expect(onDuckdb.code).toBe(1);
  const read = (folder: string) => JSON.parse(readFileSync(path.join(work, folder, 'results.json'), 'utf8')) as RunResults;
  const spark_ = read('spark');
  const duck = read('duckdb');
  expect(spark_.run.engine).toBe('databricks');
  const shape = (results: RunResults) =>
    results.pairs.map((pair) => ({
      name: pair.name,
      status: pair.status,
      rows: [pair.source.rows, pair.target.rows],
      checks: pair.checks.map((check) => [check.check, check.status, check.measured, check.base]),
      samples: pair.samples,
    }));
  expect(shape(spark_)).toEqual(shape(duck));

  // `plan` lists exactly what `run` ran on Spark: schema reads, profiles, the join with its hint.
  const plan = runCli(['plan', '--engine', 'databricks', '--config', 'recon-configs', '--json'], { env });
  expect(plan.code, plan.stderr).toBe(0);
  expect(JSON.parse(plan.stdout)).toEqual({ pairs: spark_.pairs.map((pair) => ({ name: pair.name, statements: pair.statements.map(({ purpose, sql }) => ({ purpose, sql })) })) });
}, 600_000);
