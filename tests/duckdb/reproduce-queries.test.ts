import path from 'node:path';
import { expect, test } from 'vitest';
import { loadConfigsOrThrow } from '../../src/config/load-config.js';
import { DuckdbEngine } from '../../src/engines/duckdb/duckdb-engine.js';
import { runSuite } from '../../src/recon/run-suite.js';
import { duckdbDialect } from '../../src/sql/dialects/duckdb-dialect.js';
import { REPO_ROOT } from '../support/cli.js';
import { expectReproduceQueriesMatchSamples } from '../support/reproduce-check.js';

test('each check that found something carries a query that lists exactly the sampled keys first', async () => {
  const config = loadConfigsOrThrow([path.join(REPO_ROOT, 'recon-configs')]);
  const engine = await DuckdbEngine.open({ mounts: [path.join(REPO_ROOT, 'demo-data')] });
  try {
    const results = await runSuite(config, { engine, dialect: duckdbDialect });
    const [fact, dim] = results.pairs;
    expect(Object.keys(fact!.reproduce ?? {}).sort()).toEqual(['extra_rows', 'missing_rows', 'row_hash', 'value_mismatches']);
    expect(dim!.reproduce).toBeUndefined();
    expect(await expectReproduceQueriesMatchSamples(engine, fact!, 20)).toEqual(['missing_rows', 'extra_rows', 'value_mismatches']);
    const differing = await engine.query(fact!.reproduce!.value_mismatches!);
    expect(differing.rows.map((row) => row[4])).toEqual(['charge_off_amount', 'fraud_count', 'purchases_amount', 'a120_amount']);
  } finally {
    await engine.close();
  }
});
