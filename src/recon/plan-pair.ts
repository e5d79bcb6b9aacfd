import type { PairConfig } from '../config/recon-config.js';
import type { Engine } from '../engines/engine.js';
import { bindPair } from '../plan/bind-pair.js';
import type { SideColumn } from '../plan/bound-pair.js';
import type { Dialect } from '../sql/dialect.js';
import { joinStatement } from '../sql/join-statement.js';
import { profileStatement } from '../sql/profile-statement.js';
import { sideQuery } from '../sql/side-query.js';
import { isJoinCheck } from '../config/check-names.js';

export interface PlannedStatement {
  purpose: string;
  sql: string;
}

/**
 * The statements a pair will run, rendered for `dialect`. Schemas are read through `engine`
 * (metadata only, no rows), so the SQL names the real columns.
 */
export async function planPair(pair: PairConfig, engine: Engine, engineDialect: Dialect, dialect: Dialect): Promise<PlannedStatement[]> {
  const columns = async (role: 'source' | 'target') =>
    (await engine.describe(sideQuery(engineDialect, pair[role], pair.sharedFilter))).map(
      (column): SideColumn => ({ name: column.name, engineType: column.type, type: engineDialect.parseType(column.type), nullable: column.nullable }),
    );
  const bound = bindPair(pair, await columns('source'), await columns('target'));
  const statements: PlannedStatement[] = [
    { purpose: 'profile-source', sql: profileStatement(dialect, bound, 'source').sql },
    { purpose: 'profile-target', sql: profileStatement(dialect, bound, 'target').sql },
  ];
  if (pair.checks.some(isJoinCheck)) {
    statements.push({
      purpose: 'join',
      sql: joinStatement(dialect, bound, { compareValues: pair.checks.includes('value_mismatches') }).sql,
    });
  }
  return statements;
}
