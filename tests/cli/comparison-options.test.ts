import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import type { RunResults } from '../../src/results/results-model.js';
import { demoWithConfig, runCli } from '../support/cli.js';

/** The demo's fact pair with its aggregates also compared per day. */
const groupedDemo = () =>
  demoWithConfig('group-by', (config) => config.replace('primary_key: [date_key, institution_id, corporation_id, product_id]', 'primary_key: [date_key, institution_id, corporation_id, product_id]\n    group_by: [date_key]'));

describe('group_by on the demo', () => {
  const folder = groupedDemo();
  const run = runCli(['run', '--config', 'c.yml', '--out', 'out', '--quiet'], { cwd: folder });
  const results = JSON.parse(readFileSync(path.join(folder, 'out/results.json'), 'utf8')) as RunResults;
  const aggregates = results.pairs[0]!.checks.find((check) => check.check === 'aggregates')!;
  const groups = aggregates.details.check === 'aggregates' ? aggregates.details.groups! : undefined;

  test('the profile pass compares each day: the days of the missing, extra and changed rows differ, worst first', () => {
    expect(run.code).toBe(1);
    expect(groups).toMatchObject({ by: ['date_key'], groups: 31 });
    const days = groups!.worst.map((group) => group.key[0]);
    // 3 rows lost on 20240115, 2 extra on 20240131 (a day only the target has), cells changed on 4 other days.
    expect(days).toEqual(expect.arrayContaining(['20240115', '20240131', '20240105', '20240110', '20240120', '20240125']));
    expect(groups!.differing).toBe(days.length);
    const lost = groups!.worst.find((group) => group.key[0] === '20240115')!;
    expect(lost.targetRows).toBe(lost.sourceRows - 3);
    expect(aggregates.message).toContain(`${groups!.differing} of 31 date_key groups differ, worst:`);
    // Still one profile pass per side and one join.
    expect(results.pairs[0]!.statements.map((statement) => statement.purpose)).toEqual(['schema-source', 'schema-target', 'profile-source', 'profile-target', 'join']);
  });

  test('summary.md lists the groups that differ; the workbook has a Groups sheet', async () => {
    const markdown = readFileSync(path.join(folder, 'out/summary.md'), 'utf8');
    expect(markdown).toContain(`**Groups that differ** (${groups!.differing} of 31 date_key groups, worst first)`);
    expect(markdown).toContain('| date&#95;key | Source rows | Target rows | Differing aggregates |');
    expect(markdown).toContain('Aggregates also per group of date&#95;key (31 groups)');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(folder, 'out/report.xlsx'));
    const sheet = workbook.getWorksheet('Groups')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['Pair', 'Group by', 'Group', 'Source rows', 'Target rows', 'Aggregate', 'Source', 'Target', 'Difference']);
    const daysInSheet = new Set(Array.from({ length: sheet.rowCount - 1 }, (_, i) => String(sheet.getRow(i + 2).getCell(3).value)));
    expect(daysInSheet).toEqual(new Set(groups!.worst.map((group) => group.key[0])));
  });
});
