import { parse } from 'csv-parse/sync';
import { expect, test } from 'vitest';
import { detailsCsv, summaryCsv } from '../../src/report/csv-reports.js';
import { demoResults } from './report-fixtures.js';

test('values a spreadsheet would run as formulas are neutralised in the CSVs; numbers, NULL and empty strings keep their meaning', () => {
  const results = structuredClone(demoResults());
  const fact = results.pairs[0]!;
  fact.samples.mismatches = [
    { key: ['=HYPERLINK("http://evil.example","x")', '1', '2', '3'], column: 'note', source: "=cmd|' /C calc'!A0", target: '@SUM(A1:A9)' },
    { key: ['20240101', '1', '2', '3'], column: 'amount', source: '-1.5', target: '+2' },
    { key: ['20240102', '1', '2', '3'], column: 'note', source: '', target: null, class: 'empty_vs_null' },
  ];
  fact.checks[0]!.message = '=1+1 looks like a formula';
  const details = parse(detailsCsv(results), { columns: true }) as Array<Record<string, string>>;
  const mismatches = details.filter((row) => row.kind === 'mismatch');
  expect(mismatches[0]).toMatchObject({ key: 'date_key==HYPERLINK("http://evil.example","x"), institution_id=1, corporation_id=2, product_id=3', source_value: "'=cmd|' /C calc'!A0", target_value: "'@SUM(A1:A9)" });
  expect(mismatches[1]).toMatchObject({ source_value: '-1.5', target_value: '+2' });
  const raw = detailsCsv(results).split('\n').find((line) => line.includes('20240102'))!;
  expect(raw.endsWith(',"",,empty_vs_null')).toBe(true);
  const summary = parse(summaryCsv(results), { columns: true }) as Array<Record<string, string>>;
  expect(summary[0]!.message!.startsWith("'=1+1 looks like a formula")).toBe(true);
});

test('details.csv carries the mismatch class of each sampled cell, empty for other kinds of row', () => {
  const details = parse(detailsCsv(demoResults()), { columns: true }) as Array<Record<string, string>>;
  expect(Object.keys(details[0]!)).toEqual(['pair', 'kind', 'key', 'column', 'source_value', 'target_value', 'mismatch_class']);
  expect(details.map((row) => [row.kind, row.column, row.mismatch_class])).toEqual([
    ['mismatch', 'charge_off_amount', 'rounded'],
    ['mismatch', 'fraud_count', 'other'],
    ['mismatch', 'purchases_amount', 'null_vs_value'],
    ['mismatch', 'a120_amount', 'sign_flipped'],
    ...Array(5).fill(['within_tolerance', 'income_amount', '']),
    ...Array(5).fill(['only_in_source', '', '']).slice(0, 3),
    ['only_in_target', '', ''],
    ['only_in_target', '', ''],
  ]);
});
