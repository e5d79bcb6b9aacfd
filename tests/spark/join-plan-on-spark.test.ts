import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { loadConfigText } from '../../src/config/load-config.js';
import { DatabricksEngine } from '../../src/engines/databricks/databricks-engine.js';
import { runSuite } from '../../src/recon/run-suite.js';
import { databricksDialect } from '../../src/sql/dialects/databricks-dialect.js';

const spark = inject('spark');
let engine: DatabricksEngine;

beforeAll(async () => {
  engine = await DatabricksEngine.connect({ host: spark.host, port: spark.port, httpPath: spark.httpPath, token: spark.token, customCaCert: spark.caCertPem }, {});
  await engine.query('CREATE SCHEMA IF NOT EXISTS spark_catalog.recon_plan');
  await engine.query('CREATE OR REPLACE TABLE spark_catalog.recon_plan.big USING DELTA AS SELECT id AS k, id % 7 AS a, CAST(id AS STRING) AS b FROM range(200000)');
  await engine.query("CREATE OR REPLACE TABLE spark_catalog.recon_plan.small USING DELTA AS SELECT id AS k, CASE WHEN id % 100 = 0 THEN 99 ELSE id % 7 END AS a, CAST(id AS STRING) AS b FROM range(1000)");
}, 600_000);

afterAll(async () => {
  await engine?.close();
});

test('explore', async () => {
  const { file } = loadConfigText(`version: 1
pairs:
  - name: p
    source: { table: spark_catalog.recon_plan.big }
    target: { table: spark_catalog.recon_plan.small }
    primary_key: [k]
`, 'p.yml');
  const results = await runSuite({ files: [file!] }, { engine, dialect: databricksDialect });
  const pair = results.pairs[0]!;
  const join = pair.statements.find((s) => s.purpose === 'join')!;
  const plan = await engine.query(`EXPLAIN FORMATTED ${join.sql}`);
  console.log(plan.rows[0]![0]);
  const ext = await engine.query(`EXPLAIN EXTENDED ${join.sql}`);
  console.log(String(ext.rows[0]![0]).split('\n').filter((l) => /Hint|broadcast|BROADCAST/i.test(l)).join('\n'));
}, 600_000);
