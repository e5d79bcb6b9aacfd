/**
 * The benchmark on the local Spark: the same generated tables (loaded from their Parquet files
 * into Delta), the same recon config, the same lower bound (one full outer join on the key
 * comparing one xxhash64 per side), through the Databricks engine and the real driver. Run by
 * bench/run-bench.mjs through vitest (bench/spark/vitest.config.ts), which supplies the Spark
 * connection; the job (sizes with their data files, repeat, distinct_counts for the suite, the lib/
 * snapshot to load, the result file) comes in RECON_GATE_SPARK_BENCH.
 *
 * After the timed rounds at the smallest size, the profile pass alone (both sides at once, as the
 * suite runs it) once per distinct_counts mode, because on Spark that choice outweighs the rest.
 *
 * Spark runs in its own JVM, so the Node process's RSS here is Recon Gate's own footprint; the
 * JVM's resident set is sampled beside it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inject, test } from 'vitest';
import { SOURCE_TABLE, TARGET_TABLE } from '../bench-data.mjs';
import { runLowerBound } from '../lower-bound.mjs';
import { startMemorySampler } from '../memory-sampler.mjs';
import { loadReconLibrary } from '../recon-library.mjs';
import { loadBenchConfig, runReconSuite } from '../suite-run.mjs';

const SCHEMA = 'spark_catalog.recon_bench';
const log = (message) => process.stderr.write(`    ${message}\n`);

/** Peak resident set of another process (the Spark JVM), sampled from /proc while work runs. */
function startProcessSampler(pid) {
  let peak = 0;
  const sample = () => {
    if (pid === undefined) return;
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (match) peak = Math.max(peak, Number(match[1]) * 1024);
    } catch {
      // not Linux, or the process is gone: no figure
    }
  };
  sample();
  const timer = setInterval(sample, 250);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peak > 0 ? peak : undefined;
    },
  };
}

/** Delta tables named after the data folder (which carries the generator's version), loaded once per server. */
async function ensureTables(engine, quote, size) {
  const stem = path.basename(size.folder).replace(/[^A-Za-z0-9]+/g, '_');
  const tables = { source: `${SCHEMA}.${stem}_${SOURCE_TABLE}`, target: `${SCHEMA}.${stem}_${TARGET_TABLE}` };
  const started = performance.now();
  await engine.query(`CREATE SCHEMA IF NOT EXISTS ${SCHEMA}`);
  for (const [role, file] of [['source', size.sourceParquet], ['target', size.targetParquet]]) {
    await engine.query(`CREATE TABLE IF NOT EXISTS ${tables[role]} USING DELTA AS SELECT * FROM parquet.${quote(file)}`);
  }
  return { tables, loadMs: performance.now() - started };
}

test('Recon Gate on the local Spark against the lower bound', async () => {
  const job = JSON.parse(process.env.RECON_GATE_SPARK_BENCH ?? 'null');
  if (!job) throw new Error('RECON_GATE_SPARK_BENCH is not set: run this through `npm run bench`');
  const spark = inject('spark');
  const library = await loadReconLibrary(job.lib);
  const dialect = library.databricksDialect;
  const quote = (name) => dialect.quoteIdentifier(name);
  const engine = await library.DatabricksEngine.connect({ host: spark.host, port: spark.port, httpPath: spark.httpPath, token: spark.token, customCaCert: spark.caCertPem }, {});
  const sizes = [];
  try {
    const version = await engine.query('SELECT version()');
    for (const size of job.sizes) {
      log(`spark: ${size.rows.toLocaleString('en-US')} source rows`);
      const { tables, loadMs } = await ensureTables(engine, quote, size);
      const lowerBoundTarget = { quote, table: (name) => (name === SOURCE_TABLE ? tables.source : tables.target), hashFunction: 'xxhash64' };
      const config = loadBenchConfig(library, tables, { distinctCounts: job.distinctCounts });
      log('warm-up: one lower-bound run (not counted)');
      await runLowerBound(engine, lowerBoundTarget, { distinctCounts: job.distinctCounts ?? library.databricksDialect.defaultDistinctCounts });
      const suiteRuns = [];
      const lowerBoundRuns = [];
      for (let round = 0; round < job.repeat; round++) {
        for (const kind of round % 2 === 0 ? ['lower bound', 'suite'] : ['suite', 'lower bound']) {
          const node = startMemorySampler();
          const jvm = startProcessSampler(spark.serverPid);
          const run = kind === 'suite' ? await runReconSuite(library, engine, config, dialect) : await runLowerBound(engine, lowerBoundTarget, { distinctCounts: job.distinctCounts ?? library.databricksDialect.defaultDistinctCounts });
          const measured = { ...run, memory: node.stop(), jvmPeakRssBytes: jvm.stop() };
          (kind === 'suite' ? suiteRuns : lowerBoundRuns).push(measured);
          log(`round ${round + 1}: ${kind} ${(run.wallMs / 1000).toFixed(2)} s`);
        }
      }
      // At the smallest size only: exact counts of many columns take minutes on Spark at 10M rows.
      const profileModes = [];
      const smallest = size.rows === Math.min(...job.sizes.map((candidate) => candidate.rows));
      for (const mode of smallest ? ['exact', 'approximate', 'off'] : []) {
        const profileOnly = loadBenchConfig(library, tables, { distinctCounts: mode, checks: ['row_count', 'nulls', 'aggregates'] });
        const run = await runReconSuite(library, engine, profileOnly, dialect);
        profileModes.push({ distinctCounts: mode, wallMs: run.wallMs });
        log(`profile pass alone, distinct_counts ${mode}: ${(run.wallMs / 1000).toFixed(2)} s`);
      }
      sizes.push({ rows: size.rows, tables, loadMs, suiteRuns, lowerBoundRuns, profileModes });
    }
    writeFileSync(job.resultFile, JSON.stringify({ sparkVersion: version.rows[0]?.[0], sizes }));
  } finally {
    await engine.close();
  }
});
