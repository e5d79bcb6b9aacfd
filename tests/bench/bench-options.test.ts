import { expect, test } from 'vitest';
// @ts-expect-error -- a plain .mjs script of the benchmark, without type declarations
import { parseBenchOptions } from '../../bench/bench-options.mjs';

test('the benchmark runs DuckDB with the product default and Spark with approximate distinct counts unless told otherwise', () => {
  const options = parseBenchOptions([]);
  expect(options.sizes).toEqual([1_000_000, 10_000_000]);
  expect(options.distinctCounts).toBe('exact');
  expect(options.spark).toEqual({ sizes: [1_000_000, 10_000_000], repeat: 1, distinctCounts: 'approximate' });
});

test('Spark can be skipped or sized on its own, and a wrong distinct_counts mode is refused', () => {
  expect(parseBenchOptions(['--no-spark']).spark).toBeUndefined();
  expect(parseBenchOptions(['--spark-sizes', '100_000', '--spark-distinct-counts', 'off', '--distinct-counts', 'approximate'])).toMatchObject({
    distinctCounts: 'approximate',
    spark: { sizes: [100_000], distinctCounts: 'off' },
  });
  expect(() => parseBenchOptions(['--distinct-counts', 'fast'])).toThrow('--distinct-counts needs exact, approximate or off, got `fast`');
});
