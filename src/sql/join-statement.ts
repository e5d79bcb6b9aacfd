import type { QueryResult } from '../engines/engine.js';
import type { BoundPair } from '../plan/bound-pair.js';
import type { Dialect } from './dialect.js';
import type { JoinMeasurements, JoinSample, SampleCategory } from './measurements.js';
import { toCount } from './result-cells.js';
import { keySampleCondition } from './key-sample.js';
import { sideQuery } from './side-query.js';
import type { MismatchClass } from '../results/mismatch-classes.js';
import { classExpression, classesFor, shiftHoursExpression } from './mismatch-classes.js';
import { differsCondition } from './value-difference.js';

export interface JoinOptions {
  /** Compare column by column the rows whose hash differs (the value_mismatches check). */
  compareValues: boolean;
  /** The side the profile pass found small enough to broadcast to the joins that read it (see `broadcastSide`). */
  broadcast?: 'source' | 'target';
}

/**
 * The side to broadcast, when the dialect broadcasts and the profile found one side at or under its
 * limit. Only the joins with that side's own rows are hinted: the differing keys can be as many as
 * the large side's rows, so they are never broadcast by hint (Spark's adaptive execution still
 * broadcasts them at run time when they turn out small).
 */
export function broadcastSide(dialect: Dialect, sourceRows: number, targetRows: number): 'source' | 'target' | undefined {
  const limit = dialect.broadcastMaxRows;
  if (limit === undefined || Math.min(sourceRows, targetRows) > limit) return undefined;
  return sourceRows <= targetRows ? 'source' : 'target';
}

/** Mismatching rows sampled per class beyond the key-ordered sample, so every class has examples. */
const SAMPLES_PER_CLASS = 3;

const CATEGORIES: SampleCategory[] = ['duplicate', 'only_source', 'only_target', 'mismatch', 'hash_only'];

const TOTALS = [
  'only_source_keys', 'only_source_rows', 'only_target_keys', 'only_target_rows', 'mismatched_rows',
  'hash_mismatches', 'hash_only', 'source_duplicate_keys', 'source_extra_rows', 'target_duplicate_keys',
  'target_extra_rows', 'ambiguous_keys', 'interesting_source_rows',
] as const;

/**
 * The one join pass of a pair, in one statement:
 *
 * 1. `recon_keys`: both sides' rows as (key, side, row hash), grouped by key. This is as cheap
 *    as a join on the key comparing one hash per side, and it counts each key's rows per side:
 *    duplicates are found exactly, and a hot key collapses into one group instead of
 *    multiplying the join.
 * 2. `recon_interesting`: only keys that are not a clean match — on one side only, duplicated,
 *    or with differing hashes. Rows whose typed values hash alike are equal.
 * 3. Those keys' rows are fetched back from each side and compared column by column (null-safe,
 *    with tolerances); then totals (one aggregate) and a per-category rank by key, so only the first
 *    rows of each category leave the engine, each carrying the totals.
 *
 * The cost stays one pass over each side plus a key aggregation, whatever the number of checks
 * and columns; the second read of each side only probes the (usually tiny) set of differing keys.
 */
export interface JoinStatement {
  sql: string;
  /**
   * Per join check, a ready-to-run query for the same engine listing every key behind the check's
   * finding, ordered by key: its first `sample_size` rows are exactly the sampled keys.
   */
  reproduce: Record<'missing_rows' | 'extra_rows' | 'value_mismatches' | 'row_hash' | 'duplicate_keys', string>;
  /** Every key that differs in any way (missing, extra, mismatching, duplicated), with its category. */
  differences: string;
  read(result: QueryResult, sampleSize: number): JoinMeasurements;
}

export function joinStatement(dialect: Dialect, bound: BoundPair, options: JoinOptions): JoinStatement {
  const { pair, keys, compared } = bound;
  const q = (name: string) => dialect.quoteIdentifier(name);
  const sampleLimit = Math.max(1, pair.sampleSize);
  const keyNames = keys.map((_, i) => `k${i}`);
  const keyList = keyNames.join(', ');
  const keysMatch = (left: string, right: string) => keyNames.map((k) => dialect.nullSafeEquals(`${left}.${k}`, `${right}.${k}`)).join(' AND ');

  const sideRows = (role: 'source' | 'target') => {
    const items = [
      ...keys.map((key, i) => `${dialect.cast(q(key[role].name), key[role].type, key.common)} AS k${i}`),
      ...compared.map((column, j) => `${dialect.cast(q(column[role].name), column[role].type, column.common)} AS v${j}`),
    ];
    return dialect.recomputedCte(`recon_${role}`, `\n  SELECT\n    ${items.join(',\n    ')}\n  FROM (${sideQuery(dialect, pair[role], pair.sharedFilter, keySampleCondition(dialect, bound, role))}) AS recon_side\n`);
  };
  const rowHash = dialect.rowHash(compared.map((column, j) => ({ expression: `v${j}`, type: column.common })));
  const hashed = `recon_hashed AS (\n  SELECT ${keyList}, 1 AS side, ${rowHash} AS row_hash FROM recon_source\n  UNION ALL\n  SELECT ${keyList}, 2 AS side, ${rowHash} AS row_hash FROM recon_target\n)`;
  const grouped = `recon_keys AS (\n  SELECT ${keyList},\n    ${dialect.countWhere('side = 1')} AS source_rows,\n    ${dialect.countWhere('side = 2')} AS target_rows,\n    ${dialect.valueWhere('row_hash', 'side = 1')} AS source_hash,\n    ${dialect.valueWhere('row_hash', 'side = 2')} AS target_hash\n  FROM recon_hashed\n  GROUP BY ${keyList}\n)`;
  const interesting = `recon_interesting AS (\n  SELECT recon_keys.*,\n    CASE WHEN source_rows > 1 OR target_rows > 1 THEN 'duplicate' WHEN target_rows = 0 THEN 'only_source' WHEN source_rows = 0 THEN 'only_target' ELSE 'changed' END AS kind\n  FROM recon_keys\n  WHERE source_rows <> 1 OR target_rows <> 1 OR source_hash <> target_hash\n)`;
  // Values are fetched for changed keys (to compare) and one-sided keys (to show in samples).
  const hint = (role: 'source' | 'target', relation: string) => (options.broadcast === role ? dialect.broadcastHint(relation) : '');
  const fetched = (role: 'source' | 'target', kind: string) =>
    `recon_${role}_rows AS (\n  SELECT ${hint(role, `recon_${role}`)}recon_${role}.* FROM recon_${role}\n  JOIN recon_interesting AS i ON ${keysMatch('recon_' + role, 'i')} AND i.kind IN ('changed', '${kind}')\n)`;

  const flags = options.compareValues
    ? compared.map((column, j) => `CASE WHEN i.kind = 'changed' AND ${differsCondition(dialect, column, `s.v${j}`, `t.v${j}`)} THEN 1 ELSE 0 END AS d${j}`)
    : [];
  const differenceCount = flags.length > 0 ? compared.map((_, j) => `d${j}`).join(' + ') : '0';
  const comparedHints = `${hint('source', 's')}${hint('target', 't')}`.trimEnd();
  const comparedRows = `recon_compared AS (\n  SELECT${comparedHints ? ` ${comparedHints}` : ''}\n    ${[
    ...keyNames.map((k) => `i.${k}`),
    'i.kind',
    'i.source_rows',
    'i.target_rows',
    ...compared.flatMap((_, j) => [`s.v${j} AS s${j}`, `t.v${j} AS t${j}`]),
    ...flags,
  ].join(',\n    ')}\n  FROM recon_interesting AS i\n  LEFT JOIN recon_source_rows AS s ON ${keysMatch('s', 'i')}\n  LEFT JOIN recon_target_rows AS t ON ${keysMatch('t', 'i')}\n)`;
  const classItems = flags.length === 0 ? [] : compared.flatMap((column, j) => [
    `${classExpression(dialect, column, `s${j}`, `t${j}`, `d${j}`)} AS c${j}`,
    ...(column.tolerance ? [`CASE WHEN kind = 'changed' AND d${j} = 0 AND ${dialect.isDistinct(`s${j}`, `t${j}`)} THEN 1 ELSE 0 END AS w${j}`] : []),
  ]);
  const categorised = `recon_categorised AS (\n  SELECT recon_compared.*,\n    ${[
    `CASE WHEN kind = 'changed' AND ${differenceCount} > 0 THEN 1 ELSE 0 END AS row_differs`,
    `CASE WHEN kind <> 'changed' THEN kind WHEN ${differenceCount} > 0 THEN 'mismatch' ELSE 'hash_only' END AS category`,
    ...classItems,
  ].join(',\n    ')}\n  FROM recon_compared\n)`;
  const classified = flags.length === 0
    ? `recon_classified AS (\n  SELECT recon_categorised.*, CAST(NULL AS ${dialect.renderType({ kind: 'string' })}) AS primary_class FROM recon_categorised\n)`
    : `recon_classified AS (\n  SELECT recon_categorised.*,\n    ${[
        `coalesce(${compared.map((_, j) => `c${j}`).join(', ')}) AS primary_class`,
        ...compared.map((column, j) => `${shiftHoursExpression(dialect, column, `s${j}`, `t${j}`, `c${j}`)} AS h${j}`),
      ].join(',\n    ')}\n  FROM recon_categorised\n)`;
  const classTotals = flags.length === 0 ? [] : compared.flatMap((column, j) => [
    ...classesFor(column).map((name) => `sum(CASE WHEN c${j} = '${name}' THEN 1 ELSE 0 END) AS class_${j}_${name}`),
    ...(column.tolerance ? [`sum(w${j}) AS within_tolerance_${j}`] : []),
    ...(column.common.kind === 'timestamp' ? [`min(h${j}) AS shift_min_${j}`, `max(h${j}) AS shift_max_${j}`] : []),
  ]);

  const total = (name: (typeof TOTALS)[number], condition: string, value = '1') => `sum(CASE WHEN ${condition} THEN ${value} ELSE 0 END) AS ${name}`;
  const totals = [
    total('only_source_keys', "kind = 'only_source'"),
    total('only_source_rows', 'target_rows = 0', 'source_rows'),
    total('only_target_keys', "kind = 'only_target'"),
    total('only_target_rows', 'source_rows = 0', 'target_rows'),
    total('mismatched_rows', 'row_differs = 1'),
    total('hash_mismatches', "kind = 'changed'"),
    total('hash_only', "kind = 'changed' AND row_differs = 0"),
    total('source_duplicate_keys', 'source_rows > 1'),
    total('source_extra_rows', 'source_rows > 1', 'source_rows - 1'),
    total('target_duplicate_keys', 'target_rows > 1'),
    total('target_extra_rows', 'target_rows > 1', 'target_rows - 1'),
    total('ambiguous_keys', 'source_rows > 0 AND target_rows > 0 AND (source_rows > 1 OR target_rows > 1)'),
    total('interesting_source_rows', "kind <> 'changed'", 'source_rows'),
    ...flags.map((_, j) => `sum(d${j}) AS column_mismatches_${j}`),
    ...classTotals,
  ];
  const keyOrder = keyNames.map((k) => `${k} NULLS FIRST`).join(', ');
  // Totals as one aggregate joined to the sampled rows, not as window sums over every differing
  // row: a window over the whole set is computed per column (DuckDB, ~40 % of the join pass at
  // 10M rows) and sends every differing row to a single task (Spark).
  const totalled = `recon_totals AS (\n  SELECT\n    ${totals.join(',\n    ')}\n  FROM recon_classified\n)`;
  const ranked = `recon_ranked AS (\n  SELECT recon_classified.*,\n    row_number() OVER (PARTITION BY category ORDER BY ${keyOrder}) AS sample_rank,\n    row_number() OVER (PARTITION BY category, primary_class ORDER BY ${keyOrder}) AS class_rank\n  FROM recon_classified\n)`;
  const outputItems = [
    'category',
    'sample_rank',
    ...TOTALS,
    ...flags.map((_, j) => `column_mismatches_${j}`),
    ...classTotals.map((item) => item.slice(item.lastIndexOf(' AS ') + 4)),
    'class_rank',
    ...keys.map((key, i) => `${dialect.displayText(`k${i}`, key.common)} AS key_${i}`),
    'source_rows',
    'target_rows',
    ...compared.flatMap((column, j) => [`${dialect.displayText(`s${j}`, column.common)} AS source_${j}`, `${dialect.displayText(`t${j}`, column.common)} AS target_${j}`]),
    ...flags.map((_, j) => `d${j}`),
    ...(flags.length > 0 ? compared.map((_, j) => `c${j}`) : []),
  ];

  // Everything up to recon_classified (one row per non-matching key, with its category) is
  // shared with the reproduce queries, which list the keys behind a check's finding.
  const sharedCtes = [sideRows('source'), sideRows('target'), hashed, grouped, interesting, fetched('source', 'only_source'), fetched('target', 'only_target'), comparedRows, categorised, classified];
  const reproduce = (categories: SampleCategory[]): string => {
    const keyItems = keys.map((key, i) => `${dialect.displayText(`k${i}`, key.common)} AS ${q(key.source.name)}`);
    const differing = categories.includes('mismatch') && flags.length > 0
      ? [`concat_ws(', ', ${compared.map((column, j) => `CASE WHEN d${j} = 1 THEN ${dialect.stringLiteral(column.label)} END`).join(', ')}) AS differing_columns`]
      : [];
    const counts = categories.includes('duplicate') ? ['source_rows', 'target_rows'] : [];
    const category = categories.length > 1 ? ['category'] : [];
    return `WITH\n${sharedCtes.join(',\n')}\nSELECT\n  ${[...keyItems, ...differing, ...counts, ...category].join(',\n  ')}\nFROM recon_classified\nWHERE category IN (${categories.map((name) => `'${name}'`).join(', ')})\nORDER BY ${keyOrder}`;
  };

  const sql = [
    'WITH',
    ...sharedCtes.map((cte) => `${cte},`),
    `${totalled},`,
    ranked,
    `SELECT\n  ${outputItems.join(',\n  ')}\nFROM recon_ranked\nCROSS JOIN recon_totals\nWHERE sample_rank <= ${sampleLimit}${flags.length > 0 && pair.sampleSize > 0 ? ` OR (category = 'mismatch' AND class_rank <= ${SAMPLES_PER_CLASS})` : ''}\nORDER BY category, sample_rank`,
  ].join('\n');

  return {
    sql,
    reproduce: {
      missing_rows: reproduce(['only_source']),
      extra_rows: reproduce(['only_target']),
      value_mismatches: reproduce(['mismatch']),
      row_hash: reproduce(['mismatch', 'hash_only']),
      duplicate_keys: reproduce(['duplicate']),
    },
    differences: reproduce(['only_source', 'only_target', 'mismatch', 'duplicate']),
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
          differs: compared.map((_, j) => (flags.length > 0 ? at(row, `d${j}`) === '1' : false)),
          classes: compared.map((_, j) => (flags.length > 0 ? (at(row, `c${j}`) as MismatchClass | null) : null)),
          classRank: toCount(at(row, 'class_rank')),
        }))
        .filter((sample) => CATEGORIES.includes(sample.category) && (sample.rank <= sampleSize || (sampleSize > 0 && sample.category === 'mismatch' && sample.classRank <= SAMPLES_PER_CLASS)));
      return {
        onlySourceKeys: totalOf('only_source_keys'),
        onlySourceRows: totalOf('only_source_rows'),
        onlyTargetKeys: totalOf('only_target_keys'),
        onlyTargetRows: totalOf('only_target_rows'),
        mismatchedRows: totalOf('mismatched_rows'),
        columnMismatches: compared.map((_, j) => (flags.length > 0 ? totalOf(`column_mismatches_${j}`) : 0)),
        columnExplanations: compared.map((column, j) => {
          if (flags.length === 0) return { classes: {}, withinTolerance: 0 };
          const classes: Partial<Record<MismatchClass, number>> = {};
          for (const name of classesFor(column)) {
            const value = totalOf(`class_${j}_${name}`);
            if (value > 0) classes[name] = value;
          }
          const shift = column.common.kind === 'timestamp' && first
            ? { min: at(first, `shift_min_${j}`), max: at(first, `shift_max_${j}`) }
            : undefined;
          return {
            classes,
            withinTolerance: column.tolerance ? totalOf(`within_tolerance_${j}`) : 0,
            shiftHours: shift?.min != null && shift.max != null ? { min: Number(shift.min), max: Number(shift.max) } : undefined,
          };
        }),
        hashMismatches: totalOf('hash_mismatches'),
        hashOnly: totalOf('hash_only'),
        duplicates: {
          source: { keys: totalOf('source_duplicate_keys'), extraRows: totalOf('source_extra_rows') },
          target: { keys: totalOf('target_duplicate_keys'), extraRows: totalOf('target_extra_rows') },
        },
        ambiguousKeys: totalOf('ambiguous_keys'),
        interestingSourceRows: totalOf('interesting_source_rows'),
        samples,
      };
    },
  };
}
