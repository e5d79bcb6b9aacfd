import type { ConfigError } from '../config/config-error.js';
import { type PairSelection, selectChangedPairs, withPairs } from '../config/changed-pairs.js';
import { type GateChangeOptions, gateChanges, type GateSide } from './gate-changes.js';
import { findConfigFiles, type LoadOptions, loadConfigs, toDisplayPath } from '../config/load-config.js';
import type { DistinctCountMode, ReconConfig } from '../config/recon-config.js';
import type { Engine } from '../engines/engine.js';
import type { ReportOptions, WrittenReportFiles } from '../report/write-reports.js';
import { type BaselineInput, withBaseline } from '../results/baseline-comparison.js';
import type { PairResult, ResultsHistory, RunResults } from '../results/results-model.js';
import { discloseValues } from '../results/value-disclosure.js';
import { dialectFor } from '../backends/registry.js';
import { applyWaivers } from '../waivers/apply-waivers.js';
import { loadWaivers } from '../waivers/load-waivers.js';
import { defaultWaiverFiles } from '../waivers/waiver-files.js';
import type { Waiver } from '../waivers/waiver-schema.js';
import type { HistoryTarget } from '../backends/backend.js';
import { appendHistory, type HistoryRun } from './results-history.js';
import { assembleResults, runSuite } from './run-suite.js';

/**
 * The one reconcile pipeline behind `recon-gate run` and the Action: configs and waivers in,
 * every pair run on the engine, waivers applied, every report written; the caller decides the
 * outcome from the results (outcome.ts) and publishes them its own way.
 */

export interface WaiverSet {
  /** The waivers files read (none: no waiver applies). */
  files: string[];
  waivers: Waiver[];
}

export interface ReconInputs {
  config: ReconConfig;
  waivers: WaiverSet;
  /** Every problem of the configs and the waivers files, located; nothing may run while there is one. */
  errors: ConfigError[];
}

/** Reads the configs and the waivers files; `waiverFiles` empty or absent means waivers.yml beside the configs. */
export function loadReconInputs(configPaths: readonly string[], waiverFiles: readonly string[] = [], options: LoadOptions = {}): ReconInputs {
  const { config, errors: configErrors } = loadConfigs(configPaths, options);
  const files = waiverFiles.length > 0 ? [...waiverFiles] : defaultWaiverFiles(configPaths);
  const loaded = loadWaivers(files);
  return { config, waivers: { files, waivers: loaded.waivers }, errors: [...configErrors, ...loaded.errors] };
}

/** The configs and waivers a pull request is compared with (its base's), read but never run. */
export interface GateBase {
  side: GateSide;
  /** Every config and waivers file read. */
  files: string[];
  /** Files with errors: their content is not compared. */
  unreadable: string[];
}

/** Reads the base's configs and waivers as loadReconInputs does, without the checks on local files (they are never run). */
export function loadGateBase(configPaths: readonly string[], waiverFiles: readonly string[] = []): GateBase {
  const { config, waivers, errors } = loadReconInputs(configPaths, waiverFiles, { pathChecks: false });
  const configFiles = findConfigFiles(configPaths).files.map(toDisplayPath);
  return { side: { config, waivers: waivers.waivers }, files: [...configFiles, ...waivers.files.map(toDisplayPath)], unreadable: [...new Set(errors.map((error) => error.file))] };
}

/** The results of a run that did not start because its configs are invalid: no pair, every error located. */
export function invalidConfigResults(errors: ConfigError[], engine: string): RunResults {
  const now = new Date();
  return { ...assembleResults([], { startedAt: now, finishedAt: now, engine, configs: [...new Set(errors.map((error) => error.file))] }), configErrors: errors };
}

export interface ReconcileRequest {
  config: ReconConfig;
  waivers: WaiverSet;
  /** Opened by the caller, which also closes it. */
  engine: Engine;
  reportDir: string;
  reports?: ReportOptions;
  statementTimeoutSeconds?: number;
  /** Cancels the run (run-cancellation.ts): running statements stop, unfinished pairs are ERROR. */
  signal?: AbortSignal;
  /** An earlier run of the same configs: the results get a `baseline` section (new, fixed, unchanged). */
  baseline?: BaselineInput;
  /** Append the run to a results table (results-history.ts): one row per pair and check, replacing this run id's rows. */
  history?: { target: HistoryTarget; run: HistoryRun };
  /** Copy every report into a Unity Catalog volume folder: `<volumeDir>/<config set>/<run id>/`. */
  reportVolume?: {
    volumeDir: string;
    runId: string;
    configSet: string;
    databricks: Record<string, string | undefined>;
    env?: Record<string, string | undefined>;
    /** Stands in for the global fetch (tests). */
    fetch?: typeof fetch;
  };
  /** Only the pairs these changed files touch run (changed-pairs.ts); the others are listed as skipped. */
  onlyChanged?: { changedFiles: string[]; source: string };
  /** The base's configs and waivers: the results get a `gateChanges` section (what was loosened). */
  gateBase?: { base: GateBase; options: Omit<GateChangeOptions, 'baseFiles' | 'unreadable' | 'defaultDistinctCounts'> };
  onStep?: (pair: string, step: string) => void;
  /** Gets each pair as the reports will show it, values already withheld or masked. */
  onPairDone?: (result: PairResult) => void;
  /**
   * Withholds or masks table values (value-disclosure.ts) once, before anything leaves the run:
   * progress lines, the results and every report get the same rewritten values.
   */
  disclose?: (pair: PairResult) => PairResult;
}

export interface Reconciled {
  results: RunResults;
  reports: WrittenReportFiles;
}

function withSkipped(results: RunResults, selection: PairSelection, { changedFiles, source }: { changedFiles: string[]; source: string }): RunResults {
  const onlyChanged = {
    source,
    changedFiles: changedFiles.length,
    ran: [...selection.run].map(([name, why]) => ({ name, why })),
    skipped: selection.skipped.map((pair) => ({ name: pair.name, file: pair.location.file, line: pair.location.line })),
  };
  // Nothing to run is a pass, not a run without pairs: the change touches none of them.
  return { ...results, ...(results.pairs.length === 0 ? { status: 'PASS' as const } : {}), onlyChanged };
}

const pathPart = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '') || 'run';

async function plannedVolume(request: NonNullable<ReconcileRequest['reportVolume']>): Promise<{ planned: NonNullable<RunResults['reportVolume']>; upload: (folder: string) => Promise<string | undefined> }> {
  const target = `${request.volumeDir.replace(/\/+$/, '')}/${pathPart(request.configSet)}/${pathPart(request.runId)}`;
  // Loaded only when asked for: the Databricks modules are not needed on most runs.
  const { resolveDatabricksConnection } = await import('../engines/databricks/connection-options.js');
  const { databricksInputsFromSettings } = await import('../backends/databricks/databricks-settings.js');
  const { uploadToVolume, volumeExplorerUrl } = await import('../engines/databricks/volume-upload.js');
  let connection: ReturnType<typeof resolveDatabricksConnection>;
  try {
    connection = resolveDatabricksConnection(databricksInputsFromSettings(request.databricks), request.env ?? process.env);
  } catch (error) {
    const reason = `not copied: ${(error as Error).message}`;
    return { planned: { path: target }, upload: () => Promise.resolve(reason) };
  }
  return {
    planned: { path: target, url: volumeExplorerUrl(connection, target) },
    upload: async (folder) => {
      try {
        await uploadToVolume(connection, folder, target, request.fetch);
        return undefined;
      } catch (error) {
        return `not copied: ${(error as Error).message}`;
      }
    },
  };
}

async function historyOf(results: RunResults, request: ReconcileRequest): Promise<ResultsHistory> {
  const { target, run } = request.history!;
  // A cancelled job must end: no new statement goes to the warehouse once it is interrupted.
  if (request.signal?.aborted) return { table: target.parts.join('.'), runId: run.runId, configSet: run.configSet, rows: 0, error: 'not written: the run was interrupted' };
  return appendHistory(results, target, run, request.engine);
}

function gateChangesOf(config: ReconConfig, waivers: WaiverSet, { base, options }: NonNullable<ReconcileRequest['gateBase']>, defaultDistinctCounts: DistinctCountMode) {
  const baseName = options.baseFileName;
  return gateChanges(base.side, { config, waivers: waivers.waivers }, { ...options, defaultDistinctCounts, baseFiles: baseName ? base.files.map(baseName) : base.files, unreadable: baseName ? base.unreadable.map(baseName) : base.unreadable });
}

export async function reconcile(request: ReconcileRequest): Promise<Reconciled> {
  const { engine, waivers } = request;
  const disclose = request.disclose ?? ((pair: PairResult) => pair);
  const today = new Date();
  // Progress lines show a pair as the reports will: a waived check reads WAIVED there too.
  const waiveOne = (pair: PairResult): PairResult =>
    waivers.files.length > 0 ? applyWaivers(assembleResults([pair], { startedAt: today, finishedAt: today, engine: engine.name, configs: [] }), waivers.waivers, today).pairs[0]! : pair;
  // The report writers (the workbook and chart libraries: a third of a second to load) load while
  // the statements run, not after them.
  const reportWriter = import('../report/write-reports.js').then((module) => {
    module.prepareReports(request.reports);
    return module;
  });
  reportWriter.catch(() => undefined);
  const selection = request.onlyChanged ? selectChangedPairs(request.config, request.onlyChanged.changedFiles, waivers.files) : undefined;
  const ran = await runSuite(selection ? withPairs(request.config, selection.run) : request.config, {
    engine,
    dialect: dialectFor(engine.name),
    statementTimeoutSeconds: request.statementTimeoutSeconds,
    signal: request.signal,
    onStep: request.onStep,
    onPairDone: request.onPairDone && ((pair) => request.onPairDone!(disclose(waiveOne(pair)))),
  });
  // A waiver of a pair that was skipped is neither applied nor stale: it is left out.
  const skippedPairs = new Set(selection?.skipped.map((pair) => pair.name.toLowerCase()));
  const applicable = waivers.waivers.filter((waiver) => !skippedPairs.has(waiver.pair.toLowerCase()));
  const applied = waivers.files.length > 0 ? applyWaivers(ran, applicable, today, { files: waivers.files.map(toDisplayPath) }) : ran;
  const waived: RunResults = selection && request.onlyChanged ? withSkipped(applied, selection, request.onlyChanged) : applied;
  const compared = request.baseline ? withBaseline(waived, request.baseline) : waived;
  const gated = request.gateBase ? { ...compared, gateChanges: gateChangesOf(request.config, waivers, request.gateBase, dialectFor(engine.name).defaultDistinctCounts) } : compared;
  // The history table and the volume get the values the reports show, withheld where they are.
  const disclosed = discloseValues(gated, disclose);
  const recorded = request.history ? { ...disclosed, history: await historyOf(disclosed, request) } : disclosed;
  const volume = request.reportVolume ? await plannedVolume(request.reportVolume) : undefined;
  let results: RunResults = volume ? { ...recorded, reportVolume: volume.planned } : recorded;
  const { writeReports } = await reportWriter;
  let reports = await writeReports(results, request.reportDir, request.reports);
  if (volume) {
    const error = request.signal?.aborted ? 'not copied: the run was interrupted' : await volume.upload(request.reportDir);
    if (error) {
      // The copy on disk must say the volume has no copy; it is written again with the error.
      results = { ...results, reportVolume: { ...results.reportVolume!, error } };
      reports = await writeReports(results, request.reportDir, request.reports);
    }
  }
  return { results, reports };
}
