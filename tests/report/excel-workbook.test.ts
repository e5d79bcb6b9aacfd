import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import type { RunResults } from '../../src/results/results-model.js';
import { dataCell } from '../../src/report/excel-cell-values.js';
import { writeWorkbook } from '../../src/report/excel-workbook.js';
import { writeReports } from '../../src/report/write-reports.js';
import { tempDir } from '../support/cli.js';
import { demoResults, syntheticPair, syntheticResults } from './report-fixtures.js';

async function openWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

function rowValues(sheet: ExcelJS.Worksheet, row: number): unknown[] {
  return (sheet.getRow(row).values as unknown[]).slice(1);
}

function rowsWhere(sheet: ExcelJS.Worksheet, column: number, value: unknown): ExcelJS.Row[] {
  const rows: ExcelJS.Row[] = [];
  sheet.eachRow((row) => {
    if (row.getCell(column).value === value) rows.push(row);
  });
  return rows;
}

function fillOf(cell: ExcelJS.Cell): string | undefined {
  return cell.fill?.type === 'pattern' ? cell.fill.fgColor?.argb : undefined;
}

function headerRow(sheet: ExcelJS.Worksheet, first: string): number {
  const [row] = rowsWhere(sheet, 1, first);
  if (!row) throw new Error(`no header ${first} in ${sheet.name}`);
  return row.number;
}

describe('report.xlsx of the demo run', () => {
  let results: RunResults;
  let workbook: ExcelJS.Workbook;
  let sheet: (name: string) => ExcelJS.Worksheet;

  beforeAll(async () => {
    results = demoResults();
    const out = tempDir('workbook');
    await writeReports(results, out);
    workbook = await openWorkbook(path.join(out, 'report.xlsx'));
    sheet = (name) => workbook.getWorksheet(name) ?? expect.fail(`no sheet ${name}`);
  });

  test('has the eight sheets, in reading order', () => {
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['Summary', 'Row counts', 'Schema', 'Nulls', 'Aggregates', 'Mismatches', 'Missing rows', 'Charts']);
  });

  test('Summary: run facts on top, one row per pair and check with the threshold beside the measured value', () => {
    const summary = sheet('Summary');
    const facts = Object.fromEntries([2, 3, 4, 5, 6, 7].map((row) => [summary.getCell(row, 1).value, summary.getCell(row, 2).value]));
    expect(facts).toMatchObject({ Status: 'FAIL', Engine: 'duckdb', Configs: 'recon-configs/card-portfolio.yml', Pairs: '2: 1 PASS, 1 FAIL; 9 differing rows' });
    expect(String(facts.Started)).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
    expect(String(facts.Duration)).toMatch(/^\d+\.\d s \(\d+ ms\)$/);

    const header = headerRow(summary, 'Pair');
    expect(rowValues(summary, header)).toEqual(['Pair', 'Pair status', 'Check', 'Status', 'Measured', 'Unit', 'Base', '% of base', 'Max count', 'Max %', 'Finding', 'Source rows', 'Target rows', 'Config file', 'Line']);
    expect(summary.rowCount - header).toBe(18);
    const missing = rowsWhere(summary, 3, 'missing_rows')[0]!;
    expect(rowValues(summary, missing.number).slice(0, 10)).toEqual(['fact_executive_summary', 'FAIL', 'missing_rows', 'WARN', 3, 'rows', 1800, 3 / 1800, undefined, 0.005]);
    expect(missing.getCell(8).numFmt).toBe('0.00%');
    expect(missing.getCell(10).numFmt).toBe('0.00%');
    expect(missing.getCell(7).numFmt).toBe('#,##0');
  });

  test('status cells are filled: PASS green, WARN amber, FAIL red', () => {
    const summary = sheet('Summary');
    const statusFill = (check: string, pair: string) => fillOf(rowsWhere(summary, 3, check).find((row) => row.getCell(1).value === pair)!.getCell(4));
    expect(statusFill('schema', 'fact_executive_summary')).toBe('FFC6EFCE');
    expect(statusFill('missing_rows', 'fact_executive_summary')).toBe('FFFFEB9C');
    expect(statusFill('row_count', 'fact_executive_summary')).toBe('FFFFC7CE');
    expect(fillOf(summary.getCell(2, 2))).toBe('FFFFC7CE');
  });

  test('tables have a frozen header row and an auto-filter over their columns', () => {
    for (const name of ['Summary', 'Row counts', 'Schema', 'Nulls', 'Aggregates']) {
      const ws = sheet(name);
      const header = headerRow(ws, 'Pair');
      expect(ws.views[0], name).toMatchObject({ state: 'frozen', ySplit: header });
      const columns = rowValues(ws, header).length;
      expect(ws.autoFilter, name).toBe(`A${header}:${String.fromCharCode(64 + columns)}${header}`);
      for (let column = 1; column <= columns; column++) expect(ws.getColumn(column).width, `${name} column ${column}`).toBeGreaterThanOrEqual(10);
    }
  });

  test('Row counts, Schema and Nulls hold both sides per pair and column', () => {
    expect(rowValues(sheet('Row counts'), 2).slice(0, 6)).toEqual(['fact_executive_summary', 'FAIL', 1800, 1799, -1, 'table legacy.fact_executive_summary']);
    const schema = rowsWhere(sheet('Schema'), 2, 'a120_amount')[0]!;
    expect(rowValues(sheet('Schema'), schema.number).slice(0, 6)).toEqual(['fact_executive_summary', 'a120_amount', 'no', 'same', 'DECIMAL(18,2)', 'DECIMAL(18,2)']);
    const nulls = rowsWhere(sheet('Nulls'), 2, 'purchases_amount')[0]!;
    expect(rowValues(sheet('Nulls'), nulls.number)).toEqual(['fact_executive_summary', 'purchases_amount', 0, 1, 1]);
    expect(fillOf(nulls.getCell(5))).toBe('FFFFC7CE');
  });

  test('Aggregates keep the decimals of the results exactly, with a format showing every digit', () => {
    const aggregates = sheet('Aggregates');
    expect(rowValues(aggregates, 1)).toEqual(['Pair', 'Column', 'Function', 'Source', 'Target', 'Difference', 'Relative difference', 'Within tolerance', 'Note']);
    const avg = rowsWhere(aggregates, 2, 'a120_amount').find((row) => row.getCell(3).value === 'avg')!;
    expect(rowValues(aggregates, avg.number).slice(0, 8)).toEqual(['fact_executive_summary', 'a120_amount', 'avg', 48292.17, 48264.8551751, -27.3148249, expect.closeTo(0.000565616, 9), 'no']);
    expect([avg.getCell(4).numFmt, avg.getCell(5).numFmt, avg.getCell(6).numFmt, avg.getCell(7).numFmt]).toEqual(['#,##0.00000000', '#,##0.00000000', '#,##0.00000000', '0.0000%']);
    expect(fillOf(avg.getCell(8))).toBe('FFFFC7CE');
    const max = rowsWhere(aggregates, 2, 'a120_amount').find((row) => row.getCell(3).value === 'max')!;
    expect(max.getCell(8).value).toBe('yes');
    expect(fillOf(max.getCell(8))).toBe('FFC6EFCE');
  });

  test('Mismatches: a section for the failing pair, key columns first, NULL distinguishable', () => {
    const mismatches = sheet('Mismatches');
    expect(mismatches.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(rowsWhere(mismatches, 1, 'fact_executive_summary: 4 of 1,797 matched rows differ; 9 cells sampled')).toHaveLength(1);
    const header = headerRow(mismatches, 'date_key');
    expect(rowValues(mismatches, header)).toEqual(['date_key', 'institution_id', 'corporation_id', 'product_id', 'Column', 'Source value', 'Target value', 'Kind']);
    expect(rowValues(mismatches, header + 1)).toEqual([20240105, 101, 1010, 3, 'charge_off_amount', 18259.62, 18260, 'mismatch']);
    expect(mismatches.getCell(header + 1, 7).numFmt).toBe('0.00');
    const nullRow = mismatches.getRow(header + 3);
    expect(nullRow.getCell(7).value).toBe('NULL');
    expect(nullRow.getCell(7).font?.italic).toBe(true);
    expect(rowsWhere(mismatches, 8, 'within tolerance')).toHaveLength(5);
    expect(JSON.stringify(rowValues(mismatches, 1))).not.toContain('dim_institution');
  });

  test('Missing rows: only-in-source and only-in-target samples with their values', () => {
    const missing = sheet('Missing rows');
    const titles: string[] = [];
    missing.eachRow((row) => {
      const value = String(row.getCell(1).value);
      if (value.startsWith('fact_executive_summary')) titles.push(value);
    });
    expect(titles).toEqual(['fact_executive_summary — only in source: 3 of 3 rows sampled', 'fact_executive_summary — only in target: 2 of 2 rows sampled']);
    const [firstHeader] = rowsWhere(missing, 1, 'date_key');
    expect(rowValues(missing, firstHeader!.number).slice(0, 6)).toEqual(['date_key', 'institution_id', 'corporation_id', 'product_id', 'a120_amount', 'a30_to_59_count']);
    expect(rowValues(missing, firstHeader!.number + 1).slice(0, 5)).toEqual([20240115, 102, 1021, 1, 81058.96]);
  });

  test('Charts: the four chart images are embedded as PNG', () => {
    const charts = sheet('Charts');
    const images = charts.getImages();
    expect(images).toHaveLength(4);
    const media = workbook.model.media as unknown as Array<{ extension: string; buffer: Buffer }>;
    expect(media.map((m) => m.extension)).toEqual(['png', 'png', 'png', 'png']);
    expect(media.every((m) => m.buffer.subarray(1, 4).toString() === 'PNG')).toBe(true);
  });
});

describe('report.xlsx with hostile and huge values', () => {
  const BIG = '12345678901234567896.6234567892';
  const BEYOND_2_53 = '9007199254740993';
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    const odd = syntheticPair({ name: `x/y:z*?[weird]\\${'very long pair name '.repeat(5)}`, keys: ['id'], columns: ['amount'], samples: 2 });
    odd.samples.mismatches = [
      { key: [BEYOND_2_53], column: 'amount', source: BIG, target: '-0.5' },
      { key: ['=cmd|\' /C calc\'!A0'], column: 'amount', source: '@SUM(A1:A9)', target: '' },
    ];
    const aggregates = odd.checks.find((check) => check.details.check === 'aggregates')!;
    aggregates.details = { check: 'aggregates', aggregates: [{ label: 'amount', function: 'sum', source: BIG, target: '1.5', difference: null, relativeDifference: null, withinTolerance: false, note: '=HYPERLINK("http://evil")' }] };
    const file = path.join(tempDir('hostile-workbook'), 'report.xlsx');
    await writeWorkbook(syntheticResults([odd, syntheticPair({ name: 'x/y:z*?[weird]\\very long pair name very long pair name (2)' }), syntheticPair({ name: 'broken', status: 'ERROR' })]), file);
    workbook = await openWorkbook(file);
  });

  test('values beyond what Excel holds exactly are text, never rounded numbers', () => {
    const mismatches = workbook.getWorksheet('Mismatches')!;
    const header = headerRow(mismatches, 'id');
    expect(rowValues(mismatches, header + 1).slice(0, 4)).toEqual([BEYOND_2_53, 'amount', BIG, -0.5]);
    expect(mismatches.getCell(header + 1, 1).alignment?.horizontal).toBe('right');
    const aggregates = workbook.getWorksheet('Aggregates')!;
    expect(aggregates.getCell(2, 4).value).toBe(BIG);
    expect(aggregates.getCell(2, 5).value).toBe(1.5);
    expect(aggregates.getCell(2, 5).numFmt).toBe('#,##0.0');
  });

  test('formula-like text from the data is neutralised, the empty string stays empty', () => {
    const mismatches = workbook.getWorksheet('Mismatches')!;
    const header = headerRow(mismatches, 'id');
    expect(rowValues(mismatches, header + 2).slice(0, 4)).toEqual(["'=cmd|' /C calc'!A0", 'amount', "'@SUM(A1:A9)", '']);
    expect(workbook.getWorksheet('Aggregates')!.getCell(2, 9).value).toBe('\'=HYPERLINK("http://evil")');
    let formulas = 0;
    for (const ws of workbook.worksheets) ws.eachRow((row) => row.eachCell((cell) => void (cell.type === ExcelJS.ValueType.Formula && formulas++)));
    expect(formulas).toBe(0);
  });

  test('a pair that could not run is dark red', () => {
    const summary = workbook.getWorksheet('Summary')!;
    const row = rowsWhere(summary, 1, 'broken')[0]!;
    expect(row.getCell(2).value).toBe('ERROR');
    expect(fillOf(row.getCell(2))).toBe('FF9C0006');
    expect(row.getCell(2).font?.color?.argb).toBe('FFFFFFFF');
    expect(fillOf(summary.getCell(2, 2))).toBe('FF9C0006');
  });

  test('long pair names with characters sheet names forbid live in cells, never in sheet names', () => {
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['Summary', 'Row counts', 'Schema', 'Nulls', 'Aggregates', 'Mismatches', 'Missing rows']);
    expect(workbook.getWorksheet('Row counts')!.getCell(2, 1).value).toMatch(/^x\/y:z\*\?\[weird\]\\very long pair name/);
  });
});

describe('exact decimal cells', () => {
  test.each([
    ['86925906.00', 86925906, '0.00'],
    ['-19423.84', -19423.84, '0.00'],
    ['123456789012345', 123456789012345, '0'],
    ['0.000000000000001', 1e-15, '0.000000000000000'],
    ['1234567890123456', '1234567890123456', undefined],
    ['9007199254740993', '9007199254740993', undefined],
    ['12345678901234567896.6234567892', '12345678901234567896.6234567892', undefined],
    ['1e5', '1e5', undefined],
    ['NaN', 'NaN', undefined],
  ])('%s', (text, value, numFmt) => {
    const cell = dataCell(text);
    expect(cell.value).toBe(value);
    expect(cell.numFmt).toBe(numFmt);
  });
});
