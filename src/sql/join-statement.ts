import type { QueryResult } from '../query/query-result.js';
import type { BoundPair } from '../plan/bound-pair.js';
import type { Dialect } from './dialect.js';
import type { JoinMeasurements, JoinSample, SampleCategory } from './measurements.js';
import { cellsByAlias, toCount } from './result-cells.js';
import { keySampleCondition } from './key-sample.js';
import { aliased, allOf, column, outputName, passThrough, renderSelectItem, selectList } from './select-item.js';
import { sideQuery } from './side-query.js';
import type { MismatchClass } from '../results/mismatch-classes.js';
import { CONSTANT_OFFSET_MIN_ROWS, classExpression, classesFor, differenceExpression, partnersOf, shiftHoursExpression, swappedWithExpression } from './mismatch-classes.js';
import { differsCondition } from './value-difference.js';
import { keyMatchCtes } from './key-match.js';
import { ignoresAnything, neededOption, normalizedValue } from './ignored-differences.js';

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
 * 1. `recon_keys` (see key-match.ts): every key that is not a clean match, with its rows per side.
 *    On DuckDB one full outer hash join of the two sides on the key, comparing one row hash per
 *    side, with duplicated keys found exactly per key bucket and the rows a hash join would
 *    multiply (a hot key, a key that is not one) counted per key instead; on Databricks every row
 *    of both sides grouped by key.
 * 2. `recon_interesting`: only keys that are not a clean match — on one side only, duplicated,
 *    or with differing hashes. Rows whose typed values hash alike are equal.
 * 3. Those keys' rows are fetched back from each side and compared column by column (null-safe,
 *    with tolerances); then totals (one aggregate) and a per-category rank by key, so only the first
 *    rows of each category leave the engine, each carrying the totals.
 *
 * The cost stays one pass over each side (on DuckDB plus two reads of its key columns), whatever
 * the number of checks and columns; the second read of each side only probes the (usually small)
 * set of differing keys.
 */
export interface JoinStatement {
  sql: string;
  /**
   * Per join check, a ready-to-run query for the same engine listing every key behind the check's
   * finding, ordered by key: its first `sample_size` rows are exactly the sampled keys.
   */
  reproduce: Partial<Record<'missing_rows' | 'extra_rows' | 'value_mismatches' | 'row_hash' | 'duplicate_keys', string>>;
  /** Every key that differs in any way (missing, extra, mismatching, duplicated), with its category. */
  differences: string;
  read(result: QueryResult, sampleSize: number): JoinMeasurements;
}

const numberOrUndefined = (text: string | null) => (text === null ? undefined : Number(text));

type CteRenderer = (name: string, body: string) => string;
const plainCte: CteRenderer = (name, body) => `${name} AS (${body})`;

export function joinStatement(dialect: Dialect, bound: BoundPair, options: JoinOptions): JoinStatement {
  const { pair, keys, compared } = bound;
  const q = (name: string) => dialect.quoteIdentifier(name);
  const sampleLimit = Math.max(1, pair.sampleSize);
  const keyColumns = keys.map((_, i) => column(`k${i}`));
  const keyNames = keyColumns.map(outputName);
  const keysMatch = (left: string, right: string) => keyNames.map((k) => dialect.nullSafeEquals(`${left}.${k}`, `${right}.${k}`)).join(' AND ');

  // Columns with ignore_spaces/ignore_case keep their raw value (u) beside the compared one (v).
  const rawKept = compared.map(ignoresAnything);
  const ignoring = rawKept.some(Boolean);
  const sideRows = (role: 'source' | 'target') => {
    const typed = (column: (typeof keys)[number]) => dialect.cast(q(column[role].name), column[role].type, column.common);
    const items = [
      ...keys.map((key, i) => aliased(normalizedValue(dialect, key.ignore, typed(key)), `k${i}`)),
      ...compared.map((column, j) => aliased(normalizedValue(dialect, column.ignore, typed(column)), `v${j}`)),
      ...compared.flatMap((column, j) => (rawKept[j] ? [aliased(typed(column), `u${j}`)] : [])),
    ];
    return dialect.recomputedCte(`recon_${role}`, `\n  SELECT\n    ${selectList(items)}\n  FROM (${sideQuery(dialect, pair[role], pair.sharedFilter, keySampleCondition(dialect, bound, role))}) AS recon_side\n`);
  };
  const rowHash = dialect.rowHash(compared.map((_, j) => ({ expression: `v${j}`, type: compared[j]!.common })));
  const rawHash = ignoring ? dialect.rowHash(compared.flatMap((column, j) => (rawKept[j] ? [{ expression: `u${j}`, type: column.common }] : []))) : undefined;
  // 'ignored': equal once normalised, different raw; fetched only to count what the options hid.
  const ignoredKind = ignoring ? " WHEN hash_differs = 0 THEN 'ignored'" : '';
  const kind = aliased(`CASE WHEN source_rows > 1 OR target_rows > 1 THEN 'duplicate' WHEN target_rows = 0 THEN 'only_source' WHEN source_rows = 0 THEN 'only_target'${ignoredKind} ELSE 'changed' END`, 'kind');
  const interesting = (cte: CteRenderer) => cte('recon_interesting', `\n  SELECT ${selectList([allOf('recon_keys'), kind])}\n  FROM recon_keys\n  WHERE source_rows <> 1 OR target_rows <> 1 OR hash_differs = 1${ignoring ? ' OR raw_differs = 1' : ''}\n`);
  // Values are fetched for changed keys (to compare) and one-sided keys (to show in samples).
  const hint = (role: 'source' | 'target', relation: string) => (options.broadcast === role ? dialect.broadcastHint(relation) : '');
  const fetched = (role: 'source' | 'target', kind: string) =>
    `recon_${role}_rows AS (\n  SELECT ${hint(role, `recon_${role}`)}${renderSelectItem(allOf(`recon_${role}`))} FROM recon_${role}\n  JOIN recon_interesting AS i ON ${keysMatch('recon_' + role, 'i')} AND i.kind IN ('changed', ${ignoring ? "'ignored', " : ''}'${kind}')\n)`;

  const flags = options.compareValues
    ? compared.map((column, j) => aliased(`CASE WHEN i.kind = 'changed' AND ${differsCondition(dialect, column, `s.v${j}`, `t.v${j}`)} THEN 1 ELSE 0 END`, `d${j}`))
    : [];
  const differenceCount = flags.length > 0 ? flags.map(outputName).join(' + ') : '0';
  const comparedHints = `${hint('source', 's')}${hint('target', 't')}`.trimEnd();
  const comparedItems = [
    ...keyNames.map((k) => column(k, 'i')),
    column('kind', 'i'),
    column('source_rows', 'i'),
    column('target_rows', 'i'),
    ...compared.flatMap((_, j) => [aliased(`s.v${j}`, `s${j}`), aliased(`t.v${j}`, `t${j}`)]),
    ...compared.flatMap((_, j) => (rawKept[j] ? [aliased(`s.u${j}`, `su${j}`), aliased(`t.u${j}`, `tu${j}`)] : [])),
    ...flags,
  ];
  const comparedRows = `recon_compared AS (\n  SELECT${comparedHints ? ` ${comparedHints}` : ''}\n    ${selectList(comparedItems)}\n  FROM recon_interesting AS i\n  LEFT JOIN recon_source_rows AS s ON ${keysMatch('s', 'i')}\n  LEFT JOIN recon_target_rows AS t ON ${keysMatch('t', 'i')}\n)`;
  const cellNames = { s: (k: number) => `s${k}`, t: (k: number) => `t${k}` };
  const partners = compared.map((_, j) => partnersOf(compared, j));
  const numeric = compared.map((column) => differenceExpression(dialect, column, 's0', 't0') !== 'NULL');
  // The class each cell gets on its own (r), before constant_offset, which needs the other rows.
  const rawClassColumns = flags.length === 0 ? [] : compared.map((column, j) => aliased(classExpression(dialect, column, `s${j}`, `t${j}`, `d${j}`, { names: cellNames, j, partners: partners[j]! }), `r${j}`));
  const classItems = rawClassColumns.flatMap((classColumn, j) => [
    classColumn,
    ...(compared[j]!.tolerance ? [aliased(`CASE WHEN kind = 'changed' AND d${j} = 0 AND ${dialect.isDistinct(`s${j}`, `t${j}`)} THEN 1 ELSE 0 END`, `w${j}`)] : []),
  ]);
  const categorised = `recon_categorised AS (\n  SELECT ${selectList([
    allOf('recon_compared'),
    aliased(`CASE WHEN kind = 'changed' AND ${differenceCount} > 0 THEN 1 ELSE 0 END`, 'row_differs'),
    aliased(`CASE WHEN kind <> 'changed' THEN kind WHEN ${differenceCount} > 0 THEN 'mismatch' ELSE 'hash_only' END`, 'category'),
    ...classItems,
  ])}\n  FROM recon_compared\n)`;
  // A difference (target − source) shared by several unexplained cells of a numeric column: counted
  // per column by an aggregate over the differing rows only, joined back on the difference. A
  // window (count(*) OVER (PARTITION BY difference)) gives the same count but copies every wide
  // row once per column: a third of the join's CPU at 4 % differing keys (10M rows, bench).
  const offsetColumnIndexes = flags.length === 0 ? [] : compared.flatMap((_, j) => (numeric[j] ? [j] : []));
  const offsetColumns = offsetColumnIndexes.map((j) => aliased(`CASE WHEN r${j} = 'other' THEN ${differenceExpression(dialect, compared[j]!, `s${j}`, `t${j}`)} END`, `o${j}`));
  const offsets = (cte: CteRenderer) => cte('recon_offsets', `\n  SELECT ${selectList([allOf('recon_categorised'), ...offsetColumns])}\n  FROM recon_categorised\n`);
  const offsetCounts = offsetColumnIndexes.map((j) => `recon_offset_${j} AS (\n  SELECT o${j} AS offset_value, count(*) AS offset_rows FROM recon_offsets WHERE o${j} IS NOT NULL GROUP BY o${j}\n)`);
  const offsetJoins = offsetColumnIndexes.map((j) => `\n  LEFT JOIN recon_offset_${j} AS f${j} ON f${j}.offset_value = recon_offsets.o${j}`).join('');
  const finalClass = (j: number) => (numeric[j] ? `CASE WHEN o${j} IS NOT NULL AND o${j} <> 0 AND f${j}.offset_rows >= ${CONSTANT_OFFSET_MIN_ROWS} THEN 'constant_offset' ELSE r${j} END` : `r${j}`);
  const classColumns = flags.length === 0 ? [] : compared.map((_, j) => aliased(finalClass(j), `c${j}`));
  const classified = flags.length === 0
    ? (cte: CteRenderer) => cte('recon_classified', `\n  SELECT ${selectList([allOf('recon_categorised'), aliased(`CAST(NULL AS ${dialect.renderType({ kind: 'string' })})`, 'primary_class')], ', ')} FROM recon_categorised\n`)
    : (cte: CteRenderer) => cte('recon_classified', `\n  SELECT ${selectList([
        allOf('recon_offsets'),
        ...classColumns,
        aliased(`coalesce(${compared.map((_, j) => finalClass(j)).join(', ')})`, 'primary_class'),
        ...compared.map((column, j) => aliased(shiftHoursExpression(dialect, column, `s${j}`, `t${j}`, `r${j}`), `h${j}`)),
        ...compared.map((_, j) => aliased(swappedWithExpression(dialect, cellNames, j, partners[j]!, `r${j}`), `x${j}`)),
      ])}\n  FROM recon_offsets${offsetJoins}\n`);
  const classTotals = flags.length === 0 ? [] : compared.flatMap((column, j) => [
    ...classesFor(column, partners[j]!.length > 0).map((name) => aliased(`sum(CASE WHEN c${j} = '${name}' THEN 1 ELSE 0 END)`, `class_${j}_${name}`)),
    ...(column.tolerance ? [aliased(`sum(w${j})`, `within_tolerance_${j}`)] : []),
    ...(column.common.kind === 'timestamp' ? [aliased(`min(h${j})`, `shift_min_${j}`), aliased(`max(h${j})`, `shift_max_${j}`)] : []),
    ...(numeric[j] ? [aliased(`min(CASE WHEN c${j} = 'constant_offset' THEN o${j} END)`, `offset_min_${j}`), aliased(`max(CASE WHEN c${j} = 'constant_offset' THEN o${j} END)`, `offset_max_${j}`)] : []),
    ...(partners[j]!.length > 0 ? [aliased(`min(x${j})`, `swapped_min_${j}`), aliased(`max(x${j})`, `swapped_max_${j}`)] : []),
    // datacompy's "max diff": over every matched row (rows whose hash agrees differ by 0).
    ...(numeric[j] ? [aliased(`max(CASE WHEN kind = 'changed' THEN abs(${differenceExpression(dialect, column, `s${j}`, `t${j}`)}) END)`, `max_abs_diff_${j}`)] : []),
  ]);
  // Key columns on which every missing (extra, changed) key agrees, over all of them: a lost
  // partition or batch. Only for compound keys: a one-column key shared by all is one key.
  const patternGroups = { missing: 'target_rows = 0', extra: 'source_rows = 0', changed: 'row_differs = 1' } as const;
  const keyPatterns = keys.length < 2 ? [] : Object.entries(patternGroups).flatMap(([group, condition]) => keys.map((key, i) => {
    const value = `CASE WHEN ${condition} THEN k${i} END`;
    const shared = `min(${value}) = max(${value}) AND sum(CASE WHEN ${condition} AND k${i} IS NULL THEN 1 ELSE 0 END) = 0`;
    return aliased(`CASE WHEN ${shared} THEN ${dialect.displayText(`min(${value})`, key.common)} END`, `pattern_${group}_${i}`);
  }));

  // Rows equal only thanks to ignore_case (ignore_spaces): counted apart, never as findings.
  const ignoredTotals = (['case', 'spaces'] as const).flatMap((option) => {
    const needed = compared.flatMap((column, j) => (rawKept[j] ? [neededOption(dialect, column, option, `su${j}`, `tu${j}`)] : [])).filter((condition): condition is string => condition !== undefined);
    return needed.length === 0 ? [] : [aliased(`sum(CASE WHEN kind = 'ignored' AND (${needed.join(' OR ')}) THEN 1 ELSE 0 END)`, `ignored_${option}_rows`)];
  });
  const total = (name: (typeof TOTALS)[number], condition: string, value = '1') => aliased(`sum(CASE WHEN ${condition} THEN ${value} ELSE 0 END)`, name);
  const columnMismatches = flags.map((flag, j) => aliased(`sum(${outputName(flag)})`, `column_mismatches_${j}`));
  const totals = [
    // A key duplicated on one side and absent from the other is missing (or extra) too: its
    // rows are counted there, and so is the key, besides being a duplicate.
    total('only_source_keys', 'target_rows = 0'),
    total('only_source_rows', 'target_rows = 0', 'source_rows'),
    total('only_target_keys', 'source_rows = 0'),
    total('only_target_rows', 'source_rows = 0', 'target_rows'),
    total('mismatched_rows', 'row_differs = 1'),
    total('hash_mismatches', "kind = 'changed'"),
    total('hash_only', "kind = 'changed' AND row_differs = 0"),
    total('source_duplicate_keys', 'source_rows > 1'),
    total('source_extra_rows', 'source_rows > 1', 'source_rows - 1'),
    total('target_duplicate_keys', 'target_rows > 1'),
    total('target_extra_rows', 'target_rows > 1', 'target_rows - 1'),
    total('ambiguous_keys', 'source_rows > 0 AND target_rows > 0 AND (source_rows > 1 OR target_rows > 1)'),
    total('interesting_source_rows', "kind NOT IN ('changed', 'ignored')", 'source_rows'),
    ...columnMismatches,
    ...classTotals,
    ...keyPatterns,
    ...ignoredTotals,
  ];
  const keyOrder = keyNames.map((k) => `${k} NULLS FIRST`).join(', ');
  // Totals as one aggregate joined to the sampled rows, not as window sums over every differing
  // row: a window over the whole set is computed per column (DuckDB, ~40 % of the join pass at
  // 10M rows) and sends every differing row to a single task (Spark).
  const totalled = `recon_totals AS (\n  SELECT\n    ${selectList(totals)}\n  FROM recon_classified\n)`;
  const sampleRank = aliased(`row_number() OVER (PARTITION BY category ORDER BY ${keyOrder})`, 'sample_rank');
  const classRank = aliased(`row_number() OVER (PARTITION BY category, primary_class ORDER BY ${keyOrder})`, 'class_rank');
  // The sampled keys are ranked over a narrow projection (keys and categories) and joined back:
  // ranking the wide rows copies every column of every differing row through each window.
  const pickedKeys = keyNames.map((k) => aliased(k, `p${k}`));
  const sampled = `${outputName(sampleRank)} <= ${sampleLimit}${flags.length > 0 && pair.sampleSize > 0 ? ` OR (category = 'mismatch' AND ${outputName(classRank)} <= ${SAMPLES_PER_CLASS})` : ''}`;
  // The ranks read a narrow copy: DuckDB otherwise carries every column of the differing rows
  // through both windows (1.7 s of CPU for 470K rows at 4 % differing keys, 10M rows; 0.3 s narrow).
  const rankInput = dialect.materializedCte('recon_rank_input', `SELECT ${selectList([...keyColumns, column('category'), column('primary_class')], ', ')} FROM recon_classified`);
  const picked = `recon_picked AS (\n  SELECT ${selectList([...pickedKeys.map(passThrough), passThrough(sampleRank), passThrough(classRank)], ', ')}\n  FROM (\n    SELECT ${selectList([...pickedKeys, column('category'), sampleRank, classRank], ', ')}\n    FROM recon_rank_input\n  ) AS recon_ranks\n  WHERE ${sampled}\n)`;
  const pickedMatch = keyNames.map((k) => dialect.nullSafeEquals(`recon_classified.${k}`, `recon_picked.p${k}`)).join(' AND ');
  const outputItems = [
    column('category'),
    passThrough(sampleRank),
    ...totals.slice(0, TOTALS.length).map(passThrough),
    ...columnMismatches.map(passThrough),
    ...classTotals.map(passThrough),
    ...keyPatterns.map(passThrough),
    ...ignoredTotals.map(passThrough),
    passThrough(classRank),
    ...keys.map((key, i) => aliased(dialect.displayText(`k${i}`, key.common), `key_${i}`)),
    column('source_rows'),
    column('target_rows'),
    // Samples show the values as they are, not as ignore_spaces/ignore_case compared them.
    ...compared.flatMap((column, j) => [aliased(dialect.displayText(rawKept[j] ? `su${j}` : `s${j}`, column.common), `source_${j}`), aliased(dialect.displayText(rawKept[j] ? `tu${j}` : `t${j}`, column.common), `target_${j}`)]),
    ...flags.map(passThrough),
    ...classColumns.map(passThrough),
  ];

  // Everything up to recon_classified (one row per non-matching key, with its category) is
  // shared with the reproduce queries, which list the keys behind a check's finding.
  // The join statement has Spark compute the CTEs read several times once (Dialect.sharedCte).
  // The reproduce queries and the differing-keys query of persist_mismatches_to keep plain CTEs
  // above the key matching's (declared by key-match.ts): Spark 4.0 fails to prune the
  // columns of a shared CTE when a query reads only a few of them ("Couldn't find kind"); they
  // read recon_classified once, so little is recomputed.
  const keyMatch = { keyNames, keyTypes: keys.map((key) => key.common), rowHash, ...(rawHash ? { rawHash } : {}) };
  // With numeric columns, recon_offsets is read by their offset counts and by recon_classified,
  // so the engine keeps it and recon_classified can be derived from it (Dialect.derivedCte).
  const ctesUpToClassified = (cte: CteRenderer, derived: CteRenderer = cte) => [sideRows('source'), sideRows('target'), ...keyMatchCtes(dialect, keyMatch), interesting(cte), fetched('source', 'only_source'), fetched('target', 'only_target'), comparedRows, categorised, offsets(cte), ...offsetCounts, classified(offsetCounts.length > 0 ? derived : cte)];
  const plainCtes = ctesUpToClassified(plainCte);
  const reproduce = (categories: SampleCategory[], alsoWhere?: string): string => {
    const keyItems = keys.map((key, i) => aliased(dialect.displayText(`k${i}`, key.common), q(key.source.name)));
    const differing = categories.includes('mismatch') && flags.length > 0
      ? [aliased(`concat_ws(', ', ${compared.map((column, j) => `CASE WHEN d${j} = 1 THEN ${dialect.stringLiteral(column.label)} END`).join(', ')})`, 'differing_columns')]
      : [];
    const counts = categories.includes('duplicate') ? [column('source_rows'), column('target_rows')] : [];
    const category = categories.length > 1 ? [column('category')] : [];
    return `WITH\n${plainCtes.join(',\n')}\nSELECT\n  ${selectList([...keyItems, ...differing, ...counts, ...category], ',\n  ')}\nFROM recon_classified\nWHERE category IN (${categories.map((name) => `'${name}'`).join(', ')})${alsoWhere ? ` OR (${alsoWhere})` : ''}\nORDER BY ${keyOrder}`;
  };

  const sql = [
    'WITH',
    ...ctesUpToClassified(dialect.sharedCte, dialect.derivedCte).map((cte) => `${cte},`),
    `${totalled},`,
    `${rankInput},`,
    picked,
    `SELECT\n  ${selectList(outputItems, ',\n  ')}\nFROM recon_classified\nJOIN recon_picked ON ${pickedMatch}\nCROSS JOIN recon_totals\nORDER BY category, ${outputName(sampleRank)}`,
  ].join('\n');

  return {
    sql,
    reproduce: {
      missing_rows: reproduce(['only_source'], "category = 'duplicate' AND target_rows = 0"),
      extra_rows: reproduce(['only_target'], "category = 'duplicate' AND source_rows = 0"),
      value_mismatches: reproduce(['mismatch']),
      row_hash: reproduce(['mismatch', 'hash_only']),
      duplicate_keys: reproduce(['duplicate']),
    },
    differences: reproduce(['only_source', 'only_target', 'mismatch', 'duplicate']),
    read(result, sampleSize) {
      const at = cellsByAlias(result, 'join statement');
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
          if (flags.length === 0) return { classes: {}, withinTolerance: 0, swappedWith: [] };
          const classes: Partial<Record<MismatchClass, number>> = {};
          for (const name of classesFor(column, partners[j]!.length > 0)) {
            const value = totalOf(`class_${j}_${name}`);
            if (value > 0) classes[name] = value;
          }
          const shift = column.common.kind === 'timestamp' && first
            ? { min: at(first, `shift_min_${j}`), max: at(first, `shift_max_${j}`) }
            : undefined;
          const offset = numeric[j] && first ? { min: at(first, `offset_min_${j}`), max: at(first, `offset_max_${j}`) } : undefined;
          const swapped = partners[j]!.length > 0 && first ? [at(first, `swapped_min_${j}`), at(first, `swapped_max_${j}`)] : [];
          return {
            classes,
            withinTolerance: column.tolerance ? totalOf(`within_tolerance_${j}`) : 0,
            shiftHours: shift?.min != null && shift.max != null ? { min: Number(shift.min), max: Number(shift.max) } : undefined,
            constantOffset: offset?.min != null && offset.max != null ? { min: Number(offset.min), max: Number(offset.max) } : undefined,
            maxAbsDifference: numeric[j] && first ? numberOrUndefined(at(first, `max_abs_diff_${j}`)) : undefined,
            swappedWith: [...new Set(swapped.filter((index): index is string => index !== null).map(Number))],
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
        ignoredRows: { case: ignoredTotals.some((item) => outputName(item) === 'ignored_case_rows') ? totalOf('ignored_case_rows') : 0, spaces: ignoredTotals.some((item) => outputName(item) === 'ignored_spaces_rows') ? totalOf('ignored_spaces_rows') : 0 },
        keyPatterns: Object.fromEntries(Object.keys(patternGroups).map((group) => [group, keys.length < 2 || !first ? [] : keys.map((_, i) => at(first, `pattern_${group}_${i}`))])) as JoinMeasurements['keyPatterns'],
        samples,
      };
    },
  };
}
