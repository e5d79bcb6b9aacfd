import type { QueryResult } from '../engines/engine.js';
import type { BoundPair, ColumnPair } from '../plan/bound-pair.js';
import type { Dialect } from './dialect.js';
import type { JoinMeasurements, JoinSample, SampleCategory } from './measurements.js';
import { toCount } from './result-cells.js';
import { sideQuery } from './side-query.js';
import { differsCondition } from './value-difference.js';

export interface JoinOptions {
  /**
   * Collapse each side to one row per key before joining. Needed only when the profile pass
   * found duplicate keys: it keeps the join from multiplying rows, at the cost of a GROUP BY.
   */
  collapseDuplicateKeys: boolean;
  compareValues: boolean;
  compareHashes: boolean;
}

const CATEGORIES: SampleCategory[] = ['duplicate', 'only_source', 'only_target', 'mismatch', 'hash_only'];

const TOTALS = [
  'only_source_keys', 'only_source_rows', 'only_target_keys', 'only_target_rows', 'mismatched_rows',
  'hash_mismatches', 'hash_only', 'values_only', 'source_duplicate_keys', 'source_extra_rows',
  'target_duplicate_keys', 'target_extra_rows', 'ambiguous_keys',
] as const;

/**
 * The one join pass of a pair: a null-safe FULL OUTER JOIN on the key that flags, per row,
 * presence on each side, each column's difference and the row-hash difference; then, over the
 * rows that are not clean matches only, window totals and a per-category rank by key. Only the
 * top-ranked rows leave the engine, each carrying the totals: one statement, one scan per side,
 * and a bounded result whatever the table size.
 */
export function joinStatement(dialect: Dialect, bound: BoundPair, options: JoinOptions): { sql: string; read(result: QueryResult, sampleSize: number): JoinMeasurements } {
  const { pair, keys } = bound;
  const compared = options.compareValues || options.compareHashes ? bound.compared : [];
  const q = (name: string) => dialect.quoteIdentifier(name);
  const sampleLimit = Math.max(1, pair.sampleSize);

  const sideRows = (role: 'source' | 'target') => {
    const items = [
      ...keys.map((key, i) => `${dialect.cast(q(key[role].name), key[role].type, key.common)} AS k${i}`),
      ...compared.map((column, j) => `${dialect.cast(q(column[role].name), column[role].type, column.common)} AS v${j}`),
    ];
    return `SELECT\n    ${items.join(',\n    ')}\n  FROM (${sideQuery(dialect, pair[role], pair.sharedFilter)}) AS recon_side`;
  };
  const sideCte = (role: 'source' | 'target') => {
    const name = `recon_${role}`;
    if (!options.collapseDuplicateKeys) {
      return `${name} AS (\n  SELECT recon_rows.*, 1 AS key_rows FROM (\n  ${sideRows(role)}\n  ) AS recon_rows\n)`;
    }
    const keyList = keys.map((_, i) => `k${i}`).join(', ');
    const values = compared.map((_, j) => `any_value(v${j}) AS v${j}`);
    return `${name} AS (\n  SELECT ${[keyList, 'count(*) AS key_rows', ...values].join(', ')}\n  FROM (\n  ${sideRows(role)}\n  ) AS recon_rows\n  GROUP BY ${keyList}\n)`;
  };

  const on = keys.map((_, i) => dialect.nullSafeEquals(`s.k${i}`, `t.k${i}`)).join(' AND ');
  const joinedItems = [
    ...keys.map((_, i) => `coalesce(s.k${i}, t.k${i}) AS k${i}`),
    's.key_rows IS NOT NULL AS in_source',
    't.key_rows IS NOT NULL AS in_target',
    'coalesce(s.key_rows, 0) AS source_rows',
    'coalesce(t.key_rows, 0) AS target_rows',
    ...compared.flatMap((_, j) => [`s.v${j} AS s${j}`, `t.v${j} AS t${j}`]),
  ];
  const comparable = 'in_source AND in_target AND source_rows = 1 AND target_rows = 1';
  const flagItems = [
    ...(options.compareValues
      ? bound.compared.map((column, j) => `CASE WHEN ${comparable} AND ${differsCondition(dialect, column, `s${j}`, `t${j}`)} THEN 1 ELSE 0 END AS d${j}`)
      : []),
    options.compareHashes
      ? `CASE WHEN ${comparable} AND ${dialect.rowHash(compared.map((column, j) => ({ expression: `s${j}`, type: column.common })))} <> ${dialect.rowHash(compared.map((column, j) => ({ expression: `t${j}`, type: column.common })))} THEN 1 ELSE 0 END AS hash_differs`
      : '0 AS hash_differs',
  ];
  const differenceCount = options.compareValues && compared.length > 0 ? compared.map((_, j) => `d${j}`).join(' + ') : '0';
  const duplicated = 'source_rows > 1 OR target_rows > 1';

  const total = (name: (typeof TOTALS)[number], condition: string, value = '1') =>
    `sum(CASE WHEN ${condition} THEN ${value} ELSE 0 END) OVER () AS ${name}`;
  const totals = [
    total('only_source_keys', 'in_source AND NOT in_target'),
    total('only_source_rows', 'in_source AND NOT in_target', 'source_rows'),
    total('only_target_keys', 'in_target AND NOT in_source'),
    total('only_target_rows', 'in_target AND NOT in_source', 'target_rows'),
    total('mismatched_rows', 'row_differs = 1'),
    total('hash_mismatches', 'hash_differs = 1'),
    total('hash_only', 'hash_differs = 1 AND row_differs = 0'),
    total('values_only', 'hash_differs = 0 AND row_differs = 1'),
    total('source_duplicate_keys', 'source_rows > 1'),
    total('source_extra_rows', 'source_rows > 1', 'source_rows - 1'),
    total('target_duplicate_keys', 'target_rows > 1'),
    total('target_extra_rows', 'target_rows > 1', 'target_rows - 1'),
    total('ambiguous_keys', `in_source AND in_target AND (${duplicated})`),
    ...(options.compareValues ? compared.map((_, j) => `sum(d${j}) OVER () AS column_mismatches_${j}`) : []),
  ];
  const keyOrder = keys.map((_, i) => `k${i} NULLS FIRST`).join(', ');
  const outputItems = [
    'category',
    'sample_rank',
    ...TOTALS,
    ...(options.compareValues ? compared.map((_, j) => `column_mismatches_${j}`) : []),
    ...keys.map((key, i) => `${dialect.displayText(`k${i}`, key.common)} AS key_${i}`),
    'source_rows',
    'target_rows',
    ...compared.flatMap((column, j) => [
      `${dialect.displayText(`s${j}`, column.common)} AS source_${j}`,
      `${dialect.displayText(`t${j}`, column.common)} AS target_${j}`,
    ]),
    ...(options.compareValues ? compared.map((_, j) => `d${j}`) : []),
  ];

  const sql = [
    'WITH',
    `${sideCte('source')},`,
    `${sideCte('target')},`,
    `recon_joined AS (\n  SELECT\n    ${joinedItems.join(',\n    ')}\n  FROM recon_source AS s\n  FULL OUTER JOIN recon_target AS t\n    ON ${on}\n),`,
    `recon_flagged AS (\n  SELECT recon_joined.*,\n    ${flagItems.join(',\n    ')}\n  FROM recon_joined\n),`,
    `recon_interesting AS (\n  SELECT recon_flagged.*,\n    CASE WHEN ${differenceCount} > 0 THEN 1 ELSE 0 END AS row_differs,\n    CASE WHEN ${duplicated} THEN 'duplicate' WHEN NOT in_target THEN 'only_source' WHEN NOT in_source THEN 'only_target' WHEN ${differenceCount} > 0 THEN 'mismatch' ELSE 'hash_only' END AS category\n  FROM recon_flagged\n  WHERE NOT (in_source AND in_target) OR ${duplicated} OR ${differenceCount} > 0 OR hash_differs = 1\n),`,
    `recon_ranked AS (\n  SELECT recon_interesting.*,\n    row_number() OVER (PARTITION BY category ORDER BY ${keyOrder}) AS sample_rank,\n    ${totals.join(',\n    ')}\n  FROM recon_interesting\n)`,
    `SELECT\n  ${outputItems.join(',\n  ')}\nFROM recon_ranked\nWHERE sample_rank <= ${sampleLimit}\nORDER BY category, sample_rank`,
  ].join('\n');

  return {
    sql,
    read(result, sampleSize) {
      const position = new Map(result.columns.map((column, index) => [column.name.toLowerCase(), index]));
      const at = (row: ReadonlyArray<string | null>, alias: string) => {
        const index = position.get(alias);
        if (index === undefined) throw new Error(`the join statement returned no column ${alias}`);
        return row[index] ?? null;
      };
      const first = result.rows[0];
      const totalOf = (alias: string) => (first ? toCount(at(first, alias)) : 0);
      const samples: JoinSample[] = result.rows
        .map((row) => ({
          category: at(row, 'category') as SampleCategory,
          rank: toCount(at(row, 'sample_rank')),
          key: keys.map((_, i) => at(row, `key_${i}`)),
          sourceRows: toCount(at(row, 'source_rows')),
          targetRows: toCount(at(row, 'target_rows')),
          source: compared.map((_, j) => at(row, `source_${j}`)),
          target: compared.map((_, j) => at(row, `target_${j}`)),
          differs: compared.map((_, j) => (options.compareValues ? at(row, `d${j}`) === '1' : false)),
        }))
        .filter((sample) => sample.rank <= sampleSize && CATEGORIES.includes(sample.category));
      return {
        onlySourceKeys: totalOf('only_source_keys'),
        onlySourceRows: totalOf('only_source_rows'),
        onlyTargetKeys: totalOf('only_target_keys'),
        onlyTargetRows: totalOf('only_target_rows'),
        mismatchedRows: totalOf('mismatched_rows'),
        columnMismatches: bound.compared.map((_, j) => (options.compareValues ? totalOf(`column_mismatches_${j}`) : 0)),
        hashMismatches: totalOf('hash_mismatches'),
        hashOnly: totalOf('hash_only'),
        valuesOnly: totalOf('values_only'),
        duplicates: {
          source: { keys: totalOf('source_duplicate_keys'), extraRows: totalOf('source_extra_rows') },
          target: { keys: totalOf('target_duplicate_keys'), extraRows: totalOf('target_extra_rows') },
        },
        ambiguousKeys: totalOf('ambiguous_keys'),
        samples,
      };
    },
  };
}

