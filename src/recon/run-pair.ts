import { isJoinCheck } from '../config/check-names.js';
import type { PairConfig } from '../config/recon-config.js';
import { EngineError, type Engine, type QueryResult } from '../engines/engine.js';
import { BindError, bindPair } from '../plan/bind-pair.js';
import type { BoundPair, SideColumn } from '../plan/bound-pair.js';
import type { CheckResult, PairError, PairResult, StatementRecord } from '../results/results-model.js';
import type { Dialect } from '../sql/dialect.js';
import { broadcastSide, joinStatement, type JoinStatement } from '../sql/join-statement.js';
import type { JoinMeasurements, SideProfile } from '../sql/measurements.js';
import { preflightStatement, type PreflightFailure } from '../sql/preflight-statement.js';
import { profileStatement } from '../sql/profile-statement.js';
import { sideQuery } from '../sql/side-query.js';
import { buildChecks } from './pair-checks.js';
import { buildSamples } from './pair-samples.js';
import { describeSide } from './side-description.js';
import { DEFAULT_RETRY, type RetryPolicy, withRetries } from './retry-policy.js';
import { worstStatus } from './verdict.js';

export interface PairRunOptions {
  engine: Engine;
  dialect: Dialect;
  signal?: AbortSignal;
  statementTimeoutSeconds?: number;
  retry?: RetryPolicy;
  onStep?: (pair: string, step: string) => void;
}

type Purpose = StatementRecord['purpose'];

/** Equal values would hash or compare differently on the two sides: every row would "differ". */
class PreflightError extends Error {
  constructor(readonly failures: PreflightFailure[]) {
    const shown = failures.slice(0, 3).map((f) => `\`${f.column}\` value ${f.probe} becomes ${f.sourceText === null ? 'NULL' : `'${f.sourceText}'`} on the source and ${f.targetText === null ? 'NULL' : `'${f.targetText}'`} on the target`);
    super(
      `equal values would not compare equal: ${shown.join('; ')}${failures.length > 3 ? `; and ${failures.length - 3} more` : ''}. ` +
        'Cast one side to the other\'s type in a `query:` (or exclude the column) so that the comparison means something.',
    );
    this.name = 'PreflightError';
  }
}

class StepFailure extends Error {
  constructor(readonly step: string, readonly original: unknown) {
    super(original instanceof Error ? original.message : String(original));
  }
}

/**
 * Runs one pair: read both schemas, bind, one profile statement per side, one join statement.
 * Any failure becomes an ERROR result for this pair with the step and the cause; it never
 * escapes to stop other pairs.
 */
export async function runPair(pair: PairConfig, options: PairRunOptions): Promise<PairResult> {
  const started = Date.now();
  const statements: StatementRecord[] = [];
  const { engine, dialect } = options;
  const run = async (purpose: Purpose, sql: string, execute: () => Promise<QueryResult>): Promise<QueryResult> => {
    const begun = Date.now();
    try {
      const result = await withRetries(execute, options.retry ?? DEFAULT_RETRY, options.signal, (attempt, error) =>
        options.onStep?.(pair.name, `${purpose} failed transiently (${error.message}); retry ${attempt}`),
      );
      statements.push({ purpose, sql, durationMs: Date.now() - begun, rows: result.rows.length });
      return result;
    } catch (error) {
      statements.push({ purpose, sql, durationMs: Date.now() - begun, rows: 0, error: error instanceof Error ? error.message : String(error) });
      throw new StepFailure(purpose, error);
    }
  };
  const statementOptions = { signal: options.signal, timeoutSeconds: options.statementTimeoutSeconds };
  const base = {
    name: pair.name,
    description: pair.description,
    config: { file: pair.location.file, line: pair.location.line, column: pair.location.column },
    source: describeSide(pair.source, pair.sharedFilter),
    target: describeSide(pair.target, pair.sharedFilter),
    keys: pair.primaryKey,
  };

  let bound: BoundPair | undefined;
  try {
    options.onStep?.(pair.name, 'schema');
    const describeSql = (role: 'source' | 'target') => sideQuery(dialect, pair[role], pair.sharedFilter);
    const [sourceColumns, targetColumns] = await Promise.all(
      (['source', 'target'] as const).map(async (role) => {
        const sql = describeSql(role);
        const result = await run(`schema-${role}`, engine.describeStatement(sql), async () => {
          const columns = await engine.describe(sql, statementOptions);
          return { columns, rows: [] };
        });
        return result.columns.map((column): SideColumn => ({ name: column.name, engineType: column.type, type: dialect.parseType(column.type), nullable: column.nullable }));
      }),
    );
    try {
      bound = bindPair(pair, sourceColumns!, targetColumns!);
    } catch (error) {
      throw new StepFailure('bind', error);
    }

    const preflight = preflightStatement(dialect, bound);
    if (preflight) {
      options.onStep?.(pair.name, 'preflight');
      const failures = preflight.read(await run('preflight', preflight.sql, () => engine.query(preflight.sql, statementOptions)));
      if (failures.length > 0) throw new StepFailure('preflight', new PreflightError(failures));
    }

    options.onStep?.(pair.name, 'profile');
    const profile = async (role: 'source' | 'target'): Promise<SideProfile> => {
      const statement = profileStatement(dialect, bound!, role);
      try {
        return statement.read(await run(`profile-${role}`, statement.sql, () => engine.query(statement.sql, statementOptions)));
      } catch (error) {
        // DuckDB has no try_sum: a DECIMAL(38,x) sum past 128 bits aborts the whole statement.
        // Profile again without sums, so the overflow is an error of the aggregates check only.
        if (!(error instanceof StepFailure && error.original instanceof EngineError && error.original.kind === 'overflow')) throw error;
        const withoutSums = profileStatement(dialect, bound!, role, { withoutSums: true });
        return withoutSums.read(await run(`profile-${role}`, withoutSums.sql, () => engine.query(withoutSums.sql, statementOptions)));
      }
    };
    const [source, target] = await Promise.all([profile('source'), profile('target')]);

    let join: JoinMeasurements | undefined;
    let reproduce: PairResult['reproduce'];
    let persisted: PairResult['persisted'];
    if (pair.checks.some(isJoinCheck)) {
      options.onStep?.(pair.name, 'join');
      const statement = joinStatement(dialect, bound, {
        compareValues: pair.checks.includes('value_mismatches'),
        broadcast: broadcastSide(dialect, source.rows, target.rows),
      });
      join = statement.read(await run('join', statement.sql, () => engine.query(statement.sql, statementOptions)), pair.sampleSize);
      reproduce = reproduceQueries(statement.reproduce, join, pair.checks);
      if (pair.persistMismatchesTo) {
        options.onStep?.(pair.name, 'persist');
        const sql = dialect.createTableAs(pair.persistMismatchesTo, statement.differences);
        await run('persist', sql, () => engine.query(sql, statementOptions));
        persisted = { table: pair.persistMismatchesTo.join('.'), keys: join.onlySourceKeys + join.onlyTargetKeys + join.mismatchedRows + join.duplicates.source.keys + join.duplicates.target.keys - join.ambiguousKeys };
      }
    }

    const checks = buildChecks(bound, { source, target, join });
    return {
      ...base,
      status: worstStatus(checks.map((check) => check.status)),
      source: { ...base.source, rows: source.rows },
      target: { ...base.target, rows: target.rows },
      columns: columnsOf(bound),
      checks,
      samples: buildSamples(bound, join),
      reproduce,
      sampledPercent: pair.samplePercent !== undefined && pair.samplePercent < 100 ? pair.samplePercent : undefined,
      persisted,
      statements,
      durationMs: Date.now() - started,
    };
  } catch (error) {
    const failure = error instanceof StepFailure ? error : new StepFailure('internal', error);
    const pairError = describeFailure(failure, options.signal);
    return {
      ...base,
      status: 'ERROR',
      error: pairError,
      columns: bound ? columnsOf(bound) : [],
      checks: pair.checks.map((check): CheckResult => ({
        check,
        status: 'ERROR',
        measured: 0,
        base: 0,
        percent: null,
        unit: 'rows',
        threshold: pair.thresholds[check],
        message: `not run: ${pairError.message}`,
        details: { check: 'not_run', reason: pairError.message },
      })),
      samples: { mismatches: [], onlyInSource: [], onlyInTarget: [], duplicateKeys: [], withinTolerance: [] },
      statements,
      durationMs: Date.now() - started,
    };
  }
}

/** Only checks that found something get a query: an empty finding needs no reproduction. */
function reproduceQueries(queries: JoinStatement['reproduce'], join: JoinMeasurements, checks: readonly string[]): PairResult['reproduce'] {
  const found: Record<keyof JoinStatement['reproduce'], number> = {
    missing_rows: join.onlySourceKeys,
    extra_rows: join.onlyTargetKeys,
    value_mismatches: join.mismatchedRows,
    row_hash: join.hashMismatches,
    duplicate_keys: join.duplicates.source.keys + join.duplicates.target.keys,
  };
  const entries = (Object.keys(queries) as Array<keyof JoinStatement['reproduce']>).filter((check) => checks.includes(check) && found[check] > 0).map((check) => [check, queries[check]]);
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

function columnsOf(bound: BoundPair): PairResult['columns'] {
  return bound.compared.map((column) => ({
    label: column.label,
    source: column.source.name,
    target: column.target.name,
    sourceType: column.source.engineType,
    targetType: column.target.engineType,
    tolerance: column.tolerance,
  }));
}

const STEP_NAMES: Record<string, string> = {
  'schema-source': 'reading the source schema',
  'schema-target': 'reading the target schema',
  'profile-source': 'profiling the source',
  'profile-target': 'profiling the target',
  join: 'joining source and target',
  persist: 'writing the differing keys to persist_mismatches_to',
  bind: 'matching the config to the schemas',
  preflight: 'the pre-flight hash check',
  internal: 'reconciling',
};

function describeFailure(failure: StepFailure, signal: AbortSignal | undefined): PairError {
  const cause = failure.original;
  if (signal?.aborted && cause instanceof EngineError && cause.kind === 'cancelled') {
    const reason: unknown = signal.reason;
    return { kind: 'cancelled', step: failure.step, message: `not finished: ${reason instanceof Error ? reason.message : 'the run was cancelled'} (during ${STEP_NAMES[failure.step] ?? failure.step})` };
  }
  const kind = cause instanceof EngineError ? cause.kind : cause instanceof BindError ? 'config' : cause instanceof PreflightError ? 'preflight' : 'internal';
  const stepText = STEP_NAMES[failure.step] ?? failure.step;
  return { kind, step: failure.step, message: `${stepText} failed: ${failure.message}` };
}
