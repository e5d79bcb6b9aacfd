import { isJoinCheck } from '../results/check-names.js';
import type { PairConfig } from '../config/recon-config.js';
import { type Engine, EngineError, type StatementOptions } from '../engines/engine.js';
import { type QueryResult } from '../query/query-result.js';
import { BindError, bindPair } from '../plan/bind-pair.js';
import type { ConfigError } from '../config/config-error.js';
import { locatedBindProblems } from './located-bind-problems.js';
import type { BoundPair, SideColumn } from '../plan/bound-pair.js';
import type { StatementRecord } from '../results/results-model.js';
import type { Dialect } from '../sql/dialect.js';
import { broadcastSide, joinStatement, type JoinStatement } from '../sql/join-statement.js';
import { multisetStatement } from '../sql/multiset-statement.js';
import type { JoinMeasurements, SideProfile } from '../sql/measurements.js';
import { preflightStatement, type PreflightFailure } from '../sql/preflight-statement.js';
import { profileStatement } from '../sql/profile-statement.js';
import { schemaStatement } from '../sql/schema-statement.js';

/**
 * A pair's plan as a value: every statement the pair runs, in the order `run` records them in
 * results.json (`statements[]`) and `plan` prints them.
 *
 * The plan is built in three stages, because later statements are written from what earlier ones
 * read:
 * 1. the two schema reads, from the config alone (metadata, no rows);
 * 2. from both schemas (bound to the config): the pre-flight check when types differ, and one
 *    profile per side;
 * 3. from the profiles' row counts: the join (Databricks broadcasts a small side by hint) and,
 *    with `persist_mismatches_to`, the one write.
 *
 * `run` executes every stage; `plan` executes the read-only statements the rest depends on (the
 * schema reads, and the profiles where the dialect's join depends on their row counts) and lists
 * all. A statement may carry a fallback that runs only when it fails with an overflow.
 */

export type Purpose = StatementRecord['purpose'];

export interface PlannedStatement<T = unknown> {
  purpose: Purpose;
  sql: string;
  read(result: QueryResult): T;
  /** The side's own SELECT this statement first reads, for the engine to check (Engine.refuseUnlessOneSelect). */
  side?: string;
  /**
   * Runs in this statement's place when it fails with an overflow, and is recorded after it:
   * DuckDB has no try_sum, so a DECIMAL(38,x) sum past 128 bits aborts the whole profile.
   */
  onOverflow?: PlannedStatement<T>;
}

export interface PairPlan {
  pair: PairConfig;
  schema: { source: PlannedStatement<SideColumn[]>; target: PlannedStatement<SideColumn[]> };
  /** Stage 2, from both sides' columns. Throws BindError when the config does not fit the schemas. */
  bind(source: SideColumn[], target: SideColumn[]): BoundPlan;
}

export interface BoundPlan {
  bound: BoundPair;
  /** Only when some column has different types on the two sides. */
  preflight?: PlannedStatement<PreflightFailure[]>;
  profiles: { source: PlannedStatement<SideProfile>; target: PlannedStatement<SideProfile> };
  /** Whether the join's text depends on the profiles' row counts (a dialect that broadcasts a small side). */
  joinReadsProfiles: boolean;
  /** Stage 3, from the profiles' row counts; undefined when the pair has no join check. */
  join(rows: { source: number; target: number }): JoinPlan | undefined;
}

export interface JoinPlan {
  join: PlannedStatement<JoinMeasurements> & Pick<JoinStatement, 'reproduce' | 'differences'>;
  /** The one write, with `persist_mismatches_to`: every differing key into that table. */
  persist?: PlannedStatement<void> & { table: readonly string[] };
}

export function pairPlan(pair: PairConfig, dialect: Dialect): PairPlan {
  const schema = (role: 'source' | 'target'): PlannedStatement<SideColumn[]> => ({ purpose: `schema-${role}`, ...schemaStatement(dialect, pair, role) });
  return {
    pair,
    schema: { source: schema('source'), target: schema('target') },
    bind: (source, target) => boundPlan(dialect, bindPair(pair, source, target, dialect.defaultDistinctCounts)),
  };
}

function boundPlan(dialect: Dialect, bound: BoundPair): BoundPlan {
  const { pair } = bound;
  const profile = (role: 'source' | 'target'): PlannedStatement<SideProfile> => ({
    purpose: `profile-${role}`,
    ...profileStatement(dialect, bound, role),
    // Profiled again without sums, so the overflow is an error of the aggregates check only.
    onOverflow: { purpose: `profile-${role}`, ...profileStatement(dialect, bound, role, { withoutSums: true }) },
  });
  const preflight = preflightStatement(dialect, bound);
  return {
    bound,
    preflight: preflight ? { purpose: 'preflight', ...preflight } : undefined,
    profiles: { source: profile('source'), target: profile('target') },
    joinReadsProfiles: dialect.broadcastMaxRows !== undefined,
    join(rows) {
      if (!pair.checks.some(isJoinCheck)) return undefined;
      // Without a key, rows are compared as multisets: there is nothing to broadcast-join on.
      const statement = bound.keys.length === 0
        ? multisetStatement(dialect, bound)
        : joinStatement(dialect, bound, {
            compareValues: pair.checks.includes('value_mismatches'),
            broadcast: broadcastSide(dialect, rows.source, rows.target),
          });
      const table = pair.persistMismatchesTo;
      return {
        join: { purpose: 'join', sql: statement.sql, read: (result) => statement.read(result, pair.sampleSize), reproduce: statement.reproduce, differences: statement.differences },
        persist: table ? { purpose: 'persist', sql: dialect.createTableAs(table, statement.differences), read: () => undefined, table } : undefined,
      };
    },
  };
}

/** The statements of the stages built so far, in run order. */
export function plannedStatements(stages: { plan: PairPlan; bound?: BoundPlan; join?: JoinPlan }): PlannedStatement[] {
  const { plan, bound, join } = stages;
  return [
    plan.schema.source,
    plan.schema.target,
    ...(bound ? [...(bound.preflight ? [bound.preflight] : []), bound.profiles.source, bound.profiles.target] : []),
    ...(join ? [join.join, ...(join.persist ? [join.persist] : [])] : []),
  ];
}

/** Runs one planned statement and reads its result, through its fallback after an overflow. */
export async function runPlanned<T>(engine: Engine, statement: PlannedStatement<T>, options: StatementOptions = {}): Promise<T> {
  try {
    if (statement.side !== undefined) await engine.refuseUnlessOneSelect?.(statement.side, options);
    return statement.read(await engine.query(statement.sql, options));
  } catch (error) {
    if (!(statement.onOverflow && error instanceof EngineError && error.kind === 'overflow')) throw error;
    return runPlanned(engine, statement.onOverflow, options);
  }
}

export interface PairPlanListing {
  name: string;
  statements: Array<{ purpose: Purpose; sql: string }>;
  /** Why the plan stops short (a missing table, a key column not in the schema): the statements up to there are listed. */
  error?: string;
  /** Set when the config names columns the real schemas lack, located: `plan` exits 2, as `run` does. */
  configErrors?: ConfigError[];
}

/**
 * What `plan` shows of a pair: every statement `run` runs, in its order, rendered for `dialect`.
 * To write them, it runs on `engine` (in the engine's own dialect) the read-only statements the
 * others depend on: the schema reads, and the profiles when `dialect` decides the join's broadcast
 * hint from their row counts (Databricks: one scan of each side). Nothing else runs.
 */
export async function listPairPlan(pair: PairConfig, engine: Engine, engineDialect: Dialect, dialect: Dialect, options: StatementOptions = {}): Promise<PairPlanListing> {
  const run = pairPlan(pair, engineDialect);
  const shown = pairPlan(pair, dialect);
  const stages: { plan: PairPlan; bound?: BoundPlan; join?: JoinPlan } = { plan: shown };
  const listing = () => plannedStatements(stages).map(({ purpose, sql }) => ({ purpose, sql }));
  try {
    const [source, target] = await Promise.all([runPlanned(engine, run.schema.source, options), runPlanned(engine, run.schema.target, options)]);
    stages.bound = shown.bind(source!, target!);
    let rows = { source: 0, target: 0 };
    if (stages.bound.joinReadsProfiles) {
      const profiles = run.bind(source!, target!).profiles;
      const [sourceProfile, targetProfile] = await Promise.all([runPlanned(engine, profiles.source, options), runPlanned(engine, profiles.target, options)]);
      rows = { source: sourceProfile!.rows, target: targetProfile!.rows };
    }
    stages.join = stages.bound.join(rows);
    return { name: pair.name, statements: listing() };
  } catch (error) {
    return { name: pair.name, statements: listing(), error: error instanceof Error ? error.message : String(error), ...(error instanceof BindError ? { configErrors: locatedBindProblems(pair, error) } : {}) };
  }
}
