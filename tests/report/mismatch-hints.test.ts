import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DuckdbEngine } from '../../src/engines/duckdb/duckdb-engine.js';
import { markdownSummary } from '../../src/report/markdown-summary.js';
import { writeReports } from '../../src/report/write-reports.js';
import type { RunResults } from '../../src/results/results-model.js';
import { duckdbDialect } from '../../src/sql/dialects/duckdb-dialect.js';
import { SCENARIOS } from '../scenarios/scenarios.js';
import { tempDir } from '../support/cli.js';
import { runScenarios } from '../support/scenario-runner.js';

const explained = SCENARIOS.find((scenario) => scenario.name.startsWith('every differing cell is explained'))!;
let engine: DuckdbEngine;
let results: RunResults;

beforeAll(async () => {
  engine = await DuckdbEngine.open();
  results = await runScenarios({ engine, dialect: duckdbDialect, namespace: ['main'] }, [explained]);
});
afterAll(() => engine.close());

test('summary.md says in one line per column and class why values differ, with full counts', () => {
  const markdown = markdownSummary(results, { charts: 'none' });
  const hints = markdown.split('\n').filter((line) => line.startsWith('- '));
  expect(hints).toEqual(
    expect.arrayContaining([
      '- 2 rows of <b>ts</b> differ by exactly +5 h: a time-zone conversion in the migration?',
      '- 2 rows of <b>ts</b> are truncated to a coarser precision on one side: a TIMESTAMP precision change?',
      '- 2 rows of <b>n</b> hold the same number written differently (10.50 vs 10.5): a number formatted as text?',
      "- 1 row of <b>s</b> is '' on one side and NULL on the other: an empty-string/NULL conversion?",
      '- 1 row of <b>s</b> differs only in leading or trailing whitespace: trimming, or CHAR padding?',
      '- 1 row of <b>s</b> differs only in letter case: an upper/lower-casing step?',
      '- 1 row of <b>s</b> is cut short on one side: a target column too narrow?',
      '- 1 row of <b>n</b> differs only in the sign of zero (-0 vs 0).',
      "- 1 row of <b>amount</b> differs within the column's tolerance (counted as matches).",
    ]),
  );
  expect(markdown).toMatch(/\| 1 \| ts \| 2024-01-01 12:00:00\.000000 \| 2024-01-01 17:00:00\.000000 \| timezone shift \|/);
});

test('reproduce.sql holds a runnable query per finding, headed by pair, check and engine', async () => {
  const out = tempDir('reproduce');
  const written = await writeReports(results, out, { charts: 'none' });
  const sql = readFileSync(path.join(out, 'reproduce.sql'), 'utf8');
  expect(written.reproduceSql).toBe(path.join(out, 'reproduce.sql'));
  expect(sql).toContain(`-- pair: ${explained.name}\n-- check: value_mismatches (FAIL, 6 rows)\n-- engine: duckdb`);
  const query = results.pairs[0]!.reproduce!.value_mismatches!;
  const rows = await engine.query(query);
  expect(rows.rows.map((row) => [row[0], row[1]])).toEqual([
    ['1', 's, n, ts'],
    ['2', 's, n, ts, amount'],
    ['3', 's, n, ts, amount'],
    ['4', 's, n, ts'],
    ['5', 's, ts'],
    ['6', 's'],
  ]);
});
