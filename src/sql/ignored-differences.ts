import type { ColumnPair, IgnoredDifferences } from '../plan/bound-pair.js';
import type { Dialect } from './dialect.js';

/**
 * `ignore_spaces` and `ignore_case` as SQL: a value is compared (and hashed, and joined on when it
 * is a key) in its normalised form, while the raw value is kept beside it so that the rows the
 * options make equal are still counted, per option, in the same join pass.
 */

/** The value as the comparison sees it: spaces trimmed, then lower-cased, as the column asks. */
export function normalizedValue(dialect: Dialect, ignore: IgnoredDifferences | undefined, expression: string): string {
  let value = expression;
  if (ignore?.spaces) value = dialect.trimSpaces(value);
  if (ignore?.case) value = `lower(${value})`;
  return value;
}

export const ignoresAnything = (column: ColumnPair) => Boolean(column.ignore?.spaces || column.ignore?.case);

/**
 * For raw values `s` and `t` that differ but compare equal once normalised: whether equality needed
 * `option`, i.e. the other option alone would not have made them equal. A row that needed both is
 * counted under both.
 */
export function neededOption(dialect: Dialect, column: ColumnPair, option: keyof IgnoredDifferences, s: string, t: string): string | undefined {
  if (!column.ignore?.[option]) return undefined;
  const withoutOption = { spaces: option === 'spaces' ? false : column.ignore.spaces, case: option === 'case' ? false : column.ignore.case };
  const other = (value: string) => normalizedValue(dialect, withoutOption, value);
  return `(${dialect.isDistinct(s, t)} AND NOT coalesce(${other(s)} = ${other(t)}, FALSE))`;
}
