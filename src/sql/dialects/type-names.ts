import type { LogicalType } from '../../plan/logical-type.js';

/** Reads `DECIMAL(18,2)` / `NUMERIC(10)` / `DECIMAL` into precision and scale. */
export function parseDecimal(text: string, defaults: { precision: number; scale: number }): LogicalType | undefined {
  const match = /^(?:DECIMAL|NUMERIC|DEC)\s*(?:\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\))?$/i.exec(text.trim());
  if (!match) return undefined;
  const precision = match[1] ? Number(match[1]) : defaults.precision;
  const scale = match[2] ? Number(match[2]) : match[1] ? 0 : defaults.scale;
  return { kind: 'decimal', precision, scale };
}

/** The smallest DECIMAL(p,s) that holds a non-negative decimal text exactly. */
export function decimalTypeOf(decimalText: string): { precision: number; scale: number } {
  const [whole = '0', fraction = ''] = decimalText.replace(/^-/, '').split('.');
  const scale = fraction.length;
  const wholeDigits = whole.replace(/^0+/, '').length;
  return { precision: Math.max(1, wholeDigits + scale), scale };
}
