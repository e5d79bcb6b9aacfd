/**
 * The cheapest statement that can tell two tables apart row by row: one full outer join on the
 * key comparing one row hash per side, counted in the engine so no row reaches Node. Recon Gate
 * does more (duplicates, tolerances, per-column counts, samples, profiles), so this is a floor,
 * not a competitor: the suite's time divided by this one's is its overhead.
 */
import { ATTACHED_AS } from './bench-config.mjs';
import { COMPARED_COLUMNS, KEY_COLUMNS, SOURCE_TABLE, TARGET_TABLE } from './bench-data.mjs';

const quote = (name) => `"${name.replaceAll('"', '""')}"`;

export function lowerBoundSql() {
  const side = (table) =>
    `SELECT ${KEY_COLUMNS.map(quote).join(', ')}, hash(${COMPARED_COLUMNS.map(quote).join(', ')}) AS row_hash FROM ${ATTACHED_AS}.main.${quote(table)}`;
  return `SELECT
  count(*) FILTER (WHERE t.row_hash IS NULL) AS only_source_rows,
  count(*) FILTER (WHERE s.row_hash IS NULL) AS only_target_rows,
  count(*) FILTER (WHERE s.row_hash <> t.row_hash) AS hash_mismatches
FROM (${side(SOURCE_TABLE)}) AS s
FULL OUTER JOIN (${side(TARGET_TABLE)}) AS t
  ON ${KEY_COLUMNS.map((key) => `s.${quote(key)} = t.${quote(key)}`).join(' AND ')}`;
}

export async function runLowerBound(engine) {
  const sql = lowerBoundSql();
  const started = performance.now();
  const result = await engine.query(sql);
  const wallMs = performance.now() - started;
  const [onlySource, onlyTarget, hashMismatches] = result.rows[0].map(Number);
  return { wallMs, found: { onlySourceRows: onlySource, onlyTargetRows: onlyTarget, hashMismatches } };
}
