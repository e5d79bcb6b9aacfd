import type { PairConfig } from '../config/recon-config.js';
import { EngineError, type Engine } from '../engines/engine.js';
import { BindError } from '../plan/bind-pair.js';
import { locatedBindProblems } from './located-bind-problems.js';
import type { BoundPair } from '../plan/bound-pair.js';
import type { CheckResult, PairError, PairResult, StatementRecord } from '../results/results-model.js';
import type { Dialect } from '../sql/dialect.js';
import type { JoinStatement } from '../sql/join-statement.js';
import type { JoinMeasurements } from '../sql/measurements.js';
import type { PreflightFailure } from '../sql/preflight-statement.js';
import { type BoundPlan, pairPlan, type PlannedStatement } from './pair-plan.js';
import { buildChecks } from './pair-checks.js';
import { buildSamples } from './pair-samples.js';
import { describeSide } from './side-description.js';
import { DEFAULT_RETRY, type RetryPolicy, withRetries } from './retry-policy.js';
import { worstStatus } from '../results/statuses.js';

export interface PairRunOptions {
  engine: Engine;
  dialect: Dialect;
  signal?: AbortSignal;
  statementTimeoutSeconds?: number;
  retry?: RetryPolicy;
  onStep?: (pair: string, step: string) => void;
}

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
 * Runs one pair: executes its plan (pair-plan.ts) stage by stage — schemas, then pre-flight and
 * profiles, then the join — and records every statement in plan order. Any failure becomes an
 * ERROR result for this pair with the step and the cause; it never escapes to stop other pairs.
 */
export async function runPair(pair: PairConfig, options: PairRunOptions): Promise<PairResult> {
  const started = Date.now();
  const statements: StatementRecord[] = [];
  const { engine, dialect } = options;
  const statementOptions = { signal: options.signal, timeoutSeconds: options.statementTimeoutSeconds };
  /** Runs one planned statement (through its fallback after an overflow); returns its records and what it read. */
  const execute = async <T>(statement: PlannedStatement<T>): Promise<{ records: StatementRecord[]; value?: T; failure?: StepFailure }> => {
    const begun = Date.now();
    try {
      const query = async () => {
        if (statement.side !== undefined) await engine.refuseUnlessOneSelect?.(statement.side, statementOptions);
        return engine.query(statement.sql, statementOptions);
      };
      const result = await withRetries(query, options.retry ?? DEFAULT_RETRY, options.signal, (attempt, error) =>
        options.onStep?.(pair.name, `${statement.purpose} failed transiently (${error.message}); retry ${attempt}`),
      );
      const record = { purpose: statement.purpose, sql: statement.sql, durationMs: Date.now() - begun, rows: result.rows.length };
      try {
        return { records: [record], value: statement.read(result) };
      } catch (error) {
        return { records: [record], failure: new StepFailure(statement.purpose, error) };
      }
    } catch (error) {
      const record = { purpose: statement.purpose, sql: statement.sql, durationMs: Date.now() - begun, rows: 0, error: error instanceof Error ? error.message : String(error) };
      if (statement.onOverflow && error instanceof EngineError && error.kind === 'overflow') {
        const fallback = await execute(statement.onOverflow);
        return { ...fallback, records: [record, ...fallback.records] };
      }
      return { records: [record], failure: new StepFailure(statement.purpose, error) };
    }
  };
  /** Runs statements of one stage at once; records them in plan order, then throws the first failure in that order. */
  const runStage = async <T extends unknown[]>(...stage: { [K in keyof T]: PlannedStatement<T[K]> }): Promise<T> => {
    const done = await Promise.all(stage.map((statement) => execute(statement)));
    for (const outcome of done) statements.push(...outcome.records);
    const failed = done.find((outcome) => outcome.failure);
    if (failed) throw failed.failure;
    return done.map((outcome) => outcome.value) as T;
  };
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
    const plan = pairPlan(pair, dialect);
    options.onStep?.(pair.name, 'schema');
    const [sourceColumns, targetColumns] = await runStage(plan.schema.source, plan.schema.target);
    let stage: BoundPlan;
    try {
      stage = plan.bind(sourceColumns, targetColumns);
    } catch (error) {
      throw new StepFailure('bind', error);
    }
    bound = stage.bound;

    if (stage.preflight) {
      options.onStep?.(pair.name, 'preflight');
      const [failures] = await runStage<[PreflightFailure[]]>(stage.preflight);
      if (failures.length > 0) throw new StepFailure('preflight', new PreflightError(failures));
    }

    options.onStep?.(pair.name, 'profile');
    const [source, target] = await runStage(stage.profiles.source, stage.profiles.target);

    let join: JoinMeasurements | undefined;
    let reproduce: PairResult['reproduce'];
    let persisted: PairResult['persisted'];
    const joinPlan = stage.join({ source: source.rows, target: target.rows });
    if (joinPlan) {
      options.onStep?.(pair.name, 'join');
      [join] = await runStage(joinPlan.join);
      reproduce = reproduceQueries(joinPlan.join.reproduce, join, pair.checks);
      if (joinPlan.persist) {
        options.onStep?.(pair.name, 'persist');
        await runStage(joinPlan.persist);
        persisted = { table: joinPlan.persist.table.join('.'), keys: join.onlySourceKeys + join.onlyTargetKeys + join.mismatchedRows + join.duplicates.source.keys + join.duplicates.target.keys - join.ambiguousKeys };
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
    const pairError = describeFailure(failure, options.signal, pair);
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
  const entries = (Object.keys(queries) as Array<keyof JoinStatement['reproduce']>).filter((check) => checks.includes(check) && found[check] > 0 && queries[check] !== undefined).map((check) => [check, queries[check]]);
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

function describeFailure(failure: StepFailure, signal: AbortSignal | undefined, pair: PairConfig): PairError {
  const cause = failure.original;
  if (signal?.aborted && cause instanceof EngineError && cause.kind === 'cancelled') {
    const reason: unknown = signal.reason;
    return { kind: 'cancelled', step: failure.step, message: `not finished: ${reason instanceof Error ? reason.message : 'the run was cancelled'} (during ${STEP_NAMES[failure.step] ?? failure.step})` };
  }
  const kind = cause instanceof EngineError ? cause.kind : cause instanceof BindError ? 'config' : cause instanceof PreflightError ? 'preflight' : 'internal';
  const stepText = STEP_NAMES[failure.step] ?? failure.step;
  if (cause instanceof BindError) {
    // A column name the real schema lacks is a config error: located at its own field.
    const configErrors = locatedBindProblems(pair, cause);
    return { kind, step: failure.step, message: `${stepText} failed: ${failure.message}`, configErrors };
  }
  return { kind, step: failure.step, message: `${stepText} failed: ${failure.message}` };
}
