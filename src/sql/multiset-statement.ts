import type { BoundPair } from '../plan/bound-pair.js';
import type { Dialect } from './dialect.js';
import type { JoinStatement } from './join-statement.js';
import type { JoinSample, SampleCategory } from './measurements.js';
import { normalizedValue } from './ignored-differences.js';
import { cellsByAlias, toCount } from './result-cells.js';
import { aliased, allOf, column, outputName, passThrough, selectList } from './select-item.js';
import { sideQuery } from './side-query.js';

/**
 * The join pass of a pair without `primary_key`: rows compared as multisets, as `EXCEPT ALL`
 * would, in one statement. Both sides' rows are grouped by every compared column at once and
 * counted per side; a row held twice in the source and once in the target is one missing row.
 * There is no key to pair rows with, so there are no value mismatches or duplicate keys: a
 * changed row is one missing and one extra row.
 */
export function multisetStatement(dialect: Dialect, bound: BoundPair): JoinStatement {
  const { pair, compared } = bound;
  const q = (name: string) => dialect.quoteIdentifier(name);
  const sampleLimit = Math.max(1, pair.sampleSize);
  const values = compared.map((_, j) => column(`v${j}`));
  const valueList = selectList(values, ', ');
  // Complex values (arrays, maps) cannot be grouped on every engine; their canonical text can.
  const groupable = (expression: string, j: number) => (compared[j]!.common.kind === 'complex' ? dialect.displayText(expression, compared[j]!.common) : expression);

  const sideRows = (role: 'source' | 'target') => {
    const items = compared.map((c, j) => aliased(groupable(normalizedValue(dialect, c.ignore, dialect.cast(q(c[role].name), c[role].type, c.common)), j), `v${j}`));
    return dialect.recomputedCte(`recon_${role}`, `\n  SELECT\n    ${selectList(items)}\n  FROM (${sideQuery(dialect, pair[role], pair.sharedFilter)}) AS recon_side\n`);
  };
  const sides = `recon_sides AS (\n  SELECT ${valueList}, 1 AS in_source FROM recon_source\n  UNION ALL\n  SELECT ${valueList}, NULL AS in_source FROM recon_target\n)`;
  const counted = `recon_rows AS (\n  SELECT ${valueList},\n    ${selectList([aliased('count(in_source)', 'source_rows'), aliased('count(*) - count(in_source)', 'target_rows')])}\n  FROM recon_sides\n  GROUP BY ${valueList}\n)`;
  const category = aliased("CASE WHEN source_rows > target_rows THEN 'only_source' ELSE 'only_target' END", 'category');
  const classified = `recon_classified AS (\n  SELECT ${selectList([allOf('recon_rows'), category])}\n  FROM recon_rows\n  WHERE source_rows <> target_rows\n)`;

  const total = (condition: string, value: string, alias: string) => aliased(`sum(CASE WHEN ${condition} THEN ${value} ELSE 0 END)`, alias);
  const totals = [
    total("category = 'only_source'", '1', 'only_source_keys'),
    total("category = 'only_source'", 'source_rows - target_rows', 'only_source_rows'),
    total("category = 'only_target'", '1', 'only_target_keys'),
    total("category = 'only_target'", 'target_rows - source_rows', 'only_target_rows'),
  ];
  const order = values.map((value) => `${outputName(value)} NULLS FIRST`).join(', ');
  const sampleRank = aliased(`row_number() OVER (PARTITION BY category ORDER BY ${order})`, 'sample_rank');
  const ranked = `recon_ranked AS (\n  SELECT ${selectList([allOf('recon_classified'), sampleRank])}\n  FROM recon_classified\n)`;
  const display = compared.map((c, j) => aliased(c.common.kind === 'complex' ? `v${j}` : dialect.displayText(`v${j}`, c.common), `value_${j}`));
  const sharedCtes = [sideRows('source'), sideRows('target'), sides, counted, classified];
  const sql = [
    'WITH',
    ...sharedCtes.map((cte) => `${cte},`),
    `recon_totals AS (\n  SELECT\n    ${selectList(totals)}\n  FROM recon_classified\n),`,
    ranked,
    `SELECT\n  ${selectList([column('category'), passThrough(sampleRank), ...totals.map(passThrough), column('source_rows'), column('target_rows'), ...display], ',\n  ')}\nFROM recon_ranked\nCROSS JOIN recon_totals\nWHERE ${outputName(sampleRank)} <= ${sampleLimit}\nORDER BY category, ${outputName(sampleRank)}`,
  ].join('\n');

  // Every differing row with how many copies each side lacks, ordered as the samples are.
  const reproduce = (categories: SampleCategory[]) => {
    const items = [...compared.map((c, j) => aliased(c.common.kind === 'complex' ? `v${j}` : dialect.displayText(`v${j}`, c.common), q(c.source.name))), column('source_rows'), column('target_rows'), ...(categories.length > 1 ? [column('category')] : [])];
    return `WITH\n${sharedCtes.join(',\n')}\nSELECT\n  ${selectList(items, ',\n  ')}\nFROM recon_classified\nWHERE category IN (${categories.map((name) => `'${name}'`).join(', ')})\nORDER BY ${order}`;
  };

  return {
    sql,
    reproduce: {
      missing_rows: reproduce(['only_source']),
      extra_rows: reproduce(['only_target']),
    },
    differences: reproduce(['only_source', 'only_target']),
    read(result, sampleSize) {
      const at = cellsByAlias(result, 'multiset statement');
      const first = result.rows[0];
      const totalOf = (alias: string) => (first ? toCount(at(first, alias)) : 0);
      const samples: JoinSample[] = result.rows
        .map((row): JoinSample => {
          const rowValues = compared.map((_, j) => at(row, `value_${j}`));
          const sample = at(row, 'category') as SampleCategory;
          return {
            category: sample,
            rank: toCount(at(row, 'sample_rank')),
            key: [],
            sourceRows: toCount(at(row, 'source_rows')),
            targetRows: toCount(at(row, 'target_rows')),
            source: sample === 'only_source' ? rowValues : compared.map(() => null),
            target: sample === 'only_target' ? rowValues : compared.map(() => null),
            differs: compared.map(() => false),
            classes: compared.map(() => null),
            classRank: 0,
          };
        })
        .filter((sample) => sample.rank <= sampleSize);
      return {
        onlySourceKeys: totalOf('only_source_keys'),
        onlySourceRows: totalOf('only_source_rows'),
        onlyTargetKeys: totalOf('only_target_keys'),
        onlyTargetRows: totalOf('only_target_rows'),
        mismatchedRows: 0,
        columnMismatches: compared.map(() => 0),
        columnExplanations: compared.map(() => ({ classes: {}, withinTolerance: 0, swappedWith: [] })),
        hashMismatches: 0,
        hashOnly: 0,
        duplicates: { source: { keys: 0, extraRows: 0 }, target: { keys: 0, extraRows: 0 } },
        ambiguousKeys: 0,
        interestingSourceRows: totalOf('only_source_rows'),
        keyPatterns: { missing: [], extra: [], changed: [] },
        ignoredRows: { case: 0, spaces: 0 },
        samples,
      };
    },
  };
}
