import path from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { markdownSummary } from '../../src/report/markdown-summary.js';
import { REPO_ROOT, runCli, tempDir } from '../support/cli.js';
import { decodeEntities, demoResults } from './report-fixtures.js';

describe('what was checked, for every pair', () => {
  const markdown = decodeEntities(markdownSummary(demoResults()));

  test('the passing pair lists its checks with thresholds, key, columns and sampling', () => {
    const passing = markdown.slice(markdown.indexOf('✅ **dim_institution** passed.'));
    expect(passing).toContain('<details><summary>What was checked</summary>');
    expect(passing).toContain('- missing_rows (source rows whose key is not in the target): threshold ≤ 0 rows');
    expect(passing).toContain('- Key: institution_id');
    expect(passing).toContain('- Columns compared: 3');
    expect(passing).toContain('- Sampling: every row');
    expect(passing).not.toContain('Not checked');
  });

  test('the failing pair shows its tolerance and its loosened threshold in the same list', () => {
    const failing = markdown.slice(markdown.indexOf('<summary>❌'), markdown.indexOf('✅ **dim_institution** passed.'));
    expect(failing).toContain('- Tolerances: income_amount abs 0.01');
    expect(failing).toContain('- missing_rows (source rows whose key is not in the target): threshold ≤ 0.5 %');
  });

  test('checks left out are named', () => {
    const results = demoResults();
    const pair = results.pairs.find((entry) => entry.name === 'dim_institution')!;
    const fewer = { ...results, pairs: results.pairs.map((entry) => (entry === pair ? { ...pair, checks: pair.checks.filter((check) => check.check !== 'row_hash' && check.check !== 'aggregates') } : entry)) };
    expect(decodeEntities(markdownSummary(fewer))).toContain('- **Not checked:** aggregates, row_hash');
  });
});

describe('a run where every pair errors says nothing was compared', () => {
  test('no "0 differing rows", no charts of zeros, and the failing statement once', () => {
    const folder = tempDir('all-error');
    const config = path.join(folder, 'c.yml');
    writeFileSync(config, `version: 1\nduckdb:\n  mount: ${JSON.stringify(path.join(REPO_ROOT, 'demo-data'))}\npairs:\n  - name: broken\n    source: { table: legacy.nope }\n    target: { table: lakehouse.nope }\n    primary_key: [id]\n`);
    const run = runCli(['run', '--config', config, '--out', path.join(folder, 'out'), '--quiet']);
    expect(run.code).toBe(2);
    const markdown = readFileSync(path.join(folder, 'out/summary.md'), 'utf8');
    expect(markdown).toContain('**nothing was compared**: no pair could run');
    expect(markdown).not.toContain('differing rows');
    expect(markdown).not.toContain('### Charts');
    expect(markdown).toContain('<details><summary>The statement that failed</summary>');
    expect(markdown).toContain('SELECT * FROM (SELECT * FROM "legacy"."nope" AS recon_base) AS recon_describe LIMIT 0');
    expect(markdown.match(/Table with name nope does not exist/g)).toHaveLength(2);
  });
});
