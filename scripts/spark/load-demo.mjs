#!/usr/bin/env node
// Loads demo-data/<schema>/<table>.parquet into Delta tables <schema>.<table> through the
// Databricks engine, so `recon-gate run --engine databricks --config recon-configs` reconciles
// the demo on Spark (or on a real workspace) exactly as DuckDB does locally.
//
//   DATABRICKS_HOST=… DATABRICKS_HTTP_PATH=… DATABRICKS_TOKEN=… node scripts/spark/load-demo.mjs
//
// Needs the compiled lib/ (npm install builds it). The Parquet files must be readable by the
// server: true for the local Spark; on a workspace, upload them to a volume and pass its path
// as the first argument.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function loadDemo(engine, dataDir = path.join(root, 'demo-data')) {
  const { databricksDialect: d } = await import('../../lib/sql/dialects/databricks-dialect.js');
  const loaded = [];
  for (const schema of readdirSync(dataDir, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    await engine.query(`CREATE SCHEMA IF NOT EXISTS ${d.quoteIdentifier(schema.name)}`);
    for (const file of readdirSync(path.join(dataDir, schema.name)).filter((name) => name.endsWith('.parquet'))) {
      const table = d.quoteTableName([schema.name, file.replace(/\.parquet$/, '')]);
      const location = path.join(dataDir, schema.name, file);
      await engine.query(`CREATE OR REPLACE TABLE ${table} USING DELTA AS SELECT * FROM parquet.${d.quoteIdentifier(location)}`);
      loaded.push(`${schema.name}.${file.replace(/\.parquet$/, '')}`);
    }
  }
  return loaded;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { openEngine } = await import('../../lib/backends/registry.js');
  const engine = await openEngine({ engine: 'databricks', config: { files: [] } });
  try {
    const loaded = await loadDemo(engine, process.argv[2] ? path.resolve(process.argv[2]) : undefined);
    console.log(`loaded ${loaded.length} Delta tables: ${loaded.join(', ')}`);
  } finally {
    await engine.close();
  }
}
