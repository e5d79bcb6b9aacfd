import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import type { RunResults } from '../../src/results/results-model.js';
import { runCli, tempDir } from '../support/cli.js';
import { demoConfigCopy, plantDefect } from '../support/plant-defect.js';

function resultsIn(out: string): RunResults {
  return JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')) as RunResults;
}

describe('run --baseline: this run against an earlier run of the same configs', () => {
  const { configDir, targetFact } = demoConfigCopy(tempDir('baseline-configs'));
  const first = tempDir('baseline-first');
  const again = tempDir('baseline-again');
  const planted = tempDir('baseline-planted');
  let firstRun: ReturnType<typeof runCli>;
  let againRun: ReturnType<typeof runCli>;
  let plantedRun: ReturnType<typeof runCli>;

  beforeAll(async () => {
    firstRun = runCli(['run', '--config', configDir, '--out', first, '--quiet']);
    const baselineArgs = ['--baseline', path.join(first, 'results.json'), '--baseline-label', 'main', '--fail-on', 'new'];
    againRun = runCli(['run', '--config', configDir, '--out', again, ...baselineArgs]);
    await plantDefect(targetFact);
    plantedRun = runCli(['run', '--config', configDir, '--out', planted, ...baselineArgs]);
  }, 120_000);

  test('a second run of the same data: nothing new, every finding unchanged, and fail-on new passes a red gate', () => {
    expect(firstRun.code, firstRun.stderr).toBe(1);
    expect(againRun.code, againRun.stderr).toBe(0);
    const results = resultsIn(again);
    expect(results.status).toBe('FAIL');
    const baseline = results.baseline!;
    expect(baseline).toMatchObject({ label: 'main', counts: { new: 0, fixed: 0 }, newFailing: 0, onlyInRun: { pairs: [], checks: [] }, onlyInBaseline: { pairs: [], checks: [] } });
    // Every finding of the first run: 1 row count, 1 nulls column, 25 aggregates (18 + 7 non-NULL counts), 3 + 2 + 4 keys, 1 row hash.
    expect(baseline.counts.unchanged).toBe(37);
    expect(baseline.checks.every((check) => check.new === 0 && check.fixed === 0)).toBe(true);
    expect(againRun.stderr).toContain('vs main: 0 new findings, 0 fixed, 37 unchanged');
    const summary = readFileSync(path.join(again, 'summary.md'), 'utf8');
    expect(summary).toContain('**vs main:** 0 new findings, 0 fixed, 37 unchanged');
    expect(summary).toContain('Nothing new and nothing fixed');
    expect(summary).not.toContain('🆕');
  });

  test('one more planted defect is exactly 1 new finding, named by its key, and fails fail-on new', () => {
    expect(plantedRun.code, plantedRun.stderr).toBe(1);
    const baseline = resultsIn(planted).baseline!;
    expect(baseline.counts).toEqual({ new: 1, fixed: 0, unchanged: 37 });
    expect(baseline.newFailing).toBe(1);
    const changed = baseline.checks.filter((check) => check.new > 0 || check.fixed > 0);
    expect(changed).toEqual([
      expect.objectContaining({ pair: 'fact_executive_summary', check: 'value_mismatches', baselineMeasured: 4, measured: 5, new: 1, fixed: 0, unchanged: 4, keys: { from: 'sampled', new: [['20240101', '100', '1000', '2']], fixed: [] } }),
    ]);
    expect(plantedRun.stderr).toContain('Recon Gate: 1 new finding vs main in 1 failing check (fail-on: new).');

    const summary = readFileSync(path.join(planted, 'summary.md'), 'utf8');
    expect(summary).toContain('**vs main:** 1 new finding, 0 fixed, 37 unchanged');
    expect(summary).toMatch(/\| fact&#95;executive&#95;summary \| ❌ FAIL 🆕 1 new \|/);
    expect(summary).toMatch(/\| value_mismatches \| ❌ FAIL 🆕 1 new \| 5 rows/);
    expect(summary).toContain('| fact&#95;executive&#95;summary | value_mismatches | ❌ FAIL (4) → ❌ FAIL (5) | 🆕 1 | 0 | 4 | new: date&#95;key=20240101, institution&#95;id=100, corporation&#95;id=1000, product&#95;id=2 |');
  });

  test('the workbook marks the new finding on the Summary sheet and lists it on a Baseline sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(planted, 'report.xlsx'));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toContain('Baseline');
    const summary = workbook.getWorksheet('Summary')!;
    const marks: Record<string, unknown> = {};
    summary.eachRow((row) => {
      if (row.getCell(1).value === 'fact_executive_summary') marks[String(row.getCell(3).value)] = row.getCell(16).value;
    });
    expect(summary.getRow(9).getCell(16).value).toBe('vs main');
    expect(marks).toMatchObject({ value_mismatches: '🆕 1 new', row_count: 'unchanged', schema: '' });
    const findings: unknown[][] = [];
    workbook.getWorksheet('Baseline')!.eachRow((row) => {
      if (row.getCell(3).value === '🆕 new') findings.push((row.values as unknown[]).slice(1));
    });
    expect(findings).toEqual([['fact_executive_summary', 'value_mismatches', '🆕 new', 'date_key=20240101, institution_id=100, corporation_id=1000, product_id=2']]);
  });

  test('report --baseline compares two saved results without running anything', () => {
    const out = tempDir('baseline-report');
    const rerun = runCli(['report', '--results', path.join(planted, 'results.json'), '--baseline', path.join(again, 'results.json'), '--baseline-label', 'yesterday', '--out', out]);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(resultsIn(out).baseline).toMatchObject({ label: 'yesterday', counts: { new: 1, fixed: 0, unchanged: 37 } });
  });

  test('a file that is not results.json is refused with exit 2, naming the option', () => {
    const bogus = path.join(tempDir('baseline-bogus'), 'results.json');
    writeFileSync(bogus, '{"schemaVersion": 99}');
    const run = runCli(['run', '--config', configDir, '--out', tempDir('baseline-refused'), '--baseline', bogus]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--baseline: ');
    expect(run.stderr).toContain('is not a recon-gate results file of schema version 1');
  });
});
