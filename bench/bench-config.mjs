/**
 * The recon config the benchmark runs: one pair over the generated tables, every check on, the
 * tolerances the within-tolerance rules were built for. The database file is attached read-only
 * as `bench`, so other processes (the peers) can read it at the same time.
 */
import { KEY_COLUMNS, SOURCE_TABLE, TARGET_TABLE, TOLERANCES } from './bench-data.mjs';

export const ATTACHED_AS = 'bench';

const ATTACHED_TABLES = { source: `${ATTACHED_AS}.main.${SOURCE_TABLE}`, target: `${ATTACHED_AS}.main.${TARGET_TABLE}` };

/**
 * `tables`: the two tables' names as the engine knows them (the attached DuckDB file by default);
 * `distinctCounts`: the pair's distinct_counts (the product's default when absent); `checks`: a
 * subset of checks, for timing the profile pass alone.
 */
export function benchConfigYaml(tables = ATTACHED_TABLES, { distinctCounts, checks } = {}) {
  const tolerances = Object.entries(TOLERANCES)
    .map(([column, tolerance]) => `      ${column}: { ${Object.entries(tolerance).map(([kind, value]) => `${kind}: ${value}`).join(', ')} }`)
    .join('\n');
  return `version: 1
pairs:
  - name: orders
    source:
      table: ${tables.source}
    target:
      table: ${tables.target}
    primary_key: [${KEY_COLUMNS.join(', ')}]
${distinctCounts ? `    distinct_counts: ${distinctCounts}\n` : ''}${checks ? `    checks: [${checks.join(', ')}]\n` : ''}    tolerances:
${tolerances}
`;
}

export function attachStatement(databaseFile) {
  return `ATTACH '${databaseFile.replaceAll("'", "''")}' AS ${ATTACHED_AS} (READ_ONLY)`;
}
