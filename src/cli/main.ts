import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { expandConfigGlobs } from '../config/config-globs.js';
import { formatConfigError } from '../config/config-error.js';
import { toDisplayPath } from '../config/load-config.js';
import { allPairs } from '../config/recon-config.js';
import type { EngineName } from '../query/engine-name.js';
import { EXIT, FAIL_ON_LEVELS, type FailOn, runOutcome } from '../recon/outcome.js';
import { listPairPlan } from '../recon/pair-plan.js';
import { invalidConfigResults, loadGateBase, loadReconInputs, reconcile, type ReconcileRequest } from '../recon/reconcile.js';
import { isVolumePath } from '../engines/databricks/volume-upload.js';
import { preferDuckdbImport } from '../engines/duckdb/duckdb-module.js';
import { cancelOnSignalsOrTimeout } from '../recon/run-cancellation.js';
import { CHARTS_MODES, type ChartsMode } from '../report/chart-configs.js';
import type { ReportOptions, WrittenReportFiles } from '../report/write-reports.js';
import type { RunResults } from '../results/results-model.js';
import { valueDiscloser } from '../results/value-disclosure.js';
import { type BaselineInput, withBaseline } from '../results/baseline-comparison.js';
import { readResultsFile, ResultsFileError } from '../results/read-results.js';
import { baselineHeadline } from '../report/baseline-markdown.js';
import { gateChangesHeadline } from '../report/gate-changes-markdown.js';
import { onlyChangedHeadline } from '../report/only-changed-markdown.js';
import type { BackendSettings } from '../backends/backend.js';
import { backendFor, dialectFor, openEngine } from '../backends/registry.js';
import { ENGINE_NAMES, isEngineName } from '../query/engine-name.js';
import { runInit } from './init-command.js';
import { progressPrinter } from './progress.js';

preferDuckdbImport(() => import('@duckdb/node-api'));

/** The version in package.json, found beside lib/ (the CLI) or the source tree (tests). */
function packageVersion(): string {
  for (const candidate of ['../../package.json', '../package.json']) {
    try {
      return (JSON.parse(readFileSync(new URL(candidate, import.meta.url), 'utf8')) as { version: string }).version;
    } catch {
      // not at this level
    }
  }
  return 'unknown';
}

const USAGE = `recon-gate — prove a table migration is correct

Usage:
  recon-gate run      --config <file|dir> [--config …] [--out <dir>] [--engine duckdb|databricks]
                      [--statement-timeout <s>] [--run-timeout <s>] [--charts mermaid|quickchart|none]
                      [--quickchart-host <url>] [--waivers <file>] [--duckdb-memory-limit <size>]
                      [--fail-on fail|warn|new|never] [--baseline <results.json>]
                      [--baseline-label <name>] [--base-config <file|dir> …] [--base-waivers <file>]
                      [--base-label <name>] [--fail-on-loosened] [--allow-loosening]
                      [--changed-files <file|->] [--results-table <table|file.duckdb>]
                      [--run-id <id>] [--report-volume </Volumes/c/s/v/dir>] [--quiet] [--json]
  recon-gate report   --results <results.json> [--out <dir>] [--charts …] [--quickchart-host <url>]
                      [--baseline <results.json>] [--baseline-label <name>]
  recon-gate validate --config <file|dir> [--config …] [--waivers <file>]
  recon-gate plan     --config <file|dir> [--engine duckdb|databricks] [--dialect duckdb|databricks] [--json]
  recon-gate init     --source <table|file> --target <table|file> [--engine duckdb|databricks]
                      [--mount <folder>] [--out <config.yml>] [--force]
  recon-gate --version

Defaults: --config recon-configs, --out recon-out, --engine duckdb, --charts mermaid.
--config takes files, folders and globs (quote them: --config 'recon-configs/**/*.yml').

\`init\` writes a starter config (default recon-configs/<target>.yml) for two sides: the key
proposed from columns unique and never NULL on both sides (checked in SQL), a column_map from
name similarity, tolerances for floating-point columns, each with a comment saying why.

Reports in --out: results.json, summary.csv, details.csv, junit.xml, report.xlsx, summary.md,
charts/ and reproduce.sql.
Accepted differences come from --waivers <file> (repeatable), by default waivers.yml in the
config folder when there is one.
\`report\` renders them again from a saved results.json, without connecting to any engine,
and exits 0 once they are written (the verdict is in the reports, not the exit status).
\`plan\` prints every statement \`run\` runs for each pair, in order (--json: the same SQL as
statements[] in results.json). To write them it reads the schemas (metadata only) and, on
Databricks, runs the profiles (one scan of each side: the join's broadcast hint needs their row
counts); it never runs the join or writes.
--charts mermaid draws the charts of summary.md with Mermaid, so no data leaves GitHub;
quickchart links images from QuickChart (the chart data goes to --quickchart-host, default
https://quickchart.io); none leaves charts out.

--duckdb-memory-limit caps the embedded DuckDB (e.g. 2GB); past it, it spills to a temporary
folder. DuckDB runs inside the recon-gate process, so this bounds the run's memory.

Databricks settings come from DATABRICKS_HOST, DATABRICKS_HTTP_PATH and DATABRICKS_TOKEN
(or DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET for a service principal).

SIGINT or SIGTERM (or --run-timeout) cancels the running statements on the engine, closes its
sessions and still writes every report, with the unfinished pairs as ERROR.

--baseline compares with an earlier run's results.json (e.g. the main branch's): per pair and
check, findings new, fixed or unchanged, in results.json's \`baseline\` section and the reports,
named by --baseline-label (default: baseline). --fail-on new fails only on new findings of
checks that FAIL or could not run; without --baseline it is --fail-on fail.

--base-config names the same configs at the base (a checkout of main, or files from
\`git show main:<path>\`): the reports list what this change loosened in its own gate
(checks or pairs removed, thresholds raised, tolerances widened, columns excluded, filters,
sides, keys or sampling changed, waivers added or extended), under the name --base-label
(default: base). Waivers at the base: --base-waivers, by default waivers.yml beside the base
configs. --fail-on-loosened makes loosening fail the run (exit 1) unless --allow-loosening.

--changed-files runs only the pairs a change touches: those whose config file or \`paths:\`
globs match a file of the list (one path per line, relative to the working directory, e.g.
from \`git diff --name-only origin/main...\`; - reads stdin); the others are listed as skipped.

--results-table appends the run to a table, one row per pair and check (run id, config set,
commit, pair, check, status, measured, threshold, …), created when missing: on Databricks a
Delta table (catalog.schema.table), with the embedded DuckDB a database file (history.duckdb,
table recon_results). A run id (--run-id, default the start time) replaces its own rows.
--report-volume copies every report to <dir>/<config set>/<run id>/ in a Unity Catalog volume
(Databricks Files API, same host and credentials as the engine); summary.md links it.

Exit status: 0 every pair passed or warned, 1 a threshold was breached (or --run-timeout stopped
the run), 2 the run could not be carried out (invalid config, or every pair failed to run), 130
interrupted. --fail-on warn also exits 1 on a WARN, --fail-on never only on a run that could not
be carried out: the same rules as the Action's fail-on input.`;

const OPTIONS = {
  config: { type: 'string', multiple: true },
  out: { type: 'string' },
  engine: { type: 'string' },
  'duckdb-memory-limit': { type: 'string' },
  dialect: { type: 'string' },
  'statement-timeout': { type: 'string' },
  'run-timeout': { type: 'string' },
  'fail-on': { type: 'string' },
  baseline: { type: 'string' },
  'base-config': { type: 'string', multiple: true },
  'base-waivers': { type: 'string', multiple: true },
  'base-label': { type: 'string' },
  'fail-on-loosened': { type: 'boolean' },
  'allow-loosening': { type: 'boolean' },
  'changed-files': { type: 'string' },
  'results-table': { type: 'string' },
  'run-id': { type: 'string' },
  'report-volume': { type: 'string' },
  'baseline-label': { type: 'string' },
  waivers: { type: 'string', multiple: true },
  results: { type: 'string' },
  charts: { type: 'string' },
  'quickchart-host': { type: 'string' },
  quiet: { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  source: { type: 'string' },
  target: { type: 'string' },
  mount: { type: 'string' },
  force: { type: 'boolean' },
} as const;

function fail(message: string): never {
  process.stderr.write(`recon-gate: ${message}\n`);
  process.exit(EXIT.unusable);
}

function engineName(value: string | undefined, option: string): EngineName {
  const name = value ?? 'duckdb';
  if (!isEngineName(name)) fail(`${option} must be ${ENGINE_NAMES.join(' or ')}, not ${name}`);
  return name;
}

/** The engine's settings given as flags (the others come from its environment variables). */
function engineSettings(values: Record<string, unknown>, engine: EngineName): BackendSettings {
  const settings: BackendSettings = {};
  for (const setting of backendFor(engine).settings) {
    const value = values[setting.input];
    if (!setting.flag || typeof value !== 'string') continue;
    const problem = setting.check?.(value);
    if (problem) fail(`--${setting.input} ${problem}`);
    settings[setting.key] = value;
  }
  return settings;
}

function reportOptions(values: { charts?: string; 'quickchart-host'?: string }): ReportOptions {
  const charts = values.charts ?? 'mermaid';
  if (!(CHARTS_MODES as readonly string[]).includes(charts)) fail(`--charts must be ${CHARTS_MODES.join(', ')}, not ${charts}`);
  const host = values['quickchart-host'];
  if (host !== undefined && !/^https?:\/\/[^/\s]+/i.test(host)) fail(`--quickchart-host must be an http(s) URL such as https://quickchart.example.com, not ${host}`);
  return { charts: charts as ChartsMode, quickchartHost: host };
}

function readResults(file: string, role = 'results'): RunResults {
  try {
    return readResultsFile(file);
  } catch (error) {
    fail(error instanceof ResultsFileError ? `${role === 'results' ? '' : `${role}: `}${error.message}` : String(error));
  }
}

function baselineInput(values: { baseline?: string; 'baseline-label'?: string }): BaselineInput | undefined {
  if (values.baseline === undefined) {
    if (values['baseline-label'] !== undefined) fail('--baseline-label needs --baseline <results.json>');
    return undefined;
  }
  return { results: readResults(values.baseline, '--baseline'), label: values['baseline-label']?.trim() || 'baseline', source: toDisplayPath(values.baseline) };
}

/** Loaded when reports are written: `--version`, `validate` and `plan` need none of it. */
async function writeReports(...args: Parameters<typeof import('../report/write-reports.js').writeReports>): Promise<WrittenReportFiles> {
  return (await import('../report/write-reports.js')).writeReports(...args);
}

function reportsWritten(outDir: string, files: WrittenReportFiles): string {
  const names = [files.resultsJson, files.summaryCsv, files.detailsCsv, files.junitXml, files.workbook, files.summaryMarkdown, ...(files.reproduceSql ? [files.reproduceSql] : [])].map((file) => path.basename(file));
  if (files.charts.length > 0) names.push('charts/');
  return `Reports in ${path.relative(process.cwd(), outDir) || '.'}/: ${names.join(', ')}`;
}


function gateBaseInput(values: { 'base-config'?: string[]; 'base-waivers'?: string[]; 'base-label'?: string; 'fail-on-loosened'?: boolean; 'allow-loosening'?: boolean }): ReconcileRequest['gateBase'] {
  const given = values['base-config'];
  if (!given) {
    for (const option of ['base-waivers', 'base-label', 'fail-on-loosened', 'allow-loosening'] as const) if (values[option] !== undefined) fail(`--${option} needs --base-config <file|dir>`);
    return undefined;
  }
  const expanded = expandConfigGlobs(given);
  if (expanded.unmatched.length > 0) fail(`--base-config ${expanded.unmatched[0]} matches no .yml or .yaml file`);
  const missing = expanded.paths.find((file) => !existsSync(file));
  if (missing) fail(`--base-config ${missing}: no such file or folder`);
  return {
    base: loadGateBase(expanded.paths, values['base-waivers']),
    options: { label: values['base-label']?.trim() || 'base', enforced: values['fail-on-loosened'] ?? false, allowWith: '--allow-loosening', allowedBy: values['allow-loosening'] ? '--allow-loosening' : undefined },
  };
}

/** Names this run in the history table and the volume folder: --run-id, else the start time. */
function runIdentity(values: { 'run-id'?: string }, configPaths: string[]): { runId: string; configSet: string } {
  return { runId: values['run-id']?.trim() || new Date().toISOString(), configSet: configPaths.map(toDisplayPath).sort().join(',') };
}

function reportVolumeInput(values: { 'report-volume'?: string; 'run-id'?: string }, engine: EngineName, configPaths: string[]): ReconcileRequest['reportVolume'] {
  const given = values['report-volume'];
  if (given === undefined) return undefined;
  if (!isVolumePath(given)) fail(`--report-volume must be a volume folder such as /Volumes/main/recon/reports/runs, not ${given}`);
  if (engine !== 'databricks') fail('--report-volume copies the reports with the Databricks Files API: it needs --engine databricks (and its DATABRICKS_* settings)');
  return { volumeDir: given, ...runIdentity(values, configPaths), databricks: {} };
}

function historyInput(values: { 'results-table'?: string; 'run-id'?: string; 'report-volume'?: string }, engine: EngineName, configPaths: string[]): ReconcileRequest['history'] {
  if (values['results-table'] === undefined) {
    if (values['run-id'] !== undefined && values['report-volume'] === undefined) fail('--run-id needs --results-table or --report-volume');
    return undefined;
  }
  const target = backendFor(engine).historyTarget(values['results-table']);
  if ('error' in target) fail(`--results-table: ${target.error}`);
  let commit: string | undefined = process.env.GITHUB_SHA;
  if (!commit) {
    try {
      commit = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
    } catch {
      commit = undefined;
    }
  }
  return {
    target,
    run: { ...runIdentity(values, configPaths), commit, ref: process.env.GITHUB_REF_NAME || undefined },
  };
}

function changedFiles(given: string): { changedFiles: string[]; source: string } {
  let text: string;
  try {
    text = readFileSync(given === '-' ? 0 : given, 'utf8');
  } catch (error) {
    fail(`--changed-files: cannot read ${given}: ${(error as Error).message}`);
  }
  const files = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
  return { changedFiles: files, source: given === '-' ? 'stdin' : toDisplayPath(given) };
}

function seconds(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!(parsed > 0)) fail(`${option} must be a positive number of seconds, not ${value}`);
  return parsed;
}

function failOn(value: string | undefined): FailOn {
  const level = value ?? 'fail';
  if (!(FAIL_ON_LEVELS as readonly string[]).includes(level)) fail(`--fail-on must be ${FAIL_ON_LEVELS.join(', ')}, not ${level}`);
  return level as FailOn;
}

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    fail(`${(error as Error).message}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  const command = positionals[0];
  if (values.version) {
    process.stdout.write(`recon-gate ${packageVersion()}\n`);
    return EXIT.ok;
  }
  if (values.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return command || values.help ? EXIT.ok : EXIT.unusable;
  }
  const expanded = expandConfigGlobs(values.config ?? ['recon-configs']);
  if (expanded.unmatched.length > 0) fail(`--config ${expanded.unmatched[0]} matches no .yml or .yaml file`);
  const configPaths = expanded.paths;
  const log = (line: string) => {
    if (!values.quiet) process.stderr.write(`${line}\n`);
  };

  if (!['run', 'validate', 'plan', 'report', 'init'].includes(command)) fail(`unknown command ${command}\n\n${USAGE}`);

  if (command === 'init') {
    if (!values.source || !values.target) fail(`init needs --source and --target\n\n${USAGE}`);
    const written = await runInit({ source: values.source, target: values.target, engine: engineName(values.engine, '--engine'), out: values.out, mount: values.mount, force: values.force ?? false });
    (written.code === 0 ? log : (line: string) => process.stderr.write(`${line}\n`))(written.code === 0 ? written.message : `recon-gate: ${written.message}`);
    return written.code;
  }

  const options = reportOptions(values);

  if (command === 'report') {
    if (!values.results) fail(`report needs --results <results.json>\n\n${USAGE}`);
    const saved = readResults(values.results);
    const baseline = baselineInput(values);
    const results = baseline ? withBaseline(saved, baseline) : saved;
    const outDir = path.resolve(values.out ?? 'recon-out');
    const written = await writeReports(results, outDir, options);
    for (const note of written.notes) log(`note: ${note}`);
    log(`${results.status}: ${results.summary.pairs} pairs re-rendered. ${reportsWritten(outDir, written)}`);
    return EXIT.ok;
  }

  const level = failOn(values['fail-on']);
  const baseline = command === 'run' ? baselineInput(values) : undefined;
  const gateBase = command === 'run' ? gateBaseInput(values) : undefined;
  const history = command === 'run' ? historyInput(values, engineName(values.engine, '--engine'), configPaths) : undefined;
  const reportVolume = command === 'run' ? reportVolumeInput(values, engineName(values.engine, '--engine'), configPaths) : undefined;
  const onlyChanged = command === 'run' && values['changed-files'] !== undefined ? changedFiles(values['changed-files']) : undefined;
  const { config, waivers, errors } = loadReconInputs(configPaths, values.waivers);
  if (errors.length > 0) {
    for (const error of errors) process.stderr.write(`${formatConfigError(error)}\n`);
    process.stderr.write(`recon-gate: ${errors.length} config error${errors.length === 1 ? '' : 's'}; nothing was run.\n`);
    const results = invalidConfigResults(errors, values.engine ?? 'duckdb');
    if (command === 'run') {
      // The reports still say what happened: a CI job that keeps artifacts shows the errors too.
      const outDir = path.resolve(values.out ?? 'recon-out');
      log(`ERROR: invalid config. ${reportsWritten(outDir, await writeReports(results, outDir, options))}`);
    }
    return runOutcome(results).exitCode;
  }
  if (command === 'validate') {
    const pairs = allPairs(config);
    process.stdout.write(`${config.files.length} config file${config.files.length === 1 ? '' : 's'}, ${pairs.length} pair${pairs.length === 1 ? '' : 's'}: valid\n`);
    for (const pair of pairs) process.stdout.write(`  ${pair.location.file}:${pair.location.line} ${pair.name} (${pair.checks.join(', ')})\n`);
    if (waivers.files.length > 0) process.stdout.write(`${waivers.waivers.length} waiver${waivers.waivers.length === 1 ? '' : 's'} in ${waivers.files.map(toDisplayPath).join(', ')}: valid\n`);
    return EXIT.ok;
  }

  const chosen = engineName(values.engine, '--engine');
  const engine = await openEngine({ engine: chosen, config, settings: engineSettings(values, chosen) }).catch((error: Error) => fail(`could not open the engine: ${error.message}`));
  try {
    if (command === 'plan') {
      const engineDialect = dialectFor(engine.name);
      const dialect = dialectFor(engineName(values.dialect ?? engine.name, '--dialect'));
      const pairs = [];
      for (const pair of allPairs(config)) {
        const listing = await listPairPlan(pair, engine, engineDialect, dialect, { timeoutSeconds: seconds(values['statement-timeout'], '--statement-timeout') });
        pairs.push(listing);
        if (values.json) continue;
        process.stdout.write(`-- pair: ${pair.name} (${pair.location.file}:${pair.location.line})\n`);
        for (const statement of listing.statements) process.stdout.write(`-- ${statement.purpose}\n${statement.sql};\n\n`);
        if (listing.error) process.stdout.write(`-- cannot plan the rest of this pair: ${listing.error}\n\n`);
      }
      // The same SQL text, in the same order, as `statements[]` of each pair in results.json.
      if (values.json) process.stdout.write(`${JSON.stringify({ pairs: pairs.map(({ configErrors: _located, ...listing }) => listing) })}\n`);
      const located = pairs.flatMap((listing) => listing.configErrors ?? []);
      for (const error of located) process.stderr.write(`${formatConfigError(error)}\n`);
      return located.length > 0 ? EXIT.unusable : EXIT.ok;
    }

    const statementTimeoutSeconds = seconds(values['statement-timeout'], '--statement-timeout');
    const cancellation = cancelOnSignalsOrTimeout(seconds(values['run-timeout'], '--run-timeout'), log);
    const outDir = path.resolve(values.out ?? 'recon-out');
    const { results, reports } = await reconcile({
      config,
      waivers,
      engine,
      reportDir: outDir,
      reports: options,
      statementTimeoutSeconds,
      signal: cancellation.signal,
      disclose: valueDiscloser(allPairs(config), { unset: 'show' }),
      baseline,
      gateBase,
      onlyChanged,
      history,
      reportVolume,
      ...progressPrinter(log),
    }).finally(() => cancellation.dispose());
    for (const waiver of results.waivers?.expired ?? []) log(`warning: ${waiver.file}:${waiver.line} waiver for ${waiver.pair} ${waiver.check} expired on ${waiver.expires} (owner ${waiver.owner})`);
    for (const waiver of results.waivers?.stale ?? []) log(`note: ${waiver.file}:${waiver.line} stale waiver: ${waiver.why}`);
    for (const note of reports.notes) log(`note: ${note}`);
    for (const error of results.pairs.flatMap((pair) => pair.error?.configErrors ?? [])) process.stderr.write(`${formatConfigError(error)}\n`);
    if (results.run.interrupted) log(`interrupted: ${results.run.interrupted}; unfinished pairs are reported as ERROR`);
    const outcome = runOutcome(results, { failOn: level, bySignal: cancellation.bySignal });
    if (results.gateChanges) {
      log(gateChangesHeadline(results.gateChanges));
      for (const change of results.gateChanges.loosened) log(`  ${change.file}:${change.line} ${change.message}`);
      for (const file of results.gateChanges.unreadable) log(`  warning: ${file} at the base could not be read; it is not compared`);
    }
    if (results.baseline) log(baselineHeadline(results.baseline));
    const selected = onlyChangedHeadline(results);
    if (selected) log(selected);
    if (results.history?.error) log(`warning: the run was not appended to ${results.history.table}: ${results.history.error}`);
    else if (results.history) log(`history: ${results.history.rows} rows in ${results.history.table} (run id ${results.history.runId})`);
    if (results.reportVolume?.error) log(`warning: reports ${results.reportVolume.error.replace(/^not copied/, 'not copied to the volume')}`);
    else if (results.reportVolume) log(`reports copied to ${results.reportVolume.path}`);
    if (outcome.failure) log(outcome.failure);
    const byStatus = Object.entries(results.summary.byStatus).filter(([, n]) => n > 0).map(([status, n]) => `${n} ${status}`).join(', ');
    log(`${results.status}: ${results.summary.pairs} pairs (${byStatus}). ${reportsWritten(outDir, reports)}`);
    if (values.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    return outcome.exitCode;
  } finally {
    await engine.close();
  }
}

/**
 * Ends the process once stdout and stderr have taken everything written, rather than when the
 * event loop empties: after the engine is closed, DuckDB's binding frees the database on a thread
 * of its own that holds the loop open up to a tenth of a second more, and every run would pay it.
 */
function exitWhenFlushed(code: number): void {
  process.exitCode = code;
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

main(process.argv.slice(2)).then(exitWhenFlushed, (error: unknown) => {
  process.stderr.write(`recon-gate: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  exitWhenFlushed(EXIT.unusable);
});
