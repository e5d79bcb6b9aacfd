import type { ComparedColumn } from '../plan/bound-pair.js';
import type { LogicalType } from '../plan/logical-type.js';
import type { Dialect } from './dialect.js';

/** A JavaScript number as plain decimal text (no exponent), for exact SQL literals. */
export function plainDecimal(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(20).replace(/\.?0+$/, '');
}

/**
 * The SQL condition "source and target differ" for one compared column, never NULL.
 *
 * Rule (README, "Comparison rules"): NULL equals NULL; NaN equals NaN; otherwise, with a
 * tolerance, two finite numbers match when |s − t| <= abs + rel × |t| (relative to the target,
 * as numpy's isclose). Non-finite values and NULLs are compared exactly. Exact numbers stay
 * exact: the tolerance is cast to DECIMAL, never the column to DOUBLE.
 */
export function differsCondition(dialect: Dialect, column: ComparedColumn, source: string, target: string): string {
  const distinct = dialect.isDistinct(source, target);
  const tolerance = column.tolerance;
  if (!tolerance || (tolerance.abs === 0 && tolerance.rel === 0)) return distinct;

  const type = column.common;
  const arithmeticType: LogicalType = type.kind === 'integer' ? { kind: 'decimal', precision: 38, scale: 0 } : type;
  const s = type.kind === 'integer' ? dialect.cast(source, type, arithmeticType) : source;
  const t = type.kind === 'integer' ? dialect.cast(target, type, arithmeticType) : target;
  const abs = dialect.numericLiteral(plainDecimal(tolerance.abs), arithmeticType);
  const rel = dialect.numericLiteral(plainDecimal(tolerance.rel), arithmeticType);
  const finite = type.kind === 'float' ? `${dialect.isFinite(source)} AND ${dialect.isFinite(target)} AND ` : '';
  const within = `${finite}${dialect.absolute(`${s} - ${t}`)} <= ${abs} + ${rel} * ${dialect.absolute(t)}`;
  return `(${distinct} AND NOT coalesce(${within}, FALSE))`;
}
