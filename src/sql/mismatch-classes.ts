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

/** The most columns of the same type a differing cell is looked up in (swapped_columns), so wide tables stay cheap. */
const MAX_PARTNERS = 12;
/** A difference shared by this many cells of a column is a constant offset, not chance. */
export const CONSTANT_OFFSET_MIN_ROWS = 2;

const isNumeric = (column: ComparedColumn) => column.common.kind === 'integer' || column.common.kind === 'decimal' || column.common.kind === 'float';

/**
 * The other compared columns (by index) a cell of column `j` may have been swapped or shifted
 * with: those of the same kind of type, nearest first.
 */
export function partnersOf(compared: readonly ComparedColumn[], j: number): number[] {
  const kind = compared[j]!.common.kind;
  if (kind === 'complex' || kind === 'boolean') return [];
  return compared
    .map((column, k) => ({ k, distance: Math.abs(k - j) }))
    .filter(({ k }) => k !== j && compared[k]!.common.kind === kind)
    .sort((a, b) => a.distance - b.distance || a.k - b.k)
    .slice(0, MAX_PARTNERS)
    .map(({ k }) => k);
}

/** The classes a column of this type can produce, in evaluation order. */
export function classesFor(column: ComparedColumn, hasPartners: boolean): MismatchClass[] {
  const swapped: MismatchClass[] = hasPartners ? ['swapped_columns'] : [];
  switch (column.common.kind) {
    case 'string':
      return ['empty_vs_null', 'null_vs_value', 'whitespace', 'case', 'numeric_scale', 'empty_string', 'string_truncated', 'sign_of_zero', ...swapped, 'other'];
    case 'timestamp':
      return ['null_vs_value', 'timezone_shift', 'timestamp_truncated', ...swapped, 'other'];
    case 'decimal':
    case 'float':
      return ['null_vs_value', 'sign_flipped', 'rounded', 'scaled_by_power_of_ten', ...swapped, 'constant_offset', 'other'];
    case 'integer':
      return ['null_vs_value', 'sign_flipped', 'scaled_by_power_of_ten', ...swapped, 'constant_offset', 'other'];
    default:
      return ['null_vs_value', ...swapped, 'other'];
  }
}

/** A cell's value and the other side's, by compared column: `s(k)` and `t(k)` name them in SQL. */
export interface CellNames {
  s: (k: number) => string;
  t: (k: number) => string;
}

/**
 * The value of column `j` moved to a partner column `k` on the other side, which differs in the same
 * row: `s(j) = t(k)` with `s(k) <> t(k)`, or the other way round. Requiring the partner to differ too
 * keeps two low-cardinality columns that merely share a value (flags, codes) out of it.
 */
function swappedCondition(dialect: Dialect, names: CellNames, j: number, k: number): string {
  const partnerDiffers = dialect.isDistinct(names.s(k), names.t(k));
  return `((${names.s(j)} = ${names.t(k)} OR ${names.t(j)} = ${names.s(k)}) AND ${partnerDiffers})`;
}

/** Which partner column the value of column `j` was found in (its index), or NULL. */
export function swappedWithExpression(dialect: Dialect, names: CellNames, j: number, partners: readonly number[], classColumn: string): string {
  if (partners.length === 0) return 'NULL';
  return `CASE WHEN ${classColumn} = 'swapped_columns' THEN CASE ${partners.map((k) => `WHEN ${swappedCondition(dialect, names, j, k)} THEN ${k}`).join(' ')} END END`;
}

/**
 * target − source of a numeric cell, in a type that cannot overflow and compares exactly across rows:
 * DOUBLE rounded to the column's scale for decimals (a difference of two DECIMAL(38) values could
 * abort the join in ANSI mode), to 9 decimals for floating point; NULL for other types.
 */
export function differenceExpression(dialect: Dialect, column: ComparedColumn, s: string, t: string): string {
  if (!isNumeric(column)) return 'NULL';
  const double = { kind: 'float', bits: 64 } as const;
  const difference = `(${dialect.cast(t, column.common, double)} - ${dialect.cast(s, column.common, double)})`;
  if (column.common.kind === 'integer') return difference;
  const decimals = column.common.kind === 'decimal' ? column.common.scale : 9;
  return `round(${difference}, ${decimals})`;
}

/**
 * A CASE expression naming the class of a differing cell (source `s`, target `t`, both in the
 * column's common type), or NULL when the cell does not differ (`differs` is 0).
 */
export function classExpression(dialect: Dialect, column: ComparedColumn, s: string, t: string, differs: string, swapped?: { names: CellNames; j: number; partners: readonly number[] }): string {
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
  if (swapped && swapped.partners.length > 0) {
    branches.push(`WHEN ${swapped.partners.map((k) => swappedCondition(dialect, swapped.names, swapped.j, k)).join(' OR ')} THEN 'swapped_columns'`);
  }
  // constant_offset needs the other rows: the join statement turns 'other' into it afterwards.
  return `CASE WHEN ${differs} = 0 THEN NULL ${branches.join(' ')} ELSE 'other' END`;
}

/** Whole hours the target is shifted by, for timezone_shift hints; NULL otherwise. */
export function shiftHoursExpression(dialect: Dialect, column: ComparedColumn, s: string, t: string, classColumn: string): string {
  if (column.common.kind !== 'timestamp') return 'NULL';
  return `CASE WHEN ${classColumn} = 'timezone_shift' THEN ${dialect.integerDivide(`${dialect.epochMicros(t, column.common)} - ${dialect.epochMicros(s, column.common)}`, String(MICROS_PER_HOUR)) } END`;
}
