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
    if (pair.distinctCounts === 'exact') items.push(`count(DISTINCT ${ref(entry)}) AS distinct_${index}`);
    // A sketch hashes the typed value: both sides sketch the common type, so equal values agree.
    else if (pair.distinctCounts === 'approximate') items.push(`${dialect.approxCountDistinct(dialect.cast(ref(entry), type, entry.common))} AS distinct_${index}`);
    items.push(`count(${ref(entry)}) AS non_null_${index}`);
  });

  const sql = `SELECT\n  ${items.join(',\n  ')}\nFROM (${sideQuery(dialect, pair[role], pair.sharedFilter, keySampleCondition(dialect, bound, role))}) AS recon_side`;

  return {
    sql,
    read(result) {
      const cell = rowByAlias(result);
      return {
        rows: toCount(cell('row_count')),
        nullKeyRows: bound.keys.length > 0 ? toCount(cell('null_key_rows')) : undefined,
        nulls: layout.nullColumns.map((_, index) => toCount(cell(`nulls_${index}`))),
        aggregates: layout.aggregateColumns.map((_, index) => ({
          sum: cell(`sum_${index}`),
          min: cell(`min_${index}`),
          max: cell(`max_${index}`),
          distinct: pair.distinctCounts === 'off' ? undefined : toCount(cell(`distinct_${index}`)),
          nonNull: toCount(cell(`non_null_${index}`)),
        })),
      };
    },
  };
}

function sumType(type: SideColumn['type']): SideColumn['type'] {
  return type.kind === 'decimal' ? { kind: 'decimal', precision: 38, scale: type.scale } : { kind: 'decimal', precision: 38, scale: 0 };
}
