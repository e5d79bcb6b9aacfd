import type { DistinctCountMode, SideConfig } from '../config/recon-config.js';
import type { EngineColumn, QueryResult } from '../query/query-result.js';
import type { LogicalType } from '../plan/logical-type.js';
import type { EngineName } from '../query/engine-name.js';

/**
 * Everything that differs between engines' SQL lives behind this interface: quoting, literals,
 * type names, casts, canonical text, hashing. Statement builders compose these and never write
 * engine-specific SQL themselves.
 */
export interface Dialect {
  readonly name: EngineName;
  /** Quotes one identifier, doubling the quote character inside it. */
  quoteIdentifier(name: string): string;
  /** Quotes a one- to three-part table name part by part. */
  quoteTableName(parts: readonly string[]): string;
  stringLiteral(value: string): string;
  /** An exact literal of the given numeric type from its decimal text. */
  numericLiteral(decimalText: string, type: LogicalType): string;
  parseType(engineType: string): LogicalType;
  renderType(type: LogicalType): string;
  /** A side's rows as a FROM-clause item (table, parenthesised query, or file reader). */
  relation(side: SideConfig): string;
  /** Converts a value to the common comparison type; incompatible types meet as canonical text. */
  cast(expression: string, from: LogicalType, to: LogicalType): string;
  /**
   * Canonical display text of a value: what samples, keys and aggregates show. Identical across
   * engines for integers, decimals, strings, booleans, dates and timestamps (UTC, microseconds);
   * floating-point text follows each engine's own formatting.
   */
  displayText(expression: string, type: LogicalType): string;
  nullSafeEquals(left: string, right: string): string;
  isDistinct(left: string, right: string): string;
  isFinite(expression: string): string;
  /** |x| without losing digits of wide decimals. */
  absolute(expression: string): string;
  /** Microseconds since the epoch of a timestamp (UTC session). */
  epochMicros(expression: string, type: LogicalType): string;
  /** Integer division of two integers, rounding towards zero. */
  integerDivide(dividend: string, divisor: string): string;
  /** Text read as DECIMAL(38,12), or NULL when it is not a number that fits. */
  tryDecimal(expression: string): string;
  /** Text without leading and trailing spaces, tabs, carriage returns and line feeds (the same set on every engine). */
  trimWhitespace(expression: string): string;
  /** Text without leading and trailing U+0020 spaces only (`ignore_spaces`). */
  trimSpaces(expression: string): string;
  /** A 64-bit hash of typed values that tells NULL from '' and keeps column boundaries. */
  rowHash(columns: ReadonlyArray<{ expression: string; type: LogicalType }>): string;
  /** SUM that neither wraps nor aborts the statement: overflow yields NULL or a wider value. */
  safeSum(expression: string, type: LogicalType): string;
  /** The value converted to `type`, or NULL when it does not convert. */
  tryCast(expression: string, type: LogicalType): string;
  /** A bucket in [0, buckets) from a row hash, never negative. */
  hashBucket(hashExpression: string, buckets: number): string;
  /** Replaces a table with the rows of a query (the only write Recon Gate makes, when configured). */
  createTableAs(tableParts: readonly string[], query: string): string;
  /** Creates a table with the given column definitions unless it exists, in a format that allows DELETE. */
  createTableIfMissing(tableParts: readonly string[], columnDefinitions: string): string;
  /** Distinct non-NULL values by HyperLogLog sketch: the same values give the same estimate. */
  approxCountDistinct(expression: string): string;
  /** `distinct_counts` of a pair that does not set it: what the profile pass costs on this engine decides (README › Comparison rules). */
  readonly defaultDistinctCounts: DistinctCountMode;
  /** A CTE read more than once: engines that would copy it into memory are told to recompute it. */
  recomputedCte(name: string, body: string): string;
  /** A CTE read more than once whose rows are few and costly to compute: computed once and read again. */
  sharedCte(name: string, body: string): string;
  /**
   * A CTE of wide rows read more than once, derived by a few expressions and small joins from a
   * CTE the engine already keeps: DuckDB recomputes it rather than hold a second wide copy; Spark
   * computes it once, as sharedCte.
   */
  derivedCte(name: string, body: string): string;
  /**
   * How the join pass finds the keys that are not clean matches (key-match.ts): a hash join of the
   * sides with duplicates found per key bucket, or an aggregation of both sides' rows by key.
   */
  readonly keyMatching: 'hash-join' | 'key-aggregation';
  /** A CTE read once whose planner must not see through it (so it cannot widen what reads it). */
  materializedCte(name: string, body: string): string;
  /**
   * Sides with at most this many rows are broadcast to the joins that read them (Spark); undefined
   * where the engine's own planner already builds the hash table on the smaller input (DuckDB).
   */
  readonly broadcastMaxRows: number | undefined;
  /** A hint, placed right after SELECT, to broadcast one relation of its FROM clause ('' when the engine takes none). */
  broadcastHint(relation: string): string;
  /** A typed NULL literal. */
  nullOf(type: LogicalType): string;
  /** The read-only statement that reports a relation's result columns without reading its rows. */
  describeStatement(relationSql: string): string;
  /** The columns `describeStatement`'s result reports, with the engine's own type text. */
  describedColumns(result: QueryResult): EngineColumn[];
}
