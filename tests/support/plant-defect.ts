import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { REPO_ROOT } from './cli.js';

/**
 * The demo configs over a copy of the demo data inside the config folder (`<folder>/data`), so
 * that a test can plant one more defect in the target and compare the run with an earlier one.
 */
export function demoConfigCopy(configDir: string): { configDir: string; targetFact: string } {
  cpSync(path.join(REPO_ROOT, 'demo-data'), path.join(configDir, 'data'), { recursive: true });
  const config = readFileSync(path.join(REPO_ROOT, 'recon-configs/card-portfolio.yml'), 'utf8').replace('mount: ../demo-data', 'mount: data');
  writeFileSync(path.join(configDir, 'card-portfolio.yml'), config);
  return { configDir, targetFact: path.join(configDir, 'data/lakehouse/fact_executive_summary.parquet') };
}

/** The matched demo row the baseline tests change: it differs in no check of the shipped demo. */
export const PLANTED_KEY = ['20240101', '100', '1000', '2'];

/**
 * One more defect in a copy of the demo's lakehouse fact table: a cent more charge-off on a row
 * that matched. Against the demo run it is exactly one new finding (a value_mismatches key).
 */
export async function plantDefect(factParquet: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const changed = `${factParquet}.changed.parquet`;
  const quoted = (text: string) => `'${text.replace(/'/g, "''")}'`;
  const [date, institution, corporation, product] = PLANTED_KEY;
  await connection.run(
    `COPY (SELECT * REPLACE ((CASE WHEN date_key = ${date} AND institution_id = ${institution} AND corporation_id = ${corporation} AND product_id = ${product} THEN charge_off_amount + 0.01 ELSE charge_off_amount END)::DECIMAL(18,2) AS charge_off_amount) FROM read_parquet(${quoted(factParquet)})) TO ${quoted(changed)} (FORMAT parquet)`,
  );
  connection.closeSync();
  instance.closeSync();
  cpSync(changed, factParquet);
}
