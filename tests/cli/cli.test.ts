import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import type { RunResults } from '../../src/results/results-model.js';
import { REPO_ROOT, runCli, tempDir } from '../support/cli.js';

const DEMO_DATA = path.join(REPO_ROOT, 'demo-data');

function writeConfig(folder: string, name: string, pairs: string): string {
  const file = path.join(folder, name);
  writeFileSync(file, `version: 1\nduckdb:\n  mount: ${JSON.stringify(DEMO_DATA)}\npairs:\n${pairs}`);
  return file;
}

const DIM_PAIR = `  - name: dim_institution
    source: { table: legacy.dim_institution }
    target: { table: lakehouse.dim_institution }
    primary_key: [institution_id]
`;
const MISSING_TABLE_PAIR = `  - name: no_such_table
    source: { table: legacy.does_not_exist }
    target: { table: lakehouse.dim_institution }
    primary_key: [institution_id]
`;

describe('recon-gate run on the shipped demo', () => {
  const out = tempDir('demo');
  const run = runCli(['run', '--config', 'recon-configs', '--out', out]);
  const results = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')) as RunResults;

  test('exits 1 because the fact table breaches its thresholds', () => {
    expect(run.code, run.stderr).toBe(1);
    expect(results.status).toBe('FAIL');
    expect(results.pairs.map((pair) => [pair.name, pair.status])).toEqual([['fact_executive_summary', 'FAIL'], ['dim_institution', 'PASS']]);
  });

  test('finds exactly the defects the demo data was built with', () => {
    const fact = results.pairs[0]!;
    const measured = Object.fromEntries(fact.checks.map((check) => [check.check, [check.status, check.measured]]));
    expect(measured).toEqual({
      row_count: ['FAIL', 1],
      schema: ['PASS', 0],
      nulls: ['FAIL', 1],
      aggregates: ['FAIL', 25],
      duplicate_keys: ['PASS', 0],
      missing_rows: ['WARN', 3],
      extra_rows: ['FAIL', 2],
      value_mismatches: ['FAIL', 4],
      row_hash: ['FAIL', 4],
    });
    expect(fact.samples.mismatches.map((s) => `${s.key.join('|')} ${s.column}: ${s.source} → ${s.target}`)).toEqual([
      '20240105|101|1010|3 charge_off_amount: 18259.62 → 18260.00',
      '20240110|103|1032|5 fraud_count: 29 → 30',
      '20240120|100|1001|2 purchases_amount: 248150.38 → null',
      '20240125|102|1022|4 a120_amount: 19423.84 → -19423.84',
    ]);
    expect(fact.samples.withinTolerance).toHaveLength(5);
    expect(fact.samples.onlyInSource.map((s) => s.key.join('|'))).toEqual(['20240115|102|1021|1', '20240115|102|1021|2', '20240115|102|1021|3']);
    expect(fact.samples.onlyInTarget.map((s) => s.key.join('|'))).toEqual(['20240131|100|1000|1', '20240131|100|1000|2']);
  });

  test('writes results.json, summary.csv and details.csv', () => {
    const summary = parse(readFileSync(path.join(out, 'summary.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(summary).toHaveLength(18);
    expect(summary[0]).toMatchObject({ pair: 'fact_executive_summary', check: 'row_count', status: 'FAIL', measured: '1', config_file: 'recon-configs/card-portfolio.yml', config_line: '14' });
    const details = parse(readFileSync(path.join(out, 'details.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(details.map((row) => row.kind)).toEqual([...Array(4).fill('mismatch'), ...Array(5).fill('within_tolerance'), ...Array(3).fill('only_in_source'), ...Array(2).fill('only_in_target')]);
    expect(details[2]).toMatchObject({ key: 'date_key=20240120, institution_id=100, corporation_id=1001, product_id=2', column: 'purchases_amount', source_value: '248150.38', target_value: '' });
  });

  test('writes report.xlsx, summary.md and the chart images beside the CSV files', () => {
    const charts = ['row-counts', 'mismatches-by-column', 'nulls-by-column', 'aggregate-differences'].flatMap((chart) => [`charts/${chart}.svg`, `charts/${chart}.png`]);
    for (const file of ['report.xlsx', 'summary.md', ...charts]) expect(existsSync(path.join(out, file)), file).toBe(true);
    const summary = readFileSync(path.join(out, 'summary.md'), 'utf8');
    expect(summary).toMatch(/^## ❌ Recon Gate: FAIL\n/);
    expect(summary.match(/^```mermaid$/gm)).toHaveLength(4);
    expect(run.stderr).toMatch(/Reports in .*: results\.json, summary\.csv, details\.csv, junit\.xml, report\.xlsx, summary\.md, reproduce\.sql, charts\/\n$/);
  });

  test('records the SQL and timing of every statement', () => {
    const statements = results.pairs[0]!.statements;
    expect(statements.map((s) => s.purpose).sort()).toEqual(['join', 'profile-source', 'profile-target', 'schema-source', 'schema-target']);
    expect(statements.every((s) => s.sql.length > 0 && s.durationMs >= 0)).toBe(true);
  });

  test('prints a progress line per pair and check on stderr', () => {
    expect(run.stderr).toContain('[fact_executive_summary] value_mismatches FAIL   4 of 1,797 matched rows differ');
    expect(run.stderr).toMatch(/FAIL: 2 pairs \(1 PASS, 1 FAIL\)\. Reports in /);
    expect(run.stdout).toBe('');
  });
});

describe('exit codes and outputs', () => {
  test('0 when every pair passes; --quiet silences progress and --json prints the results', () => {
    const folder = tempDir('pass');
    const run = runCli(['run', '--config', writeConfig(folder, 'dim.yml', DIM_PAIR), '--out', path.join(folder, 'out'), '--quiet', '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect((JSON.parse(run.stdout) as RunResults).pairs[0]!.status).toBe('PASS');
  });

  test('2 for an invalid config, naming file and line; nothing runs, and the reports say why', () => {
    const folder = tempDir('invalid');
    const config = writeConfig(folder, 'bad.yml', DIM_PAIR.replace('primary_key', 'primary_keys'));
    const run = runCli(['run', '--config', config, '--out', path.join(folder, 'out')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad\.yml:8:5 pairs\[0\]\.primary_keys: unknown key `primary_keys`\. Did you mean `primary_key`\?/);
    const results = JSON.parse(readFileSync(path.join(folder, 'out', 'results.json'), 'utf8')) as RunResults;
    expect(results.status).toBe('ERROR');
    expect(results.pairs).toEqual([]);
    expect(results.configErrors).toEqual([expect.objectContaining({ line: 8, column: 5, path: 'pairs[0].primary_keys', message: 'unknown key `primary_keys`' })]);
    const summary = readFileSync(path.join(folder, 'out', 'summary.md'), 'utf8');
    expect(summary).toContain('**1 config error: nothing was run.**');
    expect(summary).toMatch(/bad\.yml:8:5 pairs&#91;0&#93;\.primary&#95;keys: unknown key/);
    expect(summary).not.toContain('### Charts');
  });

  test('2 when every pair fails to run, with the reason in results.json', () => {
    const folder = tempDir('all-error');
    const run = runCli(['run', '--config', writeConfig(folder, 'missing.yml', MISSING_TABLE_PAIR), '--out', path.join(folder, 'out')]);
    expect(run.code).toBe(2);
    const results = JSON.parse(readFileSync(path.join(folder, 'out', 'results.json'), 'utf8')) as RunResults;
    expect(results.pairs[0]).toMatchObject({ status: 'ERROR', error: { kind: 'not_found', step: 'schema-source' } });
    expect(results.pairs[0]!.error!.message).toMatch(/^reading the source schema failed: .*does_not_exist/);
    expect(results.pairs[0]!.checks.every((check) => check.status === 'ERROR')).toBe(true);
  });

  test('1 when one pair errors and another runs: the error does not stop the others', () => {
    const folder = tempDir('one-error');
    const run = runCli(['run', '--config', writeConfig(folder, 'mixed.yml', MISSING_TABLE_PAIR + DIM_PAIR), '--out', path.join(folder, 'out')]);
    expect(run.code).toBe(1);
    const results = JSON.parse(readFileSync(path.join(folder, 'out', 'results.json'), 'utf8')) as RunResults;
    expect(results.pairs.map((pair) => pair.status)).toEqual(['ERROR', 'PASS']);
    expect(results.status).toBe('ERROR');
  });

  test('a key column missing on one side is an ERROR that names the column', () => {
    const folder = tempDir('bad-key');
    const run = runCli(['run', '--config', writeConfig(folder, 'key.yml', DIM_PAIR.replace('[institution_id]', '[institution_id, region_id]')), '--out', path.join(folder, 'out')]);
    expect(run.code).toBe(2);
    const results = JSON.parse(readFileSync(path.join(folder, 'out', 'results.json'), 'utf8')) as RunResults;
    expect(results.pairs[0]!.error).toMatchObject({ kind: 'config', step: 'bind' });
    expect(results.pairs[0]!.error!.message).toContain('key column `region_id` is missing in the source (it has: institution_id, institution_name, country_code, onboarded_on)');
  });
});

describe('recon-gate run --duckdb-memory-limit', () => {
  test('runs under the cap with the same findings, and refuses a size DuckDB cannot read', () => {
    const folder = tempDir('memory-limit');
    const capped = runCli(['run', '--config', 'recon-configs', '--out', path.join(folder, 'capped'), '--duckdb-memory-limit', '256MB', '--quiet']);
    expect(capped.code, capped.stderr).toBe(1);
    const results = JSON.parse(readFileSync(path.join(folder, 'capped', 'results.json'), 'utf8')) as RunResults;
    expect(results.pairs.map((pair) => [pair.name, pair.status])).toEqual([['fact_executive_summary', 'FAIL'], ['dim_institution', 'PASS']]);

    const refused = runCli(['run', '--config', 'recon-configs', '--out', path.join(folder, 'refused'), '--duckdb-memory-limit', 'lots']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--duckdb-memory-limit must be a size such as 2GB or 512MiB, not "lots"');
  });
});

describe('recon-gate validate and plan', () => {
  test('validate lists the pairs without connecting anywhere', () => {
    const run = runCli(['validate', '--config', 'recon-configs']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1 config file, 2 pairs: valid');
    expect(run.stdout).toContain('recon-configs/card-portfolio.yml:14 fact_executive_summary');
  });

  test('plan --json lists exactly the statements run records, SQL and order, for every pair of the demo', () => {
    const plan = runCli(['plan', '--config', 'recon-configs', '--json']);
    expect(plan.code, plan.stderr).toBe(0);
    const planned = JSON.parse(plan.stdout) as { pairs: Array<{ name: string; statements: Array<{ purpose: string; sql: string }> }> };
    const out = tempDir('plan-vs-run');
    runCli(['run', '--config', 'recon-configs', '--out', out, '--quiet', '--charts', 'none']);
    const ran = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')) as RunResults;
    expect(planned).toEqual({ pairs: ran.pairs.map((pair) => ({ name: pair.name, statements: pair.statements.map(({ purpose, sql }) => ({ purpose, sql })) })) });
    expect(planned.pairs.map((pair) => pair.statements.map((statement) => statement.purpose))).toEqual([
      ['schema-source', 'schema-target', 'profile-source', 'profile-target', 'join'],
      ['schema-source', 'schema-target', 'profile-source', 'profile-target', 'join'],
    ]);
  });

  test('the plan also lists the pre-flight check and the one write, as run runs them', () => {
    const folder = tempDir('plan-complete');
    const config = writeConfig(folder, 'cast.yml', `  - name: widened
    source: { query: "SELECT range::INTEGER AS id, (range * 1.5)::DECIMAL(10,2) AS amount FROM range(5)" }
    target: { query: "SELECT range::BIGINT AS id, (range * 1.5)::DECIMAL(12,4) AS amount FROM range(1, 6)" }
    primary_key: [id]
    persist_mismatches_to: main.recon_mismatches
`);
    const plan = runCli(['plan', '--config', config, '--json']);
    expect(plan.code, plan.stderr).toBe(0);
    const planned = JSON.parse(plan.stdout) as { pairs: Array<{ name: string; statements: Array<{ purpose: string; sql: string }> }> };
    runCli(['run', '--config', config, '--out', path.join(folder, 'out'), '--quiet', '--charts', 'none']);
    const ran = JSON.parse(readFileSync(path.join(folder, 'out', 'results.json'), 'utf8')) as RunResults;
    expect(planned.pairs[0]!.statements.map((statement) => statement.purpose)).toEqual(['schema-source', 'schema-target', 'preflight', 'profile-source', 'profile-target', 'join', 'persist']);
    expect(planned.pairs[0]!.statements).toEqual(ran.pairs[0]!.statements.map(({ purpose, sql }) => ({ purpose, sql })));
  });

  test('plan on a pair that cannot be planned lists what runs before it stops, and why', () => {
    const folder = tempDir('plan-error');
    const plan = runCli(['plan', '--config', writeConfig(folder, 'missing.yml', MISSING_TABLE_PAIR), '--json']);
    const [pair] = (JSON.parse(plan.stdout) as { pairs: Array<{ statements: Array<{ purpose: string }>; error?: string }> }).pairs;
    expect(pair!.statements.map((statement) => statement.purpose)).toEqual(['schema-source', 'schema-target']);
    expect(pair!.error).toMatch(/does_not_exist/);
  });

  test('plan prints the Databricks SQL of each pair', () => {
    const run = runCli(['plan', '--config', 'recon-configs', '--dialect', 'databricks']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('-- pair: fact_executive_summary');
    expect(run.stdout).toContain('FROM `legacy`.`fact_executive_summary` AS recon_base');
    expect(run.stdout).toContain('try_sum(`a120_amount`)');
    expect(run.stdout.match(/^-- (profile-source|profile-target|join)$/gm)).toHaveLength(6);
  });
});

describe('recon-gate report', () => {
  const saved = tempDir('saved');
  runCli(['run', '--config', 'recon-configs', '--out', saved, '--quiet']);

  test('re-renders every report from a saved results.json, without configs or an engine', () => {
    const elsewhere = tempDir('report-cwd');
    const out = path.join(elsewhere, 'again');
    const run = runCli(['report', '--results', path.join(saved, 'results.json'), '--out', out], { cwd: elsewhere });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^FAIL: 2 pairs re-rendered\. Reports in again\/: results\.json, summary\.csv, details\.csv, junit\.xml, report\.xlsx, summary\.md, reproduce\.sql, charts\/\n$/);
    for (const file of ['results.json', 'summary.csv', 'details.csv', 'summary.md']) {
      expect(readFileSync(path.join(out, file), 'utf8'), file).toBe(readFileSync(path.join(saved, file), 'utf8'));
    }
    expect(existsSync(path.join(out, 'report.xlsx'))).toBe(true);
  });

  test('--charts none leaves the charts out; --charts quickchart with an unreachable host still finishes, with a note', () => {
    const none = tempDir('report-none');
    expect(runCli(['report', '--results', path.join(saved, 'results.json'), '--out', none, '--charts', 'none']).code).toBe(0);
    expect(existsSync(path.join(none, 'charts'))).toBe(false);
    expect(readFileSync(path.join(none, 'summary.md'), 'utf8')).not.toContain('### Charts');

    const offline = tempDir('report-offline');
    const started = Date.now();
    const run = runCli(['report', '--results', path.join(saved, 'results.json'), '--out', offline, '--charts', 'quickchart', '--quickchart-host', 'http://127.0.0.1:9']);
    expect(run.code, run.stderr).toBe(0);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(run.stderr).toContain('note: 4 of 4 chart images could not be fetched from QuickChart at http://127.0.0.1:9');
    expect(readFileSync(path.join(offline, 'summary.md'), 'utf8')).toContain('![Row counts per pair](http://127.0.0.1:9/chart?c=');
    expect(existsSync(path.join(offline, 'charts', 'row-counts.png'))).toBe(true);
  });

  test('2 for a missing or foreign results file and for an unknown charts mode', () => {
    const folder = tempDir('report-bad');
    const missing = runCli(['report', '--results', path.join(folder, 'nope.json'), '--out', folder]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read the results');
    writeFileSync(path.join(folder, 'other.json'), '{"schemaVersion": 99}');
    const foreign = runCli(['report', '--results', path.join(folder, 'other.json'), '--out', folder]);
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toContain('is not a recon-gate results file of schema version 1');
    expect(runCli(['report', '--out', folder]).stderr).toContain('report needs --results <results.json>');
    const charts = runCli(['report', '--results', path.join(saved, 'results.json'), '--out', folder, '--charts', 'pie']);
    expect(charts.code).toBe(2);
    expect(charts.stderr).toContain('--charts must be mermaid, quickchart, none, not pie');
  });
});
