import type { PairConfig } from '../config/recon-config.js';
import type { QueryResult } from '../query/query-result.js';
import type { SideColumn } from '../plan/bound-pair.js';
import type { Dialect } from './dialect.js';
import type { SideRole } from './profile-statement.js';
import { sideQuery } from './side-query.js';

/**
 * A side's columns, read before anything else: metadata only, no rows. Every later statement is
 * written for the columns this one reports.
 */
export function schemaStatement(dialect: Dialect, pair: PairConfig, role: SideRole): { sql: string; side: string; read(result: QueryResult): SideColumn[] } {
  const side = sideQuery(dialect, pair[role], pair.sharedFilter);
  return {
    sql: dialect.describeStatement(side),
    side,
    read: (result) =>
      dialect.describedColumns(result).map((column): SideColumn => ({ name: column.name, engineType: column.type, type: dialect.parseType(column.type), nullable: column.nullable })),
  };
}
