import type { Engine } from '../engines/engine.js';
import type { EngineName } from '../query/engine-name.js';
import type { LogicalType } from '../plan/logical-type.js';
import type { ResultsHistory, RunResults } from '../results/results-model.js';
import type { Dialect } from '../sql/dialect.js';
import type { HistoryTarget } from '../backends/backend.js';
import { backendFor, dialectFor } from '../backends/registry.js';

/**
 * `results_table`: every run appended to a table, one row per pair and check, so a migration's
 * progress can be charted over weeks. On Databricks a Delta table through the run's own engine;
 * with the embedded DuckDB (an in-memory database, gone when the run ends) a DuckDB database file.
 * Idempotent per run: the rows of the same run id and config set are replaced, so a re-run of a CI
 * job leaves one row per check, not two.
 */

export interface HistoryRun {
  /** The same id for every attempt of one CI run (GITHUB_RUN_ID): a re-run replaces its rows. */
  runId: string;
  /** Names the config set, so two steps of one run keep their own rows. */
  configSet: string;
  commit?: string;
  ref?: string;
}

const TEXT: LogicalType = { kind: 'string' };
const COUNT: LogicalType = { kind: 'integer', bits: 64 };
const RATIO: LogicalType = { kind: 'float', bits: 64 };
// A moment (Spark's TIMESTAMP, DuckDB's TIMESTAMPTZ), written with its UTC offset.
const TIME: LogicalType = { kind: 'timestamp', withTimeZone: true };

/** The table's columns, in order. */
export const HISTORY_COLUMNS: ReadonlyArray<readonly [string, LogicalType]> = [
  ['run_id', TEXT],
  ['config_set', TEXT],
  ['run_started_at', TIME],
  ['commit_sha', TEXT],
  ['ref', TEXT],
  ['engine', TEXT],
  ['tool_version', TEXT],
  ['config_file', TEXT],
  ['pair', TEXT],
  ['check_name', TEXT],
  ['status', TEXT],
  ['measured', COUNT],
  ['base', COUNT],
  ['percent', RATIO],
  ['unit', TEXT],
  ['max_count', COUNT],
  ['max_percent', RATIO],
  ['message', TEXT],
];

type Value = string | number | null;

export function historyRows(results: RunResults, run: HistoryRun): Value[][] {
  const started = results.run.startedAt.replace('T', ' ').replace(/Z$/, '+00:00');
  return results.pairs.flatMap((pair) =>
    pair.checks.map((check) => [
      run.runId,
      run.configSet,
      started,
      run.commit ?? null,
      run.ref ?? null,
      results.run.engine,
      results.tool.version,
      pair.config.file,
      pair.name,
      check.check,
      check.status,
      check.measured,
      check.base,
      check.percent,
      check.unit,
      check.threshold.maxCount ?? null,
      check.threshold.maxPercent ?? null,
      check.message,
    ]),
  );
}

/** Rows per INSERT: well under any statement size limit, even with long messages. */
const ROWS_PER_INSERT = 200;

function literal(dialect: Dialect, value: Value, type: LogicalType): string {
  if (value === null) return dialect.nullOf(type);
  if (type.kind === 'timestamp') return `CAST(${dialect.stringLiteral(String(value))} AS ${dialect.renderType(type)})`;
  if (typeof value === 'number') return Number.isFinite(value) ? `CAST(${String(value)} AS ${dialect.renderType(type)})` : dialect.nullOf(type);
  return dialect.stringLiteral(value);
}

/** The statements, in order: create the table when missing, drop this run's earlier rows, insert. */
export function historyStatements(dialect: Dialect, parts: readonly string[], rows: Value[][], run: HistoryRun): string[] {
  const table = dialect.quoteTableName(parts);
  const columns = HISTORY_COLUMNS.map(([name, type]) => `${dialect.quoteIdentifier(name)} ${dialect.renderType(type)}`).join(', ');
  const statements = [
    dialect.createTableIfMissing(parts, columns),
    `DELETE FROM ${table} WHERE ${dialect.quoteIdentifier('run_id')} = ${dialect.stringLiteral(run.runId)} AND ${dialect.quoteIdentifier('config_set')} = ${dialect.stringLiteral(run.configSet)}`,
  ];
  const names = HISTORY_COLUMNS.map(([name]) => dialect.quoteIdentifier(name)).join(', ');
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const values = rows.slice(start, start + ROWS_PER_INSERT).map((row) => `(${row.map((value, i) => literal(dialect, value, HISTORY_COLUMNS[i]![1])).join(', ')})`);
    statements.push(`INSERT INTO ${table} (${names}) VALUES\n${values.join(',\n')}`);
  }
  return statements;
}

async function openDatabaseFile(engine: EngineName, file: string): Promise<Engine> {
  const backend = backendFor(engine);
  if (!backend.openDatabaseFile) throw new Error(`the ${backend.label} engine keeps no results table in a file`);
  return backend.openDatabaseFile(file);
}

/** Appends the run; a failure is recorded, never thrown: where history goes does not decide the verdict. */
export async function appendHistory(results: RunResults, target: HistoryTarget, run: HistoryRun, engine: Engine): Promise<ResultsHistory> {
  const rows = historyRows(results, run);
  const tableText = target.parts.join('.');
  const where = target.kind === 'database-file' ? `${tableText} in ${target.file}` : tableText;
  let history: Engine | undefined;
  try {
    history = target.kind === 'database-file' ? await openDatabaseFile(target.engine, target.file) : engine;
    const dialect = dialectFor(history.name);
    for (const statement of historyStatements(dialect, target.parts, rows, run)) await history.query(statement);
    return { table: where, runId: run.runId, configSet: run.configSet, rows: rows.length };
  } catch (error) {
    return { table: where, runId: run.runId, configSet: run.configSet, rows: 0, error: (error as Error).message };
  } finally {
    if (history && history !== engine) await history.close();
  }
}
