import type { MismatchClass, PairResult } from '../results/results-model.js';
import { checkDetails } from './check-details.js';

/** How well one compared column agrees over the rows matched on the key. */
export interface ColumnMatchRate {
  label: string;
  /** Rows whose key is on both sides: what the column was compared over. */
  matchedRows: number;
  /** Matched rows where the column agrees (within tolerance counts as agreeing). */
  agreeingRows: number;
  mismatchingRows: number;
  withinTolerance: number;
  /** agreeingRows ÷ matchedRows, or null when no row matched. */
  rate: number | null;
  /** Numeric columns: the largest |target − source| over the matched rows. */
  maxAbsDiff?: number;
  /** Why the cells differ, most frequent first: the counts of the results model (all rows, not a sample). */
  classes: Array<{ name: MismatchClass; rows: number }>;
}

/** Every compared column of the pair, in the pair's column order; empty when the join did not run. */
export function columnMatchRates(pair: PairResult): ColumnMatchRate[] {
  const details = checkDetails(pair, 'value_mismatches');
  if (!details) return [];
  return details.columns.map((column) => {
    const agreeingRows = Math.max(0, details.comparedRows - column.mismatches);
    const classes = (Object.entries(column.classes ?? {}) as Array<[MismatchClass, number | undefined]>)
      .filter((entry): entry is [MismatchClass, number] => (entry[1] ?? 0) > 0)
      .map(([name, rows]) => ({ name, rows }))
      .sort((a, b) => b.rows - a.rows);
    return {
      label: column.label,
      matchedRows: details.comparedRows,
      agreeingRows,
      mismatchingRows: column.mismatches,
      withinTolerance: column.withinTolerance ?? 0,
      rate: details.comparedRows === 0 ? null : agreeingRows / details.comparedRows,
      ...(column.maxAbsDiff !== undefined ? { maxAbsDiff: column.maxAbsDiff } : {}),
      classes,
    };
  });
}

const MAX_DECIMALS = 6;

/**
 * Decimals of a percentage that never round a rate that is not 100 % up to 100 %, nor one that
 * is not 0 % down to 0 %: 1 mismatch in 10 million rows must not read as a perfect column.
 * At least 2; at most 6.
 */
export function matchRateDecimals(rate: number): number {
  if (rate === 1 || rate === 0) return 2;
  for (let decimals = 2; decimals < MAX_DECIMALS; decimals++) {
    const shown = Number((rate * 100).toFixed(decimals));
    if (shown < 100 && shown > 0) return decimals;
  }
  return MAX_DECIMALS;
}

/** `99.94 %`, `100.00 %`, `99.99999 %`, `> 99.999999 %` (never `100.00 %` for a column with a mismatch). */
export function matchRateText(rate: number | null): string {
  if (rate === null) return '–';
  const decimals = matchRateDecimals(rate);
  const shown = (rate * 100).toFixed(decimals);
  if (rate < 1 && Number(shown) >= 100) return `> ${(100 - 10 ** -MAX_DECIMALS).toFixed(MAX_DECIMALS)} %`;
  if (rate > 0 && Number(shown) <= 0) return `< ${(10 ** -MAX_DECIMALS).toFixed(MAX_DECIMALS)} %`;
  return `${shown} %`;
}

/** `other 1, null_vs_value 1`: the class names as results.json, the CSVs and the workbook spell them. */
export function classesText(classes: ColumnMatchRate['classes']): string {
  return classes.map((entry) => `${entry.name} ${entry.rows.toLocaleString('en-US')}`).join(', ');
}
