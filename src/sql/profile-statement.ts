import type { PairConfig } from '../config/recon-config.js';
import type { QueryResult } from '../query/query-result.js';
import type { BoundPair, SideColumn } from '../plan/bound-pair.js';
import type { Dialect } from './dialect.js';
import type { SideProfile } from './measurements.js';
import { profileLayout } from './profile-layout.js';
import { rowByAlias, toCount } from './result-cells.js';
import { keySampleCondition } from './key-sample.js';
import { sideQuery } from './side-query.js';

export type SideRole = 'source' | 'target';

/** Groups a side's profile returns at most with `group_by`: enough for days, regions, products; not for a key. */
export const MAX_GROUPS = 10_000;

/**
 * One pass over a side: row count, NULLs per column and the numeric aggregates, all in a single
 * aggregate query (duplicate keys are found by the join pass, which groups by key anyway). Values come back as display text so
 * DECIMAL and BIGINT never pass through a JavaScript number.
 */
export function profileStatement(dialect: Dialect, bound: BoundPair, role: SideRole, options: { withoutSums?: boolean } = {}): { sql: string; read(result: QueryResult): SideProfile } {
  const layout = profileLayout(bound);
  const pair: PairConfig = bound.pair;
  const column = (side: { source: SideColumn; target: SideColumn }) => side[role];
  const ref = (side: { source: SideColumn; target: SideColumn }) => dialect.quoteIdentifier(column(side).name);

  const items: string[] = ['count(*) AS row_count'];
  if (bound.keys.length > 0) {
    items.push(`sum(CASE WHEN ${bound.keys.map((key) => `${ref(key)} IS NULL`).join(' OR ')} THEN 1 ELSE 0 END) AS null_key_rows`);
  }
  layout.nullColumns.forEach((entry, index) => {
    items.push(`count(*) - count(${ref(entry)}) AS nulls_${index}`);
  });
  layout.aggregateColumns.forEach((entry, index) => {
    const type = column(entry).type;
    // Without sums: the retry after an engine (DuckDB) aborted the statement on a sum overflow;
    // a NULL sum over non-NULL values is then reported as the overflow it was.
    items.push(options.withoutSums ? `${dialect.nullOf({ kind: 'string' })} AS sum_${index}` : `${dialect.displayText(dialect.safeSum(ref(entry), type), type.kind === 'float' ? type : sumType(type))} AS sum_${index}`);
    items.push(`${dialect.displayText(`min(${ref(entry)})`, type)} AS min_${index}`);
    items.push(`${dialect.displayText(`max(${ref(entry)})`, type)} AS max_${index}`);
    if (bound.distinctCounts === 'exact') items.push(`count(DISTINCT ${ref(entry)}) AS distinct_${index}`);
    // A sketch hashes the typed value: both sides sketch the common type, so equal values agree.
    else if (bound.distinctCounts === 'approximate') items.push(`${dialect.approxCountDistinct(dialect.cast(ref(entry), type, entry.common))} AS distinct_${index}`);
    items.push(`count(${ref(entry)}) AS non_null_${index}`);
  });

  const from = `FROM (${sideQuery(dialect, pair[role], pair.sharedFilter, keySampleCondition(dialect, bound, role))}) AS recon_side`;
  // group_by: the same pass also aggregates per group (GROUPING SETS: the whole side and each
  // group in one scan); the whole side's row comes first, then the groups in order, bounded.
  const groups = bound.groupBy.map((entry) => dialect.quoteIdentifier(column(entry).name));
  const groupItems = bound.groupBy.map((entry, i) => `${dialect.displayText(dialect.cast(groups[i]!, column(entry).type, entry.common), entry.common)} AS group_${i}`);
  const sql = groups.length === 0
    ? `SELECT\n  ${items.join(',\n  ')}\n${from}`
    : `SELECT\n  ${[...items, `grouping(${groups[0]}) AS recon_whole`, ...groupItems].join(',\n  ')}\n${from}\nGROUP BY GROUPING SETS ((), (${groups.join(', ')}))\nORDER BY recon_whole DESC, ${groups.map((_, i) => `group_${i} NULLS FIRST`).join(', ')}\nLIMIT ${MAX_GROUPS + 2}`;

  return {
    sql,
    read(result) {
      const cell = rowByAlias(result);
      const aggregatesOf = (at: (alias: string) => string | null) => layout.aggregateColumns.map((_, index) => ({
        sum: at(`sum_${index}`),
        min: at(`min_${index}`),
        max: at(`max_${index}`),
        distinct: bound.distinctCounts === 'off' ? undefined : toCount(at(`distinct_${index}`)),
        nonNull: toCount(at(`non_null_${index}`)),
      }));
      const profile: SideProfile = {
        rows: toCount(cell('row_count')),
        nullKeyRows: bound.keys.length > 0 ? toCount(cell('null_key_rows')) : undefined,
        nulls: layout.nullColumns.map((_, index) => toCount(cell(`nulls_${index}`))),
        aggregates: aggregatesOf(cell),
      };
      if (groups.length === 0) return profile;
      const groupRows = result.rows.slice(1).map((_, i) => rowByAlias(result, i + 1));
      return {
        ...profile,
        groups: groupRows.slice(0, MAX_GROUPS).map((at) => ({ key: groups.map((_, i) => at(`group_${i}`)), rows: toCount(at('row_count')), aggregates: aggregatesOf(at) })),
        groupsTruncated: groupRows.length > MAX_GROUPS,
      };
    },
  };
}

function sumType(type: SideColumn['type']): SideColumn['type'] {
  return type.kind === 'decimal' ? { kind: 'decimal', precision: 38, scale: type.scale } : { kind: 'decimal', precision: 38, scale: 0 };
}
