import { test } from 'vitest';
import { DuckdbEngine } from '../../src/engines/duckdb/duckdb-engine.js';
import { duckdbDialect } from '../../src/sql/dialects/duckdb-dialect.js';
import { expectSumOverflowIsACheckError, WIDE_ROWS } from '../support/overflow-pair.js';

test('a DECIMAL(38,0) sum past 128 bits is an ERROR of the aggregates check, not of the pair or the run', async () => {
  const engine = await DuckdbEngine.open();
  try {
    await engine.execute('CREATE SCHEMA recon_overflow');
    for (const table of ['wide_s', 'wide_t']) await engine.execute(`CREATE TABLE recon_overflow.${table} AS SELECT * FROM (VALUES ${WIDE_ROWS}) AS v(id, amount)`);
    await expectSumOverflowIsACheckError(engine, duckdbDialect, 'recon_overflow');
  } finally {
    await engine.close();
  }
});
