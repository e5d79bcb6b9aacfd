import type { BoundPair, ColumnPair } from '../plan/bound-pair.js';
import { isNumeric } from '../plan/logical-type.js';

/** Which columns the profile pass counts NULLs for and aggregates, shared by both sides. */
export interface ProfileLayout {
  /** Key columns first, then compared columns. */
  nullColumns: ColumnPair[];
  /** Compared columns that are numbers on both sides. */
  aggregateColumns: ColumnPair[];
}

export function profileLayout(bound: BoundPair): ProfileLayout {
  return {
    nullColumns: [...bound.keys, ...bound.compared],
    aggregateColumns: bound.compared.filter((column) => isNumeric(column.source.type) && isNumeric(column.target.type)),
  };
}
