import { expect, test } from 'vitest';
// @ts-expect-error -- a plain .mjs script of the benchmark, without type declarations
import { parseBenchOptions } from '../../bench/bench-options.mjs';

test('the benchmark leaves distinct_counts unset on both engines unless told otherwise: what a user gets', () => {
  const options = parseBenchOptions([]);
  expect(options.distinctCounts).toBeUndefined();
  expect(options.spark).toEqual({ sizes: [1_000_000, 10_000_000], repeat: 1, distinctCounts: undefined });
  expect(parseBenchOptions(['--distinct-counts', 'default']).distinctCounts).toBeUndefined();
});

test('1M, 10M and 100M by default; above --peer-max-rows one run each, no peers, and profiling stays at the largest modest size', () => {
  const options = parseBenchOptions([]);
  expect(options.sizes).toEqual([1_000_000, 10_000_000, 100_000_000]);
  expect(options).toMatchObject({ repeat: 3, peerMaxRows: 10_000_000, largeRepeat: 1, profileSize: 10_000_000 });
  expect(parseBenchOptions(['--sizes', '100000', '--peer-max-rows', '50000'])).toMatchObject({ peerMaxRows: 50_000, profileSize: 100_000 });
  expect(parseBenchOptions(['--large-repeat', '2']).largeRepeat).toBe(2);
});

test('Spark can be skipped or sized on its own, and a wrong distinct_counts mode is refused', () => {
  expect(parseBenchOptions(['--no-spark']).spark).toBeUndefined();
  expect(parseBenchOptions(['--spark-sizes', '100_000', '--spark-distinct-counts', 'off', '--distinct-counts', 'approximate'])).toMatchObject({
    distinctCounts: 'approximate',
    spark: { sizes: [100_000], distinctCounts: 'off' },
  });
  expect(() => parseBenchOptions(['--distinct-counts', 'fast'])).toThrow('--distinct-counts needs default, exact, approximate or off, got `fast`');
});

test('every size runs at the two difference rates of the targets unless told otherwise; a rate must be a share', () => {
  expect(parseBenchOptions([]).rates).toEqual([0.001, 0.04]);
  expect(parseBenchOptions(['--rates', '0.01']).rates).toEqual([0.01]);
  expect(() => parseBenchOptions(['--rates', '4'])).toThrow('--rates needs shares of differing keys between 0 and 0.5');
});

test('the targets table compares with the lower bound of the same run and checks every count', async () => {
  // @ts-expect-error -- a plain .mjs script of the benchmark, without type declarations
  const { targetsOf } = await import('../../bench/bench-report.mjs');
  const truth = { missing_rows: 3, extra_rows: 2, mismatched_rows: 4, source_duplicate_keys: 1, target_duplicate_keys: 0 };
  const found = { missingRows: 3, extraRows: 2, mismatchedRows: 4, sourceDuplicateKeys: 1, targetDuplicateKeys: 0 };
  const size = (rows: number, rate: number, ratio: number) => ({
    rows, rate, truth, ratio: { median: ratio, min: ratio },
    suite: { found, statementsPerPair: 3, wallMs: { median: 1000 }, peakRssBytes: 500 * 2 ** 20 },
    lowerBound: { peakRssBytes: 300 * 2 ** 20 },
    peers: [{ name: 'reladiff', wallMs: { median: 900 } }],
  });
  const targets = targetsOf([size(1_000_000, 0.001, 1.5), size(10_000_000, 0.001, 1.1), size(10_000_000, 0.04, 1.3)], { wallMs: { median: 900 }, overheadMs: { median: 400 } }) as Array<{ target: string; pass?: boolean }>;
  const result = (prefix: string) => targets.filter((target) => target.target.startsWith(prefix)).map((target) => target.pass);
  expect(result('full suite ≤ 1.2×')).toEqual([true, false]);
  expect(result('faster than reladiff')).toEqual([false, false]);
  expect(result('peak RSS ≤')).toEqual([true, true]);
  expect(result('fixed cost')).toEqual([true]);
  expect(result('counts exact')).toEqual([true]);
});
