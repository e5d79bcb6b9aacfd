import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import type { RunResults } from '../../src/results/results-model.js';
import { checkDetails } from '../../src/report/check-details.js';
import { matchRateText } from '../../src/report/column-match-rates.js';
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

  test('has the nine sheets, in reading order', () => {
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['Summary', 'Row counts', 'Schema', 'Match rates', 'Nulls', 'Aggregates', 'Mismatches', 'Missing rows', 'Charts']);
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

  test('every data sheet: exactly the header row frozen (not the row above it), the auto-filter over the header and every row under it', () => {
    const expected: Record<string, [header: number, filter: string]> = {
      Summary: [9, 'A9:O27'],
      'Row counts': [1, 'A1:I3'],
      Schema: [1, 'A1:H16'],
      'Match rates': [1, 'A1:N11'],
      Nulls: [1, 'A1:E16'],
      Aggregates: [1, 'A1:I43'],
      Mismatches: [1, 'A1:J10'],
      'Missing rows': [1, 'A1:O6'],
    };
    for (const [name, [header, filter]] of Object.entries(expected)) {
      const ws = sheet(name);
      expect(rowValues(ws, header)[0], name).toBe('Pair');
      expect(ws.views, name).toHaveLength(1);
      expect(ws.views[0], name).toMatchObject({ state: 'frozen', xSplit: 0, ySplit: header, topLeftCell: `A${header + 1}` });
      expect(ws.autoFilter, name).toBe(filter);
      expect(ws.rowCount, name).toBe(Number(filter.replace(/^.*[A-Z]/, '')));
      const columns = rowValues(ws, header).length;
      expect(filter.split(':')[1]!.replace(/\d+$/, ''), name).toBe(String.fromCharCode(64 + columns));
      for (let column = 1; column <= columns; column++) expect(ws.getColumn(column).width, `${name} column ${column}`).toBeGreaterThanOrEqual(10);
    }
    expect(sheet('Charts').views ?? []).toEqual([]);
    expect(sheet('Charts').autoFilter).toBeUndefined();
  });

  test('Match rates: per compared column, matched rows that agree ÷ matched rows, and the mismatch classes', () => {
    const rates = sheet('Match rates');
    expect(rowValues(rates, 1)).toEqual(['Pair', 'Column', 'Source column', 'Target column', 'Source type', 'Target type', 'Tolerance', 'Matched rows', 'Agreeing rows', 'Mismatching rows', 'Match rate', 'Max abs diff', 'Within tolerance', 'Mismatch classes']);
    const byColumn = Object.fromEntries(
      Array.from({ length: rates.rowCount - 1 }, (_, i) => rowValues(rates, i + 2)).map((row) => [`${String(row[0])}.${String(row[1])}`, [row[6], row[7], row[8], row[9], row[10], row[11], row[12], row[13]]]),
    );
    expect(byColumn['fact_executive_summary.a120_amount']).toEqual([undefined, 1797, 1796, 1, 1796 / 1797, 38847.68, 0, 'sign_flipped 1']);
    expect(byColumn['fact_executive_summary.purchases_amount']).toEqual([undefined, 1797, 1796, 1, 1796 / 1797, 0, 0, 'null_vs_value 1']);
    expect(byColumn['fact_executive_summary.income_amount']).toEqual(['abs 0.01', 1797, 1797, 0, 1, 0.01, 5, undefined]);
    expect(byColumn['dim_institution.onboarded_on']).toEqual([undefined, 4, 4, 0, 1, undefined, 0, undefined]);
    expect(Object.keys(byColumn)).toHaveLength(10);
    const a120 = rowsWhere(rates, 2, 'a120_amount')[0]!;
    expect(a120.getCell(11).numFmt).toBe('0.00%');
    expect(fillOf(a120.getCell(11))).toBe('FFFFC7CE');
    expect(fillOf(rowsWhere(rates, 2, 'income_amount')[0]!.getCell(11))).toBe('FFC6EFCE');
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

  test('Mismatches: one table for every pair, key columns after the pair, NULL distinguishable, the class of each cell', () => {
    const mismatches = sheet('Mismatches');
    expect(rowValues(mismatches, 1)).toEqual(['Pair', 'date_key', 'institution_id', 'corporation_id', 'product_id', 'Column', 'Source value', 'Target value', 'Kind', 'Mismatch class']);
    expect(rowValues(mismatches, 2)).toEqual(['fact_executive_summary', 20240105, 101, 1010, 3, 'charge_off_amount', 18259.62, 18260, 'mismatch', 'rounded']);
    expect(mismatches.getCell(2, 8).numFmt).toBe('0.00');
    expect(rowValues(mismatches, 4).slice(5)).toEqual(['purchases_amount', 248150.38, 'NULL', 'mismatch', 'null_vs_value']);
    expect(mismatches.getCell(4, 8).font?.italic).toBe(true);
    expect(rowsWhere(mismatches, 9, 'within tolerance').map((row) => row.getCell(10).value)).toEqual([null, null, null, null, null]);
    expect(rowsWhere(mismatches, 1, 'dim_institution')).toHaveLength(0);
  });

  test('Missing rows: one table of only-in-source, only-in-target and duplicate-key samples with their values', () => {
    const missing = sheet('Missing rows');
    expect(rowValues(missing, 1).slice(0, 10)).toEqual(['Pair', 'Kind', 'date_key', 'institution_id', 'corporation_id', 'product_id', 'Source rows', 'Target rows', 'a120_amount', 'a30_to_59_count']);
    expect([2, 3, 4, 5, 6].map((row) => missing.getCell(row, 2).value)).toEqual(['only in source', 'only in source', 'only in source', 'only in target', 'only in target']);
    expect(rowValues(missing, 2).slice(0, 9)).toEqual(['fact_executive_summary', 'only in source', 20240115, 102, 1021, 1, undefined, undefined, 81058.96]);
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
    expect(rowValues(mismatches, 1).slice(0, 2)).toEqual(['Pair', 'id']);
    expect(rowValues(mismatches, 2).slice(1, 5)).toEqual([BEYOND_2_53, 'amount', BIG, -0.5]);
    expect(mismatches.getCell(2, 2).alignment?.horizontal).toBe('right');
    const aggregates = workbook.getWorksheet('Aggregates')!;
    expect(aggregates.getCell(2, 4).value).toBe(BIG);
    expect(aggregates.getCell(2, 5).value).toBe(1.5);
    expect(aggregates.getCell(2, 5).numFmt).toBe('#,##0.0');
  });

  test('formula-like text from the data is neutralised, the empty string stays empty', () => {
    const mismatches = workbook.getWorksheet('Mismatches')!;
    expect(rowValues(mismatches, 3).slice(1, 5)).toEqual(["'=cmd|' /C calc'!A0", 'amount', "'@SUM(A1:A9)", '']);
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
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['Summary', 'Row counts', 'Schema', 'Match rates', 'Nulls', 'Aggregates', 'Mismatches', 'Missing rows']);
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

describe('report.xlsx of pairs with different keys', () => {
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    const orders = syntheticPair({ name: 'orders', keys: ['order_id'], columns: ['amount'], samples: 1 });
    orders.samples.mismatches[0]!.class = 'whitespace';
    const lines = syntheticPair({ name: 'lines', keys: ['order_id', 'line_no'], columns: ['qty'], samples: 1 });
    lines.samples.duplicateKeys = [{ key: ['7', '2'], sourceRows: 1, targetRows: 3 }];
    const matched = checkDetails(lines, 'value_mismatches')!;
    matched.comparedRows = 10_000_000;
    matched.columns = [{ label: 'qty', mismatches: 1, classes: { other: 1 } }];
    const file = path.join(tempDir('keys-workbook'), 'report.xlsx');
    await writeWorkbook(syntheticResults([orders, lines]), file);
    workbook = await openWorkbook(file);
  });

  test('one table: every key column once, in first-seen order; a pair leaves the key columns it lacks empty', () => {
    const mismatches = workbook.getWorksheet('Mismatches')!;
    expect(rowValues(mismatches, 1)).toEqual(['Pair', 'order_id', 'line_no', 'Column', 'Source value', 'Target value', 'Kind', 'Mismatch class']);
    expect(rowValues(mismatches, 2)).toEqual(['orders', 0, undefined, 'amount', 'v0xx', 'v0xx!', 'mismatch', 'whitespace']);
    expect(rowValues(mismatches, 3)).toEqual(['lines', 0, 1, 'qty', 'v0xx', 'v0xx!', 'mismatch']);
    expect(mismatches.autoFilter).toBe('A1:H3');
    const missing = workbook.getWorksheet('Missing rows')!;
    expect(rowValues(missing, 1)).toEqual(['Pair', 'Kind', 'order_id', 'line_no', 'Source rows', 'Target rows', 'amount', 'qty']);
    expect(rowValues(missing, 6)).toEqual(['lines', 'duplicate key', 7, 2, 1, 3]);
    expect(missing.autoFilter).toBe('A1:H6');
  });

  test('a match rate of 1 mismatch in 10 million rows is never shown as 100.00 %', () => {
    const rates = workbook.getWorksheet('Match rates')!;
    const qty = rowsWhere(rates, 2, 'qty')[0]!;
    expect(qty.getCell(11).value).toBe(9_999_999 / 10_000_000);
    expect(qty.getCell(11).numFmt).toBe('0.00000%');
  });
});

describe('match rate wording', () => {
  test.each([
    [1, '100.00 %'],
    [0, '0.00 %'],
    [1796 / 1797, '99.94 %'],
    [0.99999, '99.999 %'],
    [9_999_999 / 10_000_000, '99.99999 %'],
    [1 - 1e-12, '> 99.999999 %'],
    [1e-12, '< 0.000001 %'],
    [null, '–'],
  ])('%s → %s', (rate, textShown) => {
    expect(matchRateText(rate)).toBe(textShown);
  });
});
