import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { REPO_ROOT, runCli, tempDir } from '../support/cli.js';

/** The demo with a waiver on its extra rows that ends in five days. */
function demoWithWaiver(): { folder: string; expires: string } {
  const folder = tempDir('waived');
  cpSync(path.join(REPO_ROOT, 'recon-configs'), path.join(folder, 'recon-configs'), { recursive: true });
  cpSync(path.join(REPO_ROOT, 'demo-data'), path.join(folder, 'demo-data'), { recursive: true });
  const expires = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
  writeFileSync(
    path.join(folder, 'recon-configs/waivers.yml'),
    `version: 1\nwaivers:\n  - { pair: fact_executive_summary, check: extra_rows, reason: Test rows loaded on purpose (MIG-7), owner: qa@example.com, expires: ${expires} }\n`,
  );
  return { folder, expires };
}

describe('a waived check reads WAIVED everywhere, with its reason, owner and expiry', () => {
  const { folder, expires } = demoWithWaiver();
  const run = runCli(['run', '--config', 'recon-configs', '--out', 'out'], { cwd: folder });
  const out = (file: string) => path.join(folder, 'out', file);

  test('on the console', () => {
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/\[fact_executive_summary\] extra_rows\s+WAIVED 2 target rows \(2 keys\) not in the source — waived: Test rows loaded on purpose \(MIG-7\) \(qa@example\.com, until \d{4}-\d\d-\d\d, ⚠ expires in 5 days\)/);
    expect(run.stderr).not.toMatch(/extra_rows\s+FAIL/);
  });

  test('in summary.md, flagged as close to expiry', () => {
    const markdown = readFileSync(out('summary.md'), 'utf8').replace(/&#95;/g, '_').replace(/&#64;&#8203;/g, '@');
    const row = markdown.split('\n').find((line) => line.startsWith('| extra_rows |'))!;
    expect(row).toContain('| 🔕 WAIVED |');
    expect(row).toContain(`waived: Test rows loaded on purpose (MIG-7) (qa@example.com, until ${expires}, ⚠ expires in 5 days)`);
    expect(row).toContain(`waiver recon-configs/waivers.yml:3 expires in 5 days (${expires}, owner qa@example.com): renew it or fix the difference`);
    // No longer a root cause: the two causes left are the missing rows and the changed cells.
    expect(markdown).toContain('2 root causes');
  });

  test('in summary.csv, junit.xml and report.xlsx', async () => {
    const rows = parse(readFileSync(out('summary.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(rows.find((row) => row.check === 'extra_rows')).toMatchObject({ status: 'WAIVED', pair_status: 'FAIL' });
    const junit = readFileSync(out('junit.xml'), 'utf8');
    expect(junit).toMatch(/<testcase[^>]*name="extra_rows"[^>]*>\s*<skipped message="[^"]*Test rows loaded on purpose \(MIG-7\)/);
    expect(junit).toContain('fact_executive_summary · extra_rows: WAIVED (was FAIL)');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out('report.xlsx'));
    const summary = workbook.worksheets[0]!;
    const statuses: string[] = [];
    summary.eachRow((row) => {
      if (row.getCell(1).value === 'fact_executive_summary' && row.getCell(3).value === 'extra_rows') statuses.push(String(row.getCell(4).value));
    });
    expect(statuses).toEqual(['WAIVED']);
  });
});
