/**
 * The checks a pair can run. Profile checks read each side once; join checks share one
 * key join. The order here is the order reports list them in.
 */
export const PROFILE_CHECKS = ['row_count', 'schema', 'nulls', 'aggregates'] as const;
export const JOIN_CHECKS = [
  'duplicate_keys',
  'missing_rows',
  'extra_rows',
  'value_mismatches',
  'row_hash',
] as const;
export const CHECK_NAMES = [...PROFILE_CHECKS, ...JOIN_CHECKS] as const;

export type CheckName = (typeof CHECK_NAMES)[number];
export type JoinCheckName = (typeof JOIN_CHECKS)[number];

/** The join checks that pair rows by key: not applicable to a pair without `primary_key`. */
export const KEYED_CHECKS = ['duplicate_keys', 'value_mismatches', 'row_hash'] as const satisfies readonly JoinCheckName[];

export function isJoinCheck(check: CheckName): check is JoinCheckName {
  return (JOIN_CHECKS as readonly string[]).includes(check);
}

export const CHECK_DESCRIPTIONS: Record<CheckName, string> = {
  row_count: 'row counts, source vs target',
  schema: 'column names, types and nullability',
  nulls: 'NULL count per column, each side',
  aggregates: 'non-NULL count, sum, min, max, avg and distinct count per numeric column',
  duplicate_keys: 'primary key values that occur more than once on a side',
  missing_rows: 'source rows whose key is not in the target',
  extra_rows: 'target rows whose key is not in the source',
  value_mismatches: 'rows with the same key whose column values differ beyond tolerance',
  row_hash: 'rows with the same key whose full-row hash differs',
};
