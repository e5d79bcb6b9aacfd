import { afterAll, beforeAll, inject, test } from 'vitest';
import { DatabricksEngine } from '../../src/engines/databricks/databricks-engine.js';
import { databricksDialect } from '../../src/sql/dialects/databricks-dialect.js';
import { expectSumOverflowIsACheckError, WIDE_ROWS } from '../support/overflow-pair.js';

/** Spark (ANSI) cannot hold the total either: try_sum returns NULL, reported like DuckDB's overflow. */
const spark = inject('spark');
let engine: DatabricksEngine;

beforeAll(async () => {
  engine = await DatabricksEngine.connect({ host: spark.host, port: spark.port, httpPath: spark.httpPath, token: spark.token, customCaCert: spark.caCertPem }, {});
  await engine.query('CREATE SCHEMA IF NOT EXISTS recon_overflow');
  for (const table of ['wide_s', 'wide_t']) {
    await engine.query(`CREATE OR REPLACE TABLE recon_overflow.${table} (id INT, amount DECIMAL(38,0)) USING DELTA`);
    await engine.query(`INSERT INTO recon_overflow.${table} VALUES ${WIDE_ROWS}`);
  }
}, 600_000);
afterAll(async () => {
  await engine?.close();
});

test('a DECIMAL(38,0) sum past 38 digits is an ERROR of the aggregates check on Spark too, not of the pair', async () => {
  await expectSumOverflowIsACheckError(engine, databricksDialect, 'recon_overflow');
}, 300_000);
