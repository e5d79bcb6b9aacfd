import { describe, expect, test } from 'vitest';
import { databricksDialect } from '../../src/sql/dialects/databricks-dialect.js';
import { duckdbDialect } from '../../src/sql/dialects/duckdb-dialect.js';

// The profile's integer sums are exact past 2^63 on both engines, and cheap (README › Comparison rules).
// tests/spark runs the Databricks form against DuckDB's results on the same data.
describe('integer sums in the profile', () => {
  test('DuckDB sums up to 64-bit integers as they are (into 128 bits), wider ones as DECIMAL(38,0)', () => {
    expect(duckdbDialect.safeSum('"n"', { kind: 'integer', bits: 64 })).toBe('sum("n")');
    expect(duckdbDialect.safeSum('"n"', { kind: 'integer', bits: 128 })).toBe('sum(CAST("n" AS DECIMAL(38,0)))');
  });

  test('Databricks sums three parts of each value as BIGINT (a·2^42 + b·2^21 + c) and combines them in DECIMAL(38,0)', () => {
    const sum = databricksDialect.safeSum('`n`', { kind: 'integer', bits: 32 });
    const value = 'CAST(`n` AS BIGINT)';
    expect(sum).toBe(
      `try_add(try_add(try_multiply(CAST(try_sum(shiftright(${value}, 42)) AS DECIMAL(38,0)), 4398046511104), ` +
        `try_multiply(CAST(try_sum(shiftright(${value}, 21) & 2097151) AS DECIMAL(38,0)), 2097152)), CAST(try_sum(${value} & 2097151) AS DECIMAL(38,0)))`,
    );
    expect(4398046511104).toBe(2 ** 42);
    expect(2097152).toBe(2 ** 21);
    // The parts put back together give every 64-bit value, the extremes included.
    for (const n of [2n ** 63n - 1n, -(2n ** 63n), -1n, 0n, 2097151n, -4398046511105n]) {
      const high = n >> 42n;
      const middle = (n >> 21n) & 2097151n;
      const low = n & 2097151n;
      expect(high * 2n ** 42n + middle * 2n ** 21n + low, String(n)).toBe(n);
    }
    expect(databricksDialect.safeSum('`n`', { kind: 'integer', bits: 128 })).toBe('try_sum(CAST(`n` AS DECIMAL(38,0)))');
  });
});
