import { integerDigits, type LogicalType, sameType, STRING } from './logical-type.js';

/**
 * How a column's type changed from source to target, and the type both sides are compared in.
 *
 * - `same`: identical types.
 * - `widening`: every source value fits the target type (int → bigint, decimal(10,2) →
 *   decimal(12,4), date → timestamp). A warning: usually intended, worth a look.
 * - `narrowing`: same family, but some source values may not fit (bigint → int, fewer decimal
 *   digits). A warning; the value check shows whether real data was lost.
 * - `timezone`: timestamp with vs without time zone. A warning; compared as UTC.
 * - `incompatible`: different families (string → int, date → string). A failure; values are
 *   compared as their canonical text so the row checks can still run.
 */
export type TypeChange = 'same' | 'widening' | 'narrowing' | 'timezone' | 'incompatible';

export interface TypeComparison {
  change: TypeChange;
  common: LogicalType;
}

const MAX_DECIMAL_PRECISION = 38;

export function compareTypes(source: LogicalType, target: LogicalType): TypeComparison {
  if (sameType(source, target)) return { change: 'same', common: source };
  const s = source;
  const t = target;

  if (s.kind === 'integer' && t.kind === 'integer') {
    return { change: t.bits > s.bits ? 'widening' : 'narrowing', common: s.bits > t.bits ? s : t };
  }
  if ((s.kind === 'integer' || s.kind === 'decimal') && (t.kind === 'integer' || t.kind === 'decimal')) {
    const sDec = asDecimal(s);
    const tDec = asDecimal(t);
    const scale = Math.max(sDec.scale, tDec.scale);
    const whole = Math.max(sDec.precision - sDec.scale, tDec.precision - tDec.scale);
    const fits = tDec.scale >= sDec.scale && tDec.precision - tDec.scale >= sDec.precision - sDec.scale;
    const common: LogicalType = { kind: 'decimal', precision: Math.min(MAX_DECIMAL_PRECISION, whole + scale), scale };
    return { change: fits ? 'widening' : 'narrowing', common };
  }
  if (s.kind === 'float' && t.kind === 'float') {
    return { change: t.bits > s.bits ? 'widening' : 'narrowing', common: { kind: 'float', bits: 64 } };
  }
  if ((s.kind === 'float' || t.kind === 'float') && isNumber(s) && isNumber(t)) {
    // Exact numbers and floats meet in DOUBLE: a float target can hold the magnitude, not every digit.
    return { change: 'narrowing', common: { kind: 'float', bits: 64 } };
  }
  if (s.kind === 'date' && t.kind === 'timestamp') {
    return { change: 'widening', common: { kind: 'timestamp', withTimeZone: false } };
  }
  if (s.kind === 'timestamp' && t.kind === 'date') {
    return { change: 'narrowing', common: { kind: 'timestamp', withTimeZone: false } };
  }
  if (s.kind === 'timestamp' && t.kind === 'timestamp') {
    return { change: 'timezone', common: { kind: 'timestamp', withTimeZone: false } };
  }
  return { change: 'incompatible', common: STRING };
}

function isNumber(type: LogicalType): boolean {
  return type.kind === 'integer' || type.kind === 'decimal' || type.kind === 'float';
}

function asDecimal(type: LogicalType): { precision: number; scale: number } {
  if (type.kind === 'decimal') return type;
  if (type.kind === 'integer') return { precision: integerDigits(type.bits), scale: 0 };
  throw new Error(`not an exact number: ${type.kind}`);
}
