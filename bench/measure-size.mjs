/**
 * One measurement job in a process of its own, started by run-bench.mjs:
 *
 * - `timing`: the suite and the lower bound, repeated in this one process on the same attached
 *   database, their order alternating between rounds, after one warm-up read of both tables;
 * - `memory-suite` / `memory-lower-bound`: one run of one of them in a fresh process, so its peak
 *   RSS is not inflated by memory that earlier work left in DuckDB's buffer pool or the allocator;
 * - `memory-suite-capped`: the same for the suite under a DuckDB `memory_limit` (it spills to disk);
 * - `profile`: DuckDB's profile of each statement the suite ran, and timings of alternatives.
 *
 * Usage: node bench/measure-size.mjs '<json job>' <result file>
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { attachStatement } from './bench-config.mjs';
import { explainAnalyze } from './explain-analyze.mjs';
import { runLowerBound } from './lower-bound.mjs';
import { startMemorySampler } from './memory-sampler.mjs';
import { summarize } from './run-statistics.mjs';
import { joinVariants, profileVariants } from './statement-variants.mjs';
import { loadReconLibrary } from './recon-library.mjs';
import { loadBenchConfig, runReconSuite } from './suite-run.mjs';

const [jobText, resultFile] = process.argv.slice(2);
const job = JSON.parse(jobText);
const library = await loadReconLibrary(job.lib);
const log = (message) => process.stderr.write(`    ${message}\n`);

async function openBenchEngine() {
  const engine = await library.DuckdbEngine.open({ access: 'unrestricted' });
  await engine.execute(attachStatement(job.database));
  return engine;
}

async function measured(work) {
  const sampler = startMemorySampler();
  const result = await work();
  return { ...result, memory: sampler.stop() };
}

async function timing(engine) {
  const config = loadBenchConfig(library, undefined, { distinctCounts: job.distinctCounts });
  log('warm-up: one lower-bound run (not counted)');
  await runLowerBound(engine, undefined, { distinctCounts: job.distinctCounts ?? library.duckdbDialect.defaultDistinctCounts });
  const suiteRuns = [];
  const lowerBoundRuns = [];
  for (let round = 0; round < job.repeat; round++) {
    const order = round % 2 === 0 ? ['lower bound', 'suite'] : ['suite', 'lower bound'];
    for (const kind of order) {
      if (kind === 'suite') {
        const run = await measured(() => runReconSuite(library, engine, config));
        suiteRuns.push(run);
        log(`round ${round + 1}: suite ${(run.wallMs / 1000).toFixed(2)} s (${run.statements.map((s) => `${s.purpose} ${(s.durationMs / 1000).toFixed(2)} s`).join(', ')})`);
      } else {
        const run = await measured(() => runLowerBound(engine, undefined, { distinctCounts: job.distinctCounts ?? library.duckdbDialect.defaultDistinctCounts }));
        lowerBoundRuns.push(run);
        log(`round ${round + 1}: lower bound ${(run.wallMs / 1000).toFixed(2)} s`);
      }
    }
  }
  return { suiteRuns, lowerBoundRuns };
}

async function memoryOnly(engine, kind, memoryLimit) {
  const config = loadBenchConfig(library, undefined, { distinctCounts: job.distinctCounts });
  let spillFolder;
  if (memoryLimit) {
    // An in-memory database spills to `.tmp` in the working directory by default: keep it out of the repository.
    spillFolder = mkdtempSync(path.join(os.tmpdir(), 'recon-gate-bench-spill-'));
    await engine.execute(`SET GLOBAL temp_directory = '${spillFolder.replaceAll("'", "''")}'`);
    await engine.execute(`SET GLOBAL memory_limit = '${memoryLimit}'`);
  }
  const baseline = process.memoryUsage();
  const run = await measured(() => (kind === 'suite' ? runReconSuite(library, engine, config) : runLowerBound(engine, undefined, { distinctCounts: job.distinctCounts ?? library.duckdbDialect.defaultDistinctCounts })));
  if (spillFolder) rmSync(spillFolder, { recursive: true, force: true });
  log(`${kind}${memoryLimit ? ` (DuckDB memory_limit ${memoryLimit})` : ''} in a fresh process: ${(run.wallMs / 1000).toFixed(2)} s, peak RSS ${(run.memory.peakRssBytes / 2 ** 20).toFixed(0)} MiB`);
  return { kind, memoryLimit, baselineRssBytes: baseline.rss, run: { ...run, statements: run.statements?.map(({ purpose, durationMs }) => ({ purpose, durationMs })) } };
}

async function timeStatement(engine, sqlList) {
  const started = performance.now();
  await Promise.all(sqlList.map((sql) => engine.query(sql)));
  return performance.now() - started;
}

/** Times each variant `repeat` times, one variant after another within a round, so drift in the machine's load spreads over all. */
async function timeVariants(engine, variants, runOf) {
  const usable = variants.filter((variant) => variant.sql);
  const times = new Map(usable.map((variant) => [variant.name, []]));
  for (let round = 0; round < job.repeat; round++) {
    for (const variant of usable) {
      times.get(variant.name).push(await timeStatement(engine, runOf(variant)));
    }
  }
  const profiles = new Map();
  for (const variant of usable) {
    profiles.set(variant.name, await explainAnalyze(engine, Array.isArray(variant.sql) ? variant.sql[0] : variant.sql));
  }
  return variants.map((variant) => ({
    name: variant.name,
    note: variant.note,
    baseline: Boolean(variant.baseline),
    applicable: Boolean(variant.sql),
    wallMs: variant.sql ? summarize(times.get(variant.name)) : undefined,
    profile: variant.sql ? summarizeProfile(profiles.get(variant.name)) : undefined,
    sql: variant.sql && !variant.baseline ? variant.sql : undefined,
  }));
}

function summarizeProfile(profile) {
  return { cpuS: profile.cpuS, latencyS: profile.latencyS, peakBufferMemoryBytes: profile.peakBufferMemoryBytes };
}

async function profile(engine) {
  const config = loadBenchConfig(library, undefined, { distinctCounts: job.distinctCounts });
  log('one suite run to capture its statements');
  const suite = await runReconSuite(library, engine, config);
  const bySql = (purpose) => suite.statements.find((statement) => statement.purpose === purpose)?.sql;
  const explained = [];
  for (const statement of suite.statements) {
    log(`EXPLAIN ANALYZE ${statement.purpose}`);
    explained.push({ purpose: statement.purpose, ...(await explainAnalyze(engine, statement.sql)) });
  }
  log('EXPLAIN ANALYZE lower bound');
  const { lowerBoundSql } = await import('./lower-bound.mjs');
  const lowerBound = { purpose: 'lower bound', ...(await explainAnalyze(engine, lowerBoundSql())) };

  log(`timing join variants (${job.repeat} rounds)`);
  const lowerBoundVariant = { name: 'lower bound (full outer join, one hash per side)', sql: lowerBoundSql() };
  const join = await timeVariants(engine, [...joinVariants(bySql('join')), lowerBoundVariant], (variant) => [variant.sql]);

  log(`timing profile variants, both sides at once as the suite runs them (${job.repeat} rounds)`);
  const sourceVariants = profileVariants(bySql('profile-source'));
  const targetVariants = profileVariants(bySql('profile-target'));
  const profileResults = await timeVariants(
    engine,
    sourceVariants.map((variant, index) => ({ ...variant, sql: variant.sql && targetVariants[index]?.sql ? [variant.sql, targetVariants[index].sql] : undefined })),
    (variant) => variant.sql,
  );
  return { suiteStatements: suite.statements.map(({ purpose, durationMs }) => ({ purpose, durationMs })), explained: [...explained, lowerBound], joinVariants: join, profileVariants: profileResults };
}

const engine = await openBenchEngine();
try {
  const started = performance.now();
  let result;
  if (job.mode === 'timing') result = await timing(engine);
  else if (job.mode === 'memory-suite') result = await memoryOnly(engine, 'suite');
  else if (job.mode === 'memory-suite-capped') result = await memoryOnly(engine, 'suite', job.memoryLimit);
  else if (job.mode === 'memory-lower-bound') result = await memoryOnly(engine, 'lower bound');
  else if (job.mode === 'profile') result = await profile(engine);
  else throw new Error(`unknown job mode ${job.mode}`);
  writeFileSync(resultFile, JSON.stringify({ job, elapsedMs: performance.now() - started, ...result }));
} finally {
  await engine.close();
}
