import { expect } from 'vitest';
import { loadConfigText } from '../../src/config/load-config.js';
import type { Engine } from '../../src/engines/engine.js';
import { runSuite } from '../../src/recon/run-suite.js';
import type { Dialect } from '../../src/sql/dialect.js';

/** Two DECIMAL(38,0) values whose sum needs 39 digits: more than DECIMAL(38) and 128-bit integers hold. */
export const WIDE_ROWS = "(1, CAST('90000000000000000000000000000000000000' AS DECIMAL(38,0))), (2, CAST('90000000000000000000000000000000000000' AS DECIMAL(38,0)))";

/**
 * Runs a pair over such tables and checks that the overflow is an ERROR of the aggregates check
 * only: the pair has no error of its own and every other check ran and passed.
 */
export async function expectSumOverflowIsACheckError(engine: Engine, dialect: Dialect, schema: string): Promise<void> {
  const config = `version: 1\npairs:\n  - name: wide_sums\n    source: { table: ${schema}.wide_s }\n    target: { table: ${schema}.wide_t }\n    primary_key: [id]\n`;
  const results = await runSuite({ files: [loadConfigText(config, 'overflow.yml').file!] }, { engine, dialect });
  const pair = results.pairs[0]!;
  expect(pair.error).toBeUndefined();
  const aggregates = pair.checks.find((check) => check.check === 'aggregates')!;
  expect(aggregates.status).toBe('ERROR');
  expect(aggregates.message).toContain('the sum overflowed on the source');
  expect(pair.checks.filter((check) => check.check !== 'aggregates').map((check) => [check.check, check.status])).toEqual(
    ['row_count', 'schema', 'nulls', 'duplicate_keys', 'missing_rows', 'extra_rows', 'value_mismatches', 'row_hash'].map((check) => [check, 'PASS']),
  );
}
