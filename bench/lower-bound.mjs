/**
 * The cheapest statement that can tell two tables apart row by row: one full outer join on the
 * key comparing one row hash per side, counted in the engine so no row reaches Node. Recon Gate
 * does more (duplicates, tolerances, per-column counts, samples, profiles), so this is a floor,
 * not a competitor: the suite's time divided by this one's is its overhead.
 */
import { ATTACHED_AS } from './bench-config.mjs';
import { COMPARED_COLUMNS, KEY_COLUMNS, SOURCE_TABLE, TARGET_TABLE } from './bench-data.mjs';

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

export async function runLowerBound(engine, target = DUCKDB_LOWER_BOUND) {
  const sql = lowerBoundSql(target);
  const started = performance.now();
  const result = await engine.query(sql);
  const wallMs = performance.now() - started;
  const [onlySource, onlyTarget, hashMismatches] = result.rows[0].map(Number);
  return { wallMs, found: { onlySourceRows: onlySource, onlyTargetRows: onlyTarget, hashMismatches } };
}
