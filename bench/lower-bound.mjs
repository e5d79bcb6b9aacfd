/**
 * The floor under the suite: the cheapest statements that compute what it reports, written
 * plainly. A join part (one full outer join on the key comparing one row hash per side, counted in
 * the engine so no row reaches Node) and a profile part (one aggregate per side, both at once as
 * the suite runs its profiles: row count, non-NULL count per column, sum, min, max and distinct
 * count per numeric column, in the suite's distinct_counts mode). The suite's time divided by their sum is its overhead.
 */
import { ATTACHED_AS } from './bench-config.mjs';
import { COMPARED_COLUMNS, KEY_COLUMNS, NUMERIC_COLUMNS, SOURCE_TABLE, TARGET_TABLE } from './bench-data.mjs';

const duckdbQuote = (name) => `"${name.replaceAll('"', '""')}"`;

/** Where the tables are and how the engine quotes and hashes: DuckDB's attached file by default. */
export const DUCKDB_LOWER_BOUND = {
  quote: duckdbQuote,
  table: (name) => `${ATTACHED_AS}.main.${duckdbQuote(name)}`,
  hashFunction: 'hash',
};

export function lowerBoundSql(target = DUCKDB_LOWER_BOUND) {
  const { quote } = target;
  const side = (table) =>
    `SELECT ${KEY_COLUMNS.map(quote).join(', ')}, ${target.hashFunction}(${COMPARED_COLUMNS.map(quote).join(', ')}) AS row_hash FROM ${target.table(table)}`;
  return `SELECT
  count(CASE WHEN t.row_hash IS NULL THEN 1 END) AS only_source_rows,
  count(CASE WHEN s.row_hash IS NULL THEN 1 END) AS only_target_rows,
  count(CASE WHEN s.row_hash <> t.row_hash THEN 1 END) AS hash_mismatches
FROM (${side(SOURCE_TABLE)}) AS s
FULL OUTER JOIN (${side(TARGET_TABLE)}) AS t
  ON ${KEY_COLUMNS.map((key) => `s.${quote(key)} = t.${quote(key)}`).join(' AND ')}`;
}

/** One side's profile floor: what the suite's profile pass reports, without its casts or display text. */
export function lowerBoundProfileSql(table, target = DUCKDB_LOWER_BOUND, { distinctCounts = 'exact' } = {}) {
  const distinct = (column) => (distinctCounts === 'exact' ? [`count(DISTINCT ${column})`] : distinctCounts === 'approximate' ? [`approx_count_distinct(${column})`] : []);
  const { quote } = target;
  const items = [
    'count(*) AS row_count',
    ...[...KEY_COLUMNS, ...COMPARED_COLUMNS].map((name, i) => `count(${quote(name)}) AS non_null_${i}`),
    ...NUMERIC_COLUMNS.flatMap((name, i) => [`sum(${quote(name)}) AS sum_${i}`, `min(${quote(name)}) AS min_${i}`, `max(${quote(name)}) AS max_${i}`, ...distinct(quote(name)).map((expression) => `${expression} AS distinct_${i}`)]),
  ];
  return `SELECT ${items.join(', ')} FROM ${target.table(table)}`;
}

export async function runLowerBound(engine, target = DUCKDB_LOWER_BOUND, options = {}) {
  const started = performance.now();
  const result = await engine.query(lowerBoundSql(target));
  const joinMs = performance.now() - started;
  const profileStarted = performance.now();
  await Promise.all([SOURCE_TABLE, TARGET_TABLE].map((table) => engine.query(lowerBoundProfileSql(table, target, options))));
  const profileMs = performance.now() - profileStarted;
  const [onlySource, onlyTarget, hashMismatches] = result.rows[0].map(Number);
  return { wallMs: joinMs + profileMs, joinMs, profileMs, found: { onlySourceRows: onlySource, onlyTargetRows: onlyTarget, hashMismatches } };
}
