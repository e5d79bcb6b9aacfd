import type { ComparedColumn } from '../plan/bound-pair.js';
import type { MismatchClass } from '../results/mismatch-classes.js';
import type { Dialect } from './dialect.js';

/**
 * Why a cell differs (results/mismatch-classes.ts), decided in SQL for every differing cell (not
 * from a sample), in that order; the first class that matches wins.
 */

const MICROS_PER_HOUR = 3_600_000_000;
/** UTC offsets span −12 h to +14 h: a larger whole-hour shift is not a time-zone conversion. */
const MAX_ZONE_SHIFT_HOURS = 26;
/** Decimals a value may have been rounded to (0: to an integer). */
const ROUNDING_DECIMALS = [0, 1, 2, 3, 4];
/** Factors of a unit change (cents vs units, thousands): target ÷ source. */
const POWERS_OF_TEN = ['1000', '100', '10', '0.1', '0.01', '0.001'];
/** Coarser precisions a timestamp may have been truncated to: ms, s, min, h, day. */
const TRUNCATION_UNITS_MICROS = [1000, 1_000_000, 60_000_000, 3_600_000_000, 86_400_000_000];

/** The classes a column of this type can produce, in evaluation order. */
export function classesFor(column: ComparedColumn): MismatchClass[] {
  switch (column.common.kind) {
    case 'string':
      return ['empty_vs_null', 'null_vs_value', 'whitespace', 'case', 'numeric_scale', 'empty_string', 'string_truncated', 'sign_of_zero', 'other'];
    case 'timestamp':
      return ['null_vs_value', 'timezone_shift', 'timestamp_truncated', 'other'];
    case 'decimal':
    case 'float':
      return ['null_vs_value', 'sign_flipped', 'rounded', 'scaled_by_power_of_ten', 'other'];
    case 'integer':
      return ['null_vs_value', 'sign_flipped', 'scaled_by_power_of_ten', 'other'];
    default:
      return ['null_vs_value', 'other'];
  }
}

/**
 * A CASE expression naming the class of a differing cell (source `s`, target `t`, both in the
 * column's common type), or NULL when the cell does not differ (`differs` is 0).
 */
export function classExpression(dialect: Dialect, column: ComparedColumn, s: string, t: string, differs: string): string {
  const branches: string[] = [];
  const oneSideNull = `(${s} IS NULL) <> (${t} IS NULL)`;
  const kind = column.common.kind;
  if (kind === 'string') {
    branches.push(`WHEN ${oneSideNull} AND coalesce(${s}, ${t}) = '' THEN 'empty_vs_null'`);
  }
  branches.push(`WHEN ${oneSideNull} THEN 'null_vs_value'`);
  if (kind === 'string') {
    const sn = dialect.tryDecimal(s);
    const tn = dialect.tryDecimal(t);
    const negative = (x: string) => `(substring(${dialect.trimWhitespace(x)}, 1, 1) = '-')`;
    branches.push(`WHEN ${dialect.trimWhitespace(s)} = ${dialect.trimWhitespace(t)} THEN 'whitespace'`);
    branches.push(`WHEN lower(${s}) = lower(${t}) THEN 'case'`);
    branches.push(`WHEN ${sn} = ${tn} AND NOT (${sn} = 0 AND ${negative(s)} <> ${negative(t)}) THEN 'numeric_scale'`);
    // 'x' → '' is a value blanked out, not a string cut short to nothing.
    branches.push(`WHEN ${s} = '' OR ${t} = '' THEN 'empty_string'`);
    branches.push(`WHEN length(${s}) <> length(${t}) AND (substring(${s}, 1, length(${t})) = ${t} OR substring(${t}, 1, length(${s})) = ${s}) THEN 'string_truncated'`);
    branches.push(`WHEN ${sn} = 0 AND ${tn} = 0 THEN 'sign_of_zero'`);
  }
  if (kind === 'integer' || kind === 'decimal' || kind === 'float') {
    // Compared as DOUBLE: negating or scaling the native value could overflow a BIGINT or a
    // DECIMAL(38) and abort the whole join; a class is an explanation, not a count that gates.
    const double = { kind: 'float', bits: 64 } as const;
    const sd = dialect.cast(s, column.common, double);
    const td = dialect.cast(t, column.common, double);
    branches.push(`WHEN ${sd} <> 0 AND ${sd} = -${td} THEN 'sign_flipped'`);
    if (kind !== 'integer') {
      // Only the target as the rounded source: the other way round, every integer-valued source
      // next to a target within 0.5 would read as "rounded".
      const rounded = ROUNDING_DECIMALS.map((decimals) => `round(${sd}, ${decimals}) = ${td}`).join(' OR ');
      branches.push(`WHEN ${rounded} THEN 'rounded'`);
    }
    const scaled = POWERS_OF_TEN.map((factor) => `abs(${td} / ${sd} - ${factor}) <= ${factor} * 0.000000001`).join(' OR ');
    branches.push(`WHEN ${sd} <> 0 AND (${scaled}) THEN 'scaled_by_power_of_ten'`);
  }
  if (kind === 'timestamp') {
    const su = dialect.epochMicros(s, column.common);
    const tu = dialect.epochMicros(t, column.common);
    const shift = `(${tu} - ${su})`;
    branches.push(`WHEN ${shift} % ${MICROS_PER_HOUR} = 0 AND ${dialect.absolute(shift)} <= ${MAX_ZONE_SHIFT_HOURS * MICROS_PER_HOUR} THEN 'timezone_shift'`);
    const truncated = TRUNCATION_UNITS_MICROS.map(
      (unit) => `(${dialect.integerDivide(su, String(unit))} = ${dialect.integerDivide(tu, String(unit))} AND (${su} % ${unit} = 0 OR ${tu} % ${unit} = 0))`,
    ).join(' OR ');
    branches.push(`WHEN ${truncated} THEN 'timestamp_truncated'`);
  }
  return `CASE WHEN ${differs} = 0 THEN NULL ${branches.join(' ')} ELSE 'other' END`;
}

/** Whole hours the target is shifted by, for timezone_shift hints; NULL otherwise. */
export function shiftHoursExpression(dialect: Dialect, column: ComparedColumn, s: string, t: string, classColumn: string): string {
  if (column.common.kind !== 'timestamp') return 'NULL';
  return `CASE WHEN ${classColumn} = 'timezone_shift' THEN ${dialect.integerDivide(`${dialect.epochMicros(t, column.common)} - ${dialect.epochMicros(s, column.common)}`, String(MICROS_PER_HOUR)) } END`;
}
