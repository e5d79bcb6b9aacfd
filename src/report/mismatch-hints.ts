import type { ColumnMismatchCount, MismatchClass, PairResult } from '../results/results-model.js';
import { checkDetails } from './check-details.js';
import { countText } from './check-wording.js';

function rows(count: number): string {
  return `${countText(count)} row${count === 1 ? '' : 's'}`;
}

const be = (n: number) => (n === 1 ? 'is' : 'are');
const differ = (n: number) => (n === 1 ? 'differs' : 'differ');

function shiftText(shift: ColumnMismatchCount['shiftHours']): string {
  if (!shift) return 'by whole hours';
  const hours = (h: number) => `${h > 0 ? '+' : ''}${h} h`;
  return shift.min === shift.max ? `by exactly ${hours(shift.min)}` : `by whole hours (${hours(shift.min)} to ${hours(shift.max)})`;
}

function offsetText(offset: ColumnMismatchCount['constantOffset']): string {
  if (!offset) return 'by the same amount';
  const signed = (n: number) => `${n > 0 ? '+' : ''}${n.toLocaleString('en-US', { maximumFractionDigits: 9 })}`;
  return offset.min === offset.max ? `by exactly ${signed(offset.min)}` : `by a repeated offset (${signed(offset.min)} to ${signed(offset.max)})`;
}

/** The question a reviewer should ask about each class, phrased for one column. */
const HINTS: Record<Exclude<MismatchClass, 'other'>, (count: number, column: string, info: ColumnMismatchCount) => string> = {
  empty_vs_null: (n, c) => `${rows(n)} of ${c} ${be(n)} '' on one side and NULL on the other: an empty-string/NULL conversion?`,
  null_vs_value: (n, c) => `${rows(n)} of ${c} ${be(n)} NULL on one side only: a value lost or defaulted in the load?`,
  whitespace: (n, c) => `${rows(n)} of ${c} ${differ(n)} only in leading or trailing whitespace: trimming, or CHAR padding?`,
  case: (n, c) => `${rows(n)} of ${c} ${differ(n)} only in letter case: an upper/lower-casing step?`,
  numeric_scale: (n, c) => `${rows(n)} of ${c} ${n === 1 ? 'holds' : 'hold'} the same number written differently (10.50 vs 10.5): a number formatted as text?`,
  timezone_shift: (n, c, info) => `${rows(n)} of ${c} ${differ(n)} ${shiftText(info.shiftHours)}: a time-zone conversion in the migration?`,
  timestamp_truncated: (n, c) => `${rows(n)} of ${c} ${be(n)} truncated to a coarser precision on one side: a TIMESTAMP precision change?`,
  string_truncated: (n, c) => `${rows(n)} of ${c} ${be(n)} cut short on one side: a target column too narrow?`,
  sign_of_zero: (n, c) => `${rows(n)} of ${c} ${differ(n)} only in the sign of zero (-0 vs 0).`,
  empty_string: (n, c) => `${rows(n)} of ${c} ${be(n)} blanked to '' on one side: a default or a failed lookup in the load?`,
  sign_flipped: (n, c) => `${rows(n)} of ${c} ${be(n)} the same amount with the sign flipped: a debit/credit convention changed?`,
  rounded: (n, c) => `${rows(n)} of ${c} ${be(n)} rounded (to an integer or fewer decimals) on one side: a narrower DECIMAL scale or a ROUND in the load?`,
  scaled_by_power_of_ten: (n, c) => `${rows(n)} of ${c} ${differ(n)} by a factor of 10, 100 or 1000: cents vs units, or thousands?`,
  swapped_columns: (n, c, info) => `${rows(n)} of ${c} ${n === 1 ? 'holds' : 'hold'} the value of ${info.swappedWith?.length ? info.swappedWith.join(' or ') : 'another column'} on the other side: columns swapped or shifted in the mapping?`,
  constant_offset: (n, c, info) => `${rows(n)} of ${c} ${differ(n)} ${offsetText(info.constantOffset)}: an off-by-one, a fee or a unit offset added in the load?`,
};

/**
 * One line per column and class that explains a difference, most frequent first, followed by
 * the differences within tolerance. `column` is the already-escaped way to show a column name.
 */
export function mismatchHints(pair: PairResult, showColumn: (label: string) => string): string[] {
  const columns = checkDetails(pair, 'value_mismatches')?.columns ?? [];
  const lines: Array<{ count: number; text: string }> = [];
  for (const column of columns) {
    for (const [name, count] of Object.entries(column.classes ?? {}) as Array<[MismatchClass, number]>) {
      if (name === 'other' || !count) continue;
      const shown = column.swappedWith ? { ...column, swappedWith: column.swappedWith.map(showColumn) } : column;
      lines.push({ count, text: HINTS[name](count, showColumn(column.label), shown) });
    }
    if (column.withinTolerance) {
      lines.push({ count: 0, text: `${rows(column.withinTolerance)} of ${showColumn(column.label)} ${differ(column.withinTolerance)} within the column's tolerance (counted as matches).` });
    }
  }
  return lines.sort((a, b) => b.count - a.count).map((line) => line.text);
}
