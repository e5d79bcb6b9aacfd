import { neutraliseFormula } from './spreadsheet-safety.js';

/**
 * A value from the data as a workbook cell. Results keep sums and sample cells as exact text;
 * Excel stores numbers as doubles and keeps 15 significant digits, silently rounding the rest.
 * So a decimal with at most 15 significant digits becomes a number whose format shows exactly
 * the digits of the text (86925906.00 stays 86,925,906.00); anything longer, such as a BIGINT
 * beyond 2^53 or a DECIMAL(38,10), stays text, right-aligned like a number, never rounded.
 */
export const EXCEL_SIGNIFICANT_DIGITS = 15;

export interface CellContent {
  value: string | number | null;
  numFmt?: string;
  alignRight?: boolean;
  /** A SQL NULL, shown as a greyed NULL so it reads differently from an empty string. */
  isNull?: boolean;
}

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

export function significantDigits(integerPart: string, fraction: string): number {
  const digits = `${integerPart}${fraction}`.replace(/^0+/, '');
  return fraction ? digits.replace(/0+$/, '').length : digits.length;
}

export function decimalFormat(scale: number, grouping: boolean): string {
  const base = grouping ? '#,##0' : '0';
  return scale > 0 ? `${base}.${'0'.repeat(scale)}` : base;
}

/** A value from the data: a number when Excel can hold it exactly, else formula-safe text. */
export function dataCell(text: string | null, options: { grouping?: boolean } = {}): CellContent {
  if (text === null) return { value: 'NULL', isNull: true };
  const match = DECIMAL.exec(text);
  if (!match) return { value: neutraliseFormula(text) };
  const [, , integerPart = '', fraction = ''] = match;
  if (significantDigits(integerPart, fraction) > EXCEL_SIGNIFICANT_DIGITS) return { value: text, alignRight: true };
  return { value: Number(text), numFmt: decimalFormat(fraction.length, options.grouping ?? false) };
}

/** Text that is ours or a name from a config: still formula-safe, since configs come from pull requests. */
export function textCell(text: string | undefined | null): CellContent {
  return { value: text === undefined || text === null ? null : neutraliseFormula(text) };
}

export function countCell(value: number | undefined | null): CellContent {
  return { value: value ?? null, numFmt: '#,##0' };
}

/** A percentage given as 0–100 in the results, stored as a fraction so Excel's % format applies. */
export function percentCell(percent: number | undefined | null): CellContent {
  return { value: percent === undefined || percent === null ? null : percent / 100, numFmt: '0.00%' };
}

export function ratioCell(ratio: number | null): CellContent {
  return { value: ratio, numFmt: '0.0000%' };
}
