import type { CsvOptions, SideConfig } from '../../config/recon-config.js';
import type { LogicalType } from '../../plan/logical-type.js';
import type { Dialect } from '../dialect.js';
import { baseDialect } from './base-dialect.js';
import { parseDecimal } from './type-names.js';
import { databricksStringLiteral, quoteDatabricksIdentifier } from '../../query/databricks-quoting.js';

/**
 * Databricks SQL (Unity Catalog, ANSI mode on) and open-source Spark SQL 4: everything rendered
 * here runs on both. Where they differ, the difference is handled here and named in a comment.
 */

const quoteIdentifier = quoteDatabricksIdentifier;
const stringLiteral = databricksStringLiteral;

function parseType(engineType: string): LogicalType {
  const text = engineType.trim().toUpperCase();
  if (/^(ARRAY|MAP|STRUCT|VARIANT|OBJECT)\b/.test(text)) return { kind: 'complex', text: engineType };
  if (text.startsWith('INTERVAL')) return { kind: 'interval' };
  switch (text) {
    case 'TINYINT': case 'BYTE': return { kind: 'integer', bits: 8 };
    case 'SMALLINT': case 'SHORT': return { kind: 'integer', bits: 16 };
    case 'INT': case 'INTEGER': return { kind: 'integer', bits: 32 };
    case 'BIGINT': case 'LONG': return { kind: 'integer', bits: 64 };
    case 'FLOAT': case 'REAL': return { kind: 'float', bits: 32 };
    case 'DOUBLE': return { kind: 'float', bits: 64 };
    case 'STRING': return { kind: 'string' };
    case 'BOOLEAN': return { kind: 'boolean' };
    case 'DATE': return { kind: 'date' };
    // Spark's TIMESTAMP is an instant shown in the session time zone; TIMESTAMP_NTZ is a wall clock.
    case 'TIMESTAMP': case 'TIMESTAMP_LTZ': return { kind: 'timestamp', withTimeZone: true };
    case 'TIMESTAMP_NTZ': return { kind: 'timestamp', withTimeZone: false };
    case 'BINARY': return { kind: 'binary' };
  }
  if (/^(VARCHAR|CHAR)\s*\(/.test(text)) return { kind: 'string' };
  return parseDecimal(text, { precision: 10, scale: 0 }) ?? { kind: 'unknown', text: engineType };
}

function renderType(type: LogicalType): string {
  switch (type.kind) {
    case 'integer':
      // Spark has no 128-bit integer; DECIMAL(38,0) holds every value a source could send.
      return { 8: 'TINYINT', 16: 'SMALLINT', 32: 'INT', 64: 'BIGINT', 128: 'DECIMAL(38,0)' }[type.bits];
    case 'decimal': return `DECIMAL(${type.precision},${type.scale})`;
    case 'float': return type.bits === 32 ? 'FLOAT' : 'DOUBLE';
    case 'string': return 'STRING';
    case 'boolean': return 'BOOLEAN';
    case 'date': return 'DATE';
    case 'timestamp': return type.withTimeZone ? 'TIMESTAMP' : 'TIMESTAMP_NTZ';
    case 'time': return 'STRING';
    case 'binary': return 'BINARY';
    case 'interval': return 'STRING';
    case 'complex': case 'unknown': return type.text;
  }
}

function displayText(expression: string, type: LogicalType): string {
  switch (type.kind) {
    // The engine sets the session time zone to UTC, so instants print as UTC wall-clock time.
    case 'timestamp': return `date_format(${expression}, 'yyyy-MM-dd HH:mm:ss.SSSSSS')`;
    case 'binary': return `hex(${expression})`;
    case 'complex': return `to_json(${expression})`;
    case 'string': return expression;
    default: return `CAST(${expression} AS STRING)`;
  }
}

/** read_files' CSV options for what the config states; the stated types become schema hints. */
function csvOptions(csv: CsvOptions): string[] {
  const options = [`header => ${csv.header ?? true}`];
  if (csv.delimiter !== undefined) options.push(`sep => ${stringLiteral(csv.delimiter)}`);
  if (csv.quote !== undefined) options.push(`quote => ${stringLiteral(csv.quote)}`);
  if (csv.nullText !== undefined) options.push(`nullValue => ${stringLiteral(csv.nullText)}`);
  const types = Object.entries(csv.types ?? {});
  if (types.length > 0) options.push(`schemaHints => ${stringLiteral(types.map(([column, type]) => `${quoteIdentifier(column)} ${type}`).join(', '))}`);
  return options;
}

function relation(side: SideConfig): string {
  switch (side.kind) {
    case 'table': return base.quoteTableName(side.parts);
    case 'query': return `(${side.sql})`;
    case 'file':
      // `format.\`path\`` runs on open-source Spark and Databricks; CSV needs its header option,
      // which only Databricks' read_files offers.
      if (side.format === 'csv') return `read_files(${[stringLiteral(side.path), "format => 'csv'", ...csvOptions(side.csv ?? {})].join(', ')})`;
      return `${side.format}.${quoteIdentifier(side.path)}`;
  }
}

function isFloat(type: LogicalType): boolean {
  return type.kind === 'float';
}

const base = baseDialect({ quoteIdentifier, stringLiteral, renderType, displayText });

/**
 * The exact sum of an integer column of up to 64 bits, from three BIGINT sums. Spark sums
 * DECIMAL(38,0) with Java's BigDecimal, a third of the profile pass at 1M rows on the local Spark
 * (2.37 s → 1.66 s with long sums); a plain BIGINT sum overflows on ID-like columns. Each value is
 * split as a·2^42 + b·2^21 + c (a signed, b and c in [0, 2^21)), so no part's sum can overflow
 * below 2^42 rows, and the parts are combined once, in DECIMAL(38,0), which holds any such sum.
 */
function splitIntegerSum(expression: string): string {
  const value = `CAST(${expression} AS BIGINT)`;
  const part = (sum: string) => `CAST(try_sum(${sum}) AS DECIMAL(38,0))`;
  const high = part(`shiftright(${value}, 42)`);
  const middle = part(`shiftright(${value}, 21) & 2097151`);
  const low = part(`${value} & 2097151`);
  return `try_add(try_add(try_multiply(${high}, 4398046511104), try_multiply(${middle}, 2097152)), ${low})`;
}

export const databricksDialect: Dialect = {
  ...base,
  name: 'databricks',
  parseType,
  relation,
  nullSafeEquals: (left, right) => `${left} <=> ${right}`,
  isDistinct: (left, right) => `NOT (${left} <=> ${right})`,
  isFinite: (expression) => `(NOT isnan(${expression}) AND abs(${expression}) <> CAST('Infinity' AS DOUBLE))`,
  // Spark 4.0's abs() and unary minus round a DECIMAL with more than 34 significant digits
  // without an error; subtraction from zero stays exact.
  absolute: (expression) => `CASE WHEN ${expression} < 0 THEN 0 - (${expression}) ELSE ${expression} END`,
  // unix_micros takes an instant; a wall-clock TIMESTAMP_NTZ is read in the (UTC) session zone.
  epochMicros: (expression, type) => `unix_micros(${type.kind === 'timestamp' && type.withTimeZone ? expression : `CAST(${expression} AS TIMESTAMP)`})`,
  integerDivide: (dividend, divisor) => `((${dividend}) div (${divisor}))`,
  tryDecimal: (expression) => `try_cast(${expression} AS DECIMAL(38,12))`,
  // Spark's one-argument trim() strips only spaces; name the characters instead.
  trimSpaces: (expression) => `trim(BOTH ' ' FROM ${expression})`,
  trimWhitespace: (expression) => `trim(BOTH ${stringLiteral(' \t\n\r')} FROM ${expression})`,
  // xxhash64 skips NULL arguments, so (NULL, 'w') and ('w', NULL) would collide: a mask of
  // which columns are NULL goes in as a last argument. -0.0 is folded into 0.0 first because
  // xxhash64 hashes the bit pattern; maps are not hashable and go in as JSON.
  rowHash(columns) {
    if (columns.length === 0) return 'CAST(0 AS BIGINT)';
    const values = columns.map(({ expression, type }) => {
      if (isFloat(type)) return `CASE WHEN ${expression} = 0 THEN CAST(0 AS DOUBLE) ELSE CAST(${expression} AS DOUBLE) END`;
      if (type.kind === 'complex' && /^MAP/i.test(type.text)) return `to_json(${expression})`;
      return expression;
    });
    const nullMask = `concat(${columns.map(({ expression }) => `CASE WHEN ${expression} IS NULL THEN '1' ELSE '0' END`).join(', ')})`;
    return `xxhash64(${[...values, nullMask].join(', ')})`;
  },
  // ANSI mode turns SUM overflow into an error that would abort the whole profile statement;
  // try_sum returns NULL instead, which the aggregates check reports as an overflow.
  safeSum(expression, type) {
    if (type.kind === 'integer') return type.bits <= 64 ? splitIntegerSum(expression) : `try_sum(CAST(${expression} AS DECIMAL(38,0)))`;
    if (type.kind === 'float') return `try_sum(CAST(${expression} AS DOUBLE))`;
    return `try_sum(${expression})`;
  },
  // xxhash64 is signed: pmod keeps the bucket non-negative.
  hashBucket: (hashExpression, buckets) => `pmod(${hashExpression}, ${buckets})`,
  // Delta is what lets Spark delete rows.
  createTableIfMissing: (tableParts, columns) => `CREATE TABLE IF NOT EXISTS ${base.quoteTableName(tableParts)} (${columns}) USING DELTA`,
  createTableAs: (tableParts, query) => `CREATE OR REPLACE TABLE ${base.quoteTableName(tableParts)} USING DELTA AS\n${query}`,
  recomputedCte: (name, body) => `${name} AS (${body})`,
  // Spark inlines every deterministic CTE at each place it is read (its InlineCTE rule), and the
  // join's CTEs read each other several times over: the key aggregation ran 45 times in one join
  // statement. A CTE with a non-deterministic filter is planned once and its shuffle reused;
  // rand() >= 0 holds for every row. The benchmark's join at 1M rows: 22.5 s → 9.8 s.
  sharedCte: (name, body) => `${name} AS (\n  SELECT * FROM (${body}) AS recon_shared WHERE rand() >= 0\n)`,
  // Recomputing would repeat the classification's shuffles in each of its readers' stages.
  derivedCte: (name, body) => databricksDialect.sharedCte(name, body),
  // See key-match.ts: the hash join is slower on Spark.
  keyMatching: 'key-aggregation',
  // Spark prunes the columns a CTE's readers do not use on its own.
  materializedCte: (name, body) => `${name} AS (${body})`,
  // A side this small costs a few MB on each executor and saves shuffling the other side's differing
  // rows; Spark's own estimate is often missing for federated and filtered sources.
  broadcastMaxRows: 100_000,
  // 2 % relative standard deviation, not Spark's default 5 % (estimates off by several percent
  // mislead a reader) nor 1 % (twice the profile's time on the benchmark, for little more).
  approxCountDistinct: (expression) => `approx_count_distinct(${expression}, 0.02)`,
  // Exact distinct counts of several columns make Spark copy every row once per column (Expand);
  // the sketch keeps the profile pass a plain aggregate (the bench times both: README › Benchmarks).
  defaultDistinctCounts: 'approximate',
  broadcastHint: (relation) => `/*+ BROADCAST(${relation}) */ `,
  tryCast: (expression, type) => `try_cast(${expression} AS ${renderType(type)})`,
  // Not read from `SELECT … LIMIT 0` metadata: Thrift carries only primitive type ids there
  // (TIMESTAMP_NTZ arrives as TIMESTAMP, ARRAY/MAP/STRUCT lose their element types), while
  // DESCRIBE QUERY, also read-only, reports the full Spark type, one row per column.
  describeStatement: (relationSql) => `DESCRIBE QUERY SELECT * FROM (${relationSql}) AS recon_describe`,
  describedColumns: (result) =>
    result.rows
      .filter((row): row is [string, string, ...Array<string | null>] => typeof row[0] === 'string' && row[0] !== '' && !row[0].startsWith('#') && typeof row[1] === 'string')
      .map(([name, type]) => ({ name, type })),
};
