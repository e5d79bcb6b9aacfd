/**
 * Why a cell differs, the first that applies, in the order the join's SQL tries them
 * (sql/mismatch-classes.ts): one side '' and the other NULL; NULL on one side only; only
 * leading/trailing whitespace; only letter case; the same number written with another scale or
 * trailing zeros; a timestamp shifted by whole hours (≤ 26 h: a time-zone conversion); a timestamp
 * truncated to ms/s/min/h/day; a string blanked to ''; one string a prefix of the other; -0 vs 0;
 * for numbers the sign flipped, rounded to 0–4 decimals, scaled by 10^±1–3; the value of another
 * column of the same type on the other side (swapped or shifted columns); for numbers the same
 * non-zero difference (target − source) on two or more rows (a constant offset); other. Cells within
 * a column's tolerance are matches, counted apart, so they are not a class.
 */
export const MISMATCH_CLASSES = [
  'empty_vs_null',
  'null_vs_value',
  'whitespace',
  'case',
  'numeric_scale',
  'timezone_shift',
  'timestamp_truncated',
  'empty_string',
  'string_truncated',
  'sign_of_zero',
  'sign_flipped',
  'rounded',
  'scaled_by_power_of_ten',
  'swapped_columns',
  'constant_offset',
  'other',
] as const;

export type MismatchClass = (typeof MISMATCH_CLASSES)[number];
