import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, test } from 'vitest';
import { historyStatements } from '../../src/recon/results-history.js';
import { backendFor, dialectFor } from '../../src/backends/registry.js';

const historyTarget = (value: string, engine: 'duckdb' | 'databricks') => backendFor(engine).historyTarget(value);
import { runCli, tempDir } from '../support/cli.js';

async function rowsPerRun(file: string): Promise<Record<string, number>> {
  const instance = await DuckDBInstance.create(file);
  const connection = await instance.connect();
  const reader = await connection.runAndReadAll('SELECT run_id, count(*)::INTEGER AS n FROM recon_results GROUP BY run_id ORDER BY run_id');
  const counts = Object.fromEntries(reader.getRowObjectsJson().map((row) => [String(row.run_id), Number(row.n)]));
  connection.closeSync();
  instance.closeSync();
  return counts;
}

describe('results_table: every run appended, one row per pair and check, idempotent per run id', () => {
  test('with the embedded DuckDB, into a DuckDB file: two runs hold 18 rows each, and a re-run replaces its own', async () => {
    const file = path.join(tempDir('history'), 'history.duckdb');
    const run = (id: string) => runCli(['run', '--config', 'recon-configs', '--out', tempDir('history-out'), '--results-table', file, '--run-id', id]);
    const first = run('run-1');
    expect(first.code, first.stderr).toBe(1);
    expect(first.stderr).toContain(`history: 18 rows in recon_results in ${file} (run id run-1)`);
    run('run-2');
    run('run-1');
    expect(await rowsPerRun(file)).toEqual({ 'run-1': 18, 'run-2': 18 });
  }, 60_000);

  test('the option names a file on DuckDB and a table on Databricks', () => {
    expect(historyTarget('main.recon.results', 'duckdb')).toEqual({ error: expect.stringContaining('names a DuckDB database file') });
    expect(historyTarget('history.duckdb', 'databricks')).toEqual({ error: expect.stringContaining('is for engine duckdb') });
    expect(historyTarget('main.recon.results', 'databricks')).toEqual({ kind: 'table', parts: ['main', 'recon', 'results'] });
    const refused = runCli(['run', '--config', 'recon-configs', '--out', tempDir('history-refused'), '--results-table', 'main.recon.results']);
    expect(refused.code).toBe(2);
  });

  test('the statements each dialect runs: create when missing, drop the run\'s rows, insert', () => {
    const run = { runId: "9001'; DROP TABLE x; --", configSet: 'recon-configs' };
    const row = ['9001', 'recon-configs', '2026-12-06 12:00:00.000+00:00', null, null, 'databricks', '0.1.0', 'recon-configs/a.yml', 'orders', 'row_count', 'FAIL', 1, 1800, 0.05, 'rows', 0, null, "it's one row"];
    const [create, remove, insert] = historyStatements(dialectFor('databricks'), ['main', 'recon', 'results'], [row], run);
    expect(create).toMatch(/^CREATE TABLE IF NOT EXISTS `main`\.`recon`\.`results` \(`run_id` STRING, `config_set` STRING, `run_started_at` TIMESTAMP, .*`measured` BIGINT, .*`percent` DOUBLE, .*\) USING DELTA$/);
    expect(remove).toBe("DELETE FROM `main`.`recon`.`results` WHERE `run_id` = '9001\\'; DROP TABLE x; --' AND `config_set` = 'recon-configs'");
    expect(insert).toContain("CAST('2026-12-06 12:00:00.000+00:00' AS TIMESTAMP)");
    expect(insert).toContain("'it\\'s one row'");
    const [duckCreate, duckRemove] = historyStatements(dialectFor('duckdb'), ['recon_results'], [row], run);
    expect(duckCreate).not.toContain('USING');
    expect(duckRemove).toBe(`DELETE FROM "recon_results" WHERE "run_id" = '9001''; DROP TABLE x; --' AND "config_set" = 'recon-configs'`);
  });
});
