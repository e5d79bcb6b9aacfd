import type { DistinctCountMode, Tolerance } from '../config/recon-config.js';
import type { ColumnPair } from '../plan/bound-pair.js';
import type { AggregateComparison, AggregateFunction } from '../results/results-model.js';
import type { AggregateValues } from '../sql/measurements.js';
import { absolute, add, compare, divide, type ExactDecimal, fromNumber, multiply, parseExactDecimal, subtract, toNumber, toText } from './exact-decimal.js';

/**
 * Floating-point sums depend on the order rows are added in, which differs between engines and
 * runs; this much relative slack is allowed on float sums and averages without a tolerance.
 */
export const FLOAT_SUMMATION_SLACK = 1e-9;

const AVG_EXTRA_DIGITS = 6;

/**
 * Compares one column's aggregates. Rules (README, "Aggregates"): integer and decimal
 * aggregates are exact; with a column tolerance, min, max and avg may differ by
 * abs + rel × |target|, a sum by n × abs + rel × |target| (n values each off by up to abs);
 * distinct counts must be equal (exact or, with `distinct_counts: approximate`, as sketch
 * estimates of the common type: equal values give equal estimates), and are informational when
 * the column has a tolerance. avg is sum / non-NULL count, computed here exactly rather than by
 * the engine.
 */
export function compareAggregates(
  column: ColumnPair,
  source: AggregateValues,
  target: AggregateValues,
  tolerance: Tolerance | undefined,
  distinctCounts: DistinctCountMode = 'exact',
): AggregateComparison[] {
  const isFloat = source.sum !== null && (column.source.type.kind === 'float' || column.target.type.kind === 'float');
  const results: AggregateComparison[] = [];
  const tol = tolerance ?? { abs: 0, rel: 0 };
  const n = Math.max(source.nonNull, target.nonNull);

  const compareValues = (fn: AggregateFunction, s: string | null, t: string | null, absLimit: number, relLimit: number, note?: string) => {
    results.push(compareNumbers(column.label, fn, s, t, isFloat, absLimit, relLimit, note));
  };

  const overflow = (side: AggregateValues) => side.sum === null && side.nonNull > 0;
  if (overflow(source) || overflow(target)) {
    results.push({
      label: column.label,
      function: 'sum',
      source: source.sum,
      target: target.sum,
      difference: null,
      relativeDifference: null,
      withinTolerance: false,
      note: `the sum overflowed on the ${overflow(source) ? 'source' : 'target'}; compare a narrower partition or cast the column`,
    });
  } else {
    compareValues('sum', source.sum, target.sum, tol.abs * n, tol.rel + (isFloat ? FLOAT_SUMMATION_SLACK : 0));
  }
  compareValues('min', source.min, target.min, tol.abs, tol.rel);
  compareValues('max', source.max, target.max, tol.abs, tol.rel);
  if (!overflow(source) && !overflow(target)) {
    compareValues('avg', average(source, isFloat), average(target, isFloat), tol.abs, tol.rel + (isFloat ? FLOAT_SUMMATION_SLACK : 0));
  }
  // Non-NULL values: a count, exact whatever the tolerance (a value lost is a value lost).
  results.push({
    label: column.label,
    function: 'count',
    source: String(source.nonNull),
    target: String(target.nonNull),
    difference: String(target.nonNull - source.nonNull),
    relativeDifference: source.nonNull === 0 ? (source.nonNull === target.nonNull ? 0 : null) : Math.abs(target.nonNull - source.nonNull) / source.nonNull,
    withinTolerance: source.nonNull === target.nonNull,
  });
  if (source.distinct === undefined || target.distinct === undefined) return results;
  const distinctEqual = source.distinct === target.distinct;
  const notes = [
    ...(!distinctEqual && tolerance !== undefined ? ['informational: values within the column tolerance may merge or split distinct values'] : []),
    ...(distinctCounts === 'approximate' ? ['approximate (HyperLogLog sketch): equal values give equal estimates, a difference means the values differ'] : []),
  ];
  results.push({
    label: column.label,
    function: distinctCounts === 'approximate' ? 'approx_count_distinct' : 'count_distinct',
    source: String(source.distinct),
    target: String(target.distinct),
    difference: String(target.distinct - source.distinct),
    relativeDifference: source.distinct === 0 ? (distinctEqual ? 0 : null) : Math.abs(target.distinct - source.distinct) / source.distinct,
    withinTolerance: distinctEqual || tolerance !== undefined,
    note: notes.length > 0 ? notes.join('; ') : undefined,
  });
  return results;
}

/** Float text as engines print it: DuckDB `inf`/`-inf`/`nan`, Spark `Infinity`/`NaN`/`1.0E20`. */
export function parseFloatText(text: string): number {
  const lower = text.trim().toLowerCase();
  if (lower === 'inf' || lower === 'infinity' || lower === '+inf' || lower === '+infinity') return Infinity;
  if (lower === '-inf' || lower === '-infinity') return -Infinity;
  if (lower === 'nan' || lower === '-nan') return NaN;
  return Number(text);
}

function average(values: AggregateValues, isFloat: boolean): string | null {
  if (values.sum === null || values.nonNull === 0) return null;
  if (isFloat) return String(parseFloatText(values.sum) / values.nonNull);
  const sum = parseExactDecimal(values.sum);
  if (!sum) return null;
  return toText(divide(sum, { units: BigInt(values.nonNull), scale: 0 }, sum.scale + AVG_EXTRA_DIGITS));
}

function compareNumbers(label: string, fn: AggregateFunction, s: string | null, t: string | null, isFloat: boolean, absLimit: number, relLimit: number, note?: string): AggregateComparison {
  const base = { label, function: fn, source: s, target: t, note };
  if (s === null || t === null) {
    return { ...base, difference: null, relativeDifference: null, withinTolerance: s === t };
  }
  if (isFloat) {
    const x = parseFloatText(s);
    const y = parseFloatText(t);
    const same = Object.is(x, y) || x === y || (Number.isNaN(x) && Number.isNaN(y));
    const finite = Number.isFinite(x) && Number.isFinite(y);
    const difference = finite ? y - x : null;
    const within = same || (finite && Math.abs(y - x) <= absLimit + relLimit * Math.abs(y));
    return { ...base, difference: difference === null ? null : String(difference), relativeDifference: finite && x !== 0 ? Math.abs(y - x) / Math.abs(x) : null, withinTolerance: within };
  }
  const x = parseExactDecimal(s);
  const y = parseExactDecimal(t);
  if (!x || !y) return { ...base, difference: null, relativeDifference: null, withinTolerance: s === t };
  const difference = subtract(y, x);
  const limit: ExactDecimal = add(fromNumber(absLimit), multiply(fromNumber(relLimit), absolute(y)));
  const within = compare(absolute(difference), limit) <= 0;
  const relative = x.units === 0n ? (difference.units === 0n ? 0 : null) : Math.abs(toNumber(difference) / toNumber(x));
  return { ...base, difference: toText(difference), relativeDifference: relative, withinTolerance: within };
}
