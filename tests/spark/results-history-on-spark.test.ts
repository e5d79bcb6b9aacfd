import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { DatabricksEngine } from '../../src/engines/databricks/databricks-engine.js';
import { loadDemo } from '../../scripts/spark/load-demo.mjs';
import { runCli } from '../support/cli.js';

/**
 * results_table on the local Spark through the real driver: the CLI appends each run to a Delta
 * table it creates, one row per pair and check, and a re-run of a run id replaces its rows.
 */
const spark = inject('spark');
let engine: DatabricksEngine;
const connect = () => DatabricksEngine.connect({ host: spark.host, port: spark.port, httpPath: spark.httpPath, token: spark.token, customCaCert: spark.caCertPem }, {});
const work = mkdtempSync(path.join(tmpdir(), 'recon-gate-spark-history-'));
const table = `spark_catalog.default.recon_history_${process.pid}`;

beforeAll(async () => {
  engine = await connect();
  await loadDemo(engine);
  await engine.query(`DROP TABLE IF EXISTS ${table}`);
}, 600_000);

afterAll(async () => {
  await engine?.query(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
  await engine?.close();
});

test('two runs hold one row per check each in a Delta table created on the first; a re-run replaces its own rows', async () => {
  const caFile = path.join(work, 'proxy-ca.pem');
  writeFileSync(caFile, spark.caCertPem);
  const env = { DATABRICKS_HOST: spark.host, DATABRICKS_PORT: String(spark.port), DATABRICKS_HTTP_PATH: spark.httpPath, DATABRICKS_TOKEN: spark.token, NODE_EXTRA_CA_CERTS: caFile, GITHUB_SHA: 'a1b2c3d4' };
  const run = (id: string) => runCli(['run', '--engine', 'databricks', '--config', 'recon-configs', '--out', path.join(work, id), '--results-table', table, '--run-id', id], { env });
  const first = run('run-1');
  expect(first.code, first.stderr).toBe(1);
  expect(first.stderr).toContain(`history: 18 rows in ${table} (run id run-1)`);
  expect(run('run-2').code).toBe(1);
  expect(run('run-1').code).toBe(1);

  // The setup's session sat idle through three CLI runs, longer than the server keeps a connection open.
  await engine.close();
  engine = await connect();
  const counts = await engine.query(`SELECT run_id, CAST(count(*) AS STRING) AS n, CAST(count(DISTINCT pair, check_name) AS STRING) AS checks FROM ${table} GROUP BY run_id ORDER BY run_id`);
  expect(counts.rows).toEqual([['run-1', '18', '18'], ['run-2', '18', '18']]);
  const format = await engine.query(`DESCRIBE DETAIL ${table}`);
  expect(format.rows[0]?.[format.columns.findIndex((column) => column.name === 'format')]).toBe('delta');
  const row = await engine.query(`SELECT pair, check_name, status, CAST(measured AS STRING), commit_sha, CAST(run_started_at IS NOT NULL AS STRING) FROM ${table} WHERE run_id = 'run-2' AND check_name = 'row_count' ORDER BY pair`);
  expect(row.rows).toEqual([['dim_institution', 'row_count', 'PASS', '0', 'a1b2c3d4', 'true'], ['fact_executive_summary', 'row_count', 'FAIL', '1', 'a1b2c3d4', 'true']]);
}, 600_000);
