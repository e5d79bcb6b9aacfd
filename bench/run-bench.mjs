/**
 * `npm run bench`: Recon Gate's full suite on DuckDB against the lower bound (one full outer join
 * comparing one row hash per side) and against peers, on generated tables of each size; then
 * where the suite's time goes. Prints Markdown tables; --json writes every figure.
 *
 * Each measurement runs in a child process (measure-size.mjs), so one size's memory does not
 * carry into the next and the parent's own footprint stays out of the figures.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { attachStatement } from './bench-config.mjs';
import { ensureBenchData, rateLabel, readTruth } from './bench-data.mjs';
import { parseBenchOptions, USAGE } from './bench-options.mjs';
import { printReport } from './bench-report.mjs';
import { describeMachine, loadAverage } from './machine-info.mjs';
import { ensurePeerVenv, PEERS, peerVenvFolder } from './peers.mjs';
import { loadReconLibrary, removeLibSnapshot, snapshotLib } from './recon-library.mjs';
import { summarize } from './run-statistics.mjs';

const PEER_TIMEOUT_MS = 30 * 60 * 1000;
const measureScript = path.join(path.dirname(fileURLToPath(import.meta.url)), 'measure-size.mjs');
const repository = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (message) => process.stderr.write(`${message}\n`);

function runJob(job) {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'recon-gate-bench-'));
  const resultFile = path.join(folder, 'result.json');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [measureScript, JSON.stringify(job), resultFile], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        if (code !== 0) throw new Error(`the ${job.mode} job for ${job.rows} rows exited with ${code}`);
        resolve(JSON.parse(readFileSync(resultFile, 'utf8')));
      } catch (error) {
        reject(error);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });
  });
}

/**
 * What a run costs besides its statements: Node's start, loading configs, opening the engine,
 * writing every report (CSV, JUnit, workbook, charts, summary.md). Measured as `recon-gate run`
 * on the shipped demo from a fresh process each time: its wall time less the in-process suite's
 * (results.json `run.durationMs`, the statements on the demo's 1,800 rows).
 */
function measureFixedCost(repeat) {
  const runs = [];
  for (let round = 0; round < Math.max(3, repeat); round++) {
    const out = mkdtempSync(path.join(os.tmpdir(), 'recon-gate-bench-fixed-'));
    const started = performance.now();
    const child = spawnSync(process.execPath, [path.join(repository, 'bin', 'recon-gate.js'), 'run', '--config', 'recon-configs', '--out', out, '--quiet'], { cwd: repository, encoding: 'utf8' });
    const wallMs = performance.now() - started;
    let suiteMs;
    try {
      suiteMs = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')).run.durationMs;
    } catch {
      suiteMs = undefined;
    }
    rmSync(out, { recursive: true, force: true });
    if (child.status !== 0 && child.status !== 1) throw new Error(`the CLI run on the demo exited with ${child.status}: ${child.stderr}`);
    runs.push({ wallMs, suiteMs });
    log(`  run ${round + 1}: ${(wallMs / 1000).toFixed(2)} s`);
  }
  // The fixed cost is the wall time less the statements' own: what every run pays whatever its data.
  const overheads = runs.filter((run) => run.suiteMs !== undefined).map((run) => run.wallMs - run.suiteMs);
  return { runs, wallMs: summarize(runs.map((run) => run.wallMs)), suiteMs: summarize(runs.map((run) => run.suiteMs)), overheadMs: overheads.length > 0 ? summarize(overheads) : undefined };
}

async function truthOf(library, database) {
  const engine = await library.DuckdbEngine.open({ access: 'unrestricted' });
  try {
    await engine.execute(attachStatement(database));
    const versionRows = await engine.query('SELECT version()');
    return { truth: await readTruth(engine, 'bench.main.'), duckdbVersion: versionRows.rows[0][0] };
  } finally {
    await engine.close();
  }
}

function statementFigures(suiteRuns) {
  const purposes = [...new Set(suiteRuns.flatMap((run) => run.statements.map((statement) => statement.purpose)))];
  return purposes.map((purpose) => ({
    purpose,
    durationMs: summarize(suiteRuns.map((run) => run.statements.find((statement) => statement.purpose === purpose)?.durationMs)),
  }));
}

async function measureSize(rows, rate, options, run) {
  log(`\n== ${rows.toLocaleString('en-US')} source rows, ${rateLabel(rate)} differing keys`);
  const data = await ensureBenchData(rows, { rate, openEngine: (engineOptions) => run.library.DuckdbEngine.open({ ...engineOptions, access: 'unrestricted' }), log });
  const { truth, duckdbVersion } = await truthOf(run.library, data.database);
  // Above --peer-max-rows only the suite and the lower bound run (each once by default): the
  // peers and a spilling run would take longer than the rest of the bench together.
  const large = rows > options.peerMaxRows;
  const job = { rows, database: data.database, repeat: large ? options.largeRepeat : options.repeat, lib: run.libFolder, distinctCounts: options.distinctCounts };
  const loadAtStart = loadAverage();

  log(`  timing: ${job.repeat} round(s) of lower bound + suite in one process`);
  const timing = await runJob({ ...job, mode: 'timing' });
  log('  memory: suite alone in a fresh process');
  const suiteMemory = await runJob({ ...job, mode: 'memory-suite' });
  log('  memory: lower bound alone in a fresh process');
  const lowerBoundMemory = await runJob({ ...job, mode: 'memory-lower-bound' });
  let cappedMemory;
  if (options.memoryLimit && !large) {
    log(`  memory: suite alone in a fresh process, DuckDB memory_limit ${options.memoryLimit}`);
    cappedMemory = await runJob({ ...job, mode: 'memory-suite-capped', memoryLimit: options.memoryLimit });
  }

  const suiteWall = summarize(timing.suiteRuns.map((run) => run.wallMs));
  const lowerBoundWall = summarize(timing.lowerBoundRuns.map((run) => run.wallMs));
  const lastSuite = timing.suiteRuns.at(-1);
  const size = {
    rows,
    rate,
    loadAtStart,
    data: { folder: data.folder, generatedMs: data.generatedMs, reused: data.reused },
    duckdbVersion,
    truth,
    suite: {
      wallMs: suiteWall,
      status: lastSuite.status,
      statementsPerPair: lastSuite.statements.length,
      statements: statementFigures(timing.suiteRuns),
      metadataReads: lastSuite.metadataReads,
      found: lastSuite.found,
      peakRssBytes: suiteMemory.run.memory.peakRssBytes,
      processMaxRssBytes: suiteMemory.run.memory.processMaxRssBytes,
      baselineRssBytes: suiteMemory.baselineRssBytes,
      peakHeapUsedBytes: suiteMemory.run.memory.peakHeapUsedBytes,
      peakExternalBytes: suiteMemory.run.memory.peakExternalBytes,
      freshProcessWallMs: suiteMemory.run.wallMs,
    },
    lowerBound: {
      wallMs: lowerBoundWall,
      joinMs: summarize(timing.lowerBoundRuns.map((run) => run.joinMs)),
      profileMs: summarize(timing.lowerBoundRuns.map((run) => run.profileMs)),
      found: timing.lowerBoundRuns.at(-1).found,
      peakRssBytes: lowerBoundMemory.run.memory.peakRssBytes,
      processMaxRssBytes: lowerBoundMemory.run.memory.processMaxRssBytes,
      baselineRssBytes: lowerBoundMemory.baselineRssBytes,
      freshProcessWallMs: lowerBoundMemory.run.wallMs,
    },
    cappedSuite: cappedMemory && {
      memoryLimit: options.memoryLimit,
      wallMs: cappedMemory.run.wallMs,
      peakRssBytes: cappedMemory.run.memory.peakRssBytes,
      processMaxRssBytes: cappedMemory.run.memory.processMaxRssBytes,
      statements: cappedMemory.run.statements,
    },
    ratio: {
      median: suiteWall.median / lowerBoundWall.median,
      min: suiteWall.min / lowerBoundWall.min,
    },
    peers: [],
  };

  if (run.peerPython && large) {
    for (const peer of PEERS) size.peers.push({ name: peer.name, error: `not run above ${options.peerMaxRows.toLocaleString('en-US')} rows (--peer-max-rows)` });
  } else if (run.peerPython) {
    for (const peer of PEERS) {
      const runs = [];
      for (let round = 0; round < options.peerRepeat; round++) {
        log(`  peer ${peer.name}, run ${round + 1}/${options.peerRepeat}`);
        const peerRun = await peer.run(run.peerPython, data, PEER_TIMEOUT_MS);
        runs.push(peerRun);
        if (peerRun.error) {
          log(`    failed: ${peerRun.error}`);
          break;
        }
        log(`    ${(peerRun.wallMs / 1000).toFixed(2)} s`);
      }
      const good = runs.filter((peerRun) => !peerRun.error);
      size.peers.push({
        name: peer.name,
        error: good.length === 0 ? runs[0]?.error : undefined,
        wallMs: summarize(good.map((peerRun) => peerRun.wallMs)),
        compareMs: summarize(good.map((peerRun) => peerRun.compareS * 1000)),
        loadMs: summarize(good.map((peerRun) => (peerRun.loadS ?? peerRun.connectS ?? 0) * 1000)),
        version: good[0]?.version,
        engine: good[0]?.engine,
        mode: good[0]?.mode,
        found: good[0]?.found,
        maxRssBytes: good[0]?.maxRssBytes,
      });
    }
  }
  return size;
}

/**
 * The Spark half: the same data and config through the Databricks engine on the local Spark
 * Thrift Server, in a vitest process (bench/spark/vitest.config.ts), because the Spark test
 * suite's setup (install, start, the test proxy the driver needs) is TypeScript run by vitest.
 */
async function measureOnSpark(sparkOptions, run) {
  const sizes = [];
  for (const rows of sparkOptions.sizes) {
    const data = await ensureBenchData(rows, { openEngine: (engineOptions) => run.library.DuckdbEngine.open({ ...engineOptions, access: 'unrestricted' }), log });
    const { truth } = await truthOf(run.library, data.database);
    sizes.push({ rows, folder: data.folder, sourceParquet: data.sourceParquet, targetParquet: data.targetParquet, truth });
  }
  const folder = mkdtempSync(path.join(os.tmpdir(), 'recon-gate-bench-spark-'));
  const resultFile = path.join(folder, 'result.json');
  const job = { sizes: sizes.map(({ truth, ...size }) => size), repeat: sparkOptions.repeat, distinctCounts: sparkOptions.distinctCounts, lib: run.libFolder, resultFile };
  const vitest = path.join(repository, 'node_modules', 'vitest', 'vitest.mjs');
  try {
    await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [vitest, 'run', '--config', path.join('bench', 'spark', 'vitest.config.ts')], {
        cwd: repository,
        env: { ...process.env, RECON_GATE_SPARK_BENCH: JSON.stringify(job) },
        stdio: ['ignore', process.stderr, 'inherit'],
      });
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`the Spark run exited with ${code}; its output is above`))));
    });
    const result = JSON.parse(readFileSync(resultFile, 'utf8'));
    return {
      sparkVersion: result.sparkVersion,
      distinctCounts: sparkOptions.distinctCounts,
      sizes: result.sizes.map((size) => ({ ...size, truth: sizes.find((candidate) => candidate.rows === size.rows)?.truth })),
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function main() {
  let options;
  try {
    options = parseBenchOptions(process.argv.slice(2));
  } catch (error) {
    log(`${error.message}\n${USAGE}`);
    process.exit(2);
  }
  if (options.help) {
    log(USAGE);
    return;
  }
  const started = performance.now();
  const libFolder = snapshotLib();
  const removeSnapshot = () => removeLibSnapshot(libFolder);
  process.on('exit', removeSnapshot);
  process.on('SIGINT', () => process.exit(130));
  const machine = describeMachine();
  const loadBefore = loadAverage();

  let peerPython;
  let peerSetupError;
  if (options.peers) {
    const venv = ensurePeerVenv(log);
    if (venv.error) {
      peerSetupError = venv.error;
      log(`peers skipped: ${venv.error}`);
    } else {
      peerPython = venv.python;
    }
  }

  const run = { libFolder, library: await loadReconLibrary(libFolder), peerPython };

  // One size failing (a broken build, a suite that errors) is reported, and the others still run.
  const sizes = [];
  for (const rate of options.rates) {
    for (const rows of options.sizes) {
      try {
        sizes.push(await measureSize(rows, rate, options, run));
      } catch (error) {
        log(`  failed: ${error.message}`);
        sizes.push({ rows, rate, error: error.message });
      }
    }
  }
  log('\n== fixed cost: the CLI on the shipped demo, fresh processes');
  const fixedCost = measureFixedCost(options.repeat);

  let profile;
  if (options.profileSize !== undefined) {
    log(`\n== profiling at ${options.profileSize.toLocaleString('en-US')} source rows`);
    try {
      const data = await ensureBenchData(options.profileSize, { openEngine: (engineOptions) => run.library.DuckdbEngine.open({ ...engineOptions, access: 'unrestricted' }), log });
      profile = { rows: options.profileSize, ...(await runJob({ rows: options.profileSize, database: data.database, repeat: options.repeat, lib: libFolder, mode: 'profile', distinctCounts: options.distinctCounts })) };
    } catch (error) {
      log(`  failed: ${error.message}`);
      profile = { rows: options.profileSize, error: error.message };
    }
  }

  let spark;
  if (options.spark) {
    log(`\n== local Spark (Databricks engine): ${options.spark.sizes.map((rows) => rows.toLocaleString('en-US')).join(', ')} source rows`);
    try {
      spark = await measureOnSpark(options.spark, run);
    } catch (error) {
      log(`  failed: ${error.message}`);
      spark = { error: error.message };
    }
  }

  const figures = {
    machine,
    loadAverage: { before: loadBefore, after: loadAverage() },
    options: { sizes: options.sizes, rates: options.rates, repeat: options.repeat, peers: options.peers, peerRepeat: options.peerRepeat, peerMaxRows: options.peerMaxRows, largeRepeat: options.largeRepeat, profileSize: options.profileSize, memoryLimit: options.memoryLimit, distinctCounts: options.distinctCounts, spark: options.spark },
    peerSetup: options.peers ? { venv: peerVenvFolder(), error: peerSetupError } : undefined,
    sizes,
    fixedCost,
    profile,
    spark,
    elapsedMs: performance.now() - started,
  };
  printReport(figures);
  if (options.jsonFile) {
    writeFileSync(options.jsonFile, `${JSON.stringify(figures, null, 2)}\n`);
    log(`figures written to ${options.jsonFile}`);
  }
}

await main();
