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
    { key: ['20240102', '1', '2', '3'], column: 'note', source: '', target: null },
  ];
  fact.checks[0]!.message = '=1+1 looks like a formula';
  const details = parse(detailsCsv(results), { columns: true }) as Array<Record<string, string>>;
  const mismatches = details.filter((row) => row.kind === 'mismatch');
  expect(mismatches[0]).toMatchObject({ key: 'date_key==HYPERLINK("http://evil.example","x"), institution_id=1, corporation_id=2, product_id=3', source_value: "'=cmd|' /C calc'!A0", target_value: "'@SUM(A1:A9)" });
  expect(mismatches[1]).toMatchObject({ source_value: '-1.5', target_value: '+2' });
  const raw = detailsCsv(results).split('\n').find((line) => line.includes('20240102'))!;
  expect(raw.endsWith(',"",')).toBe(true);
  const summary = parse(summaryCsv(results), { columns: true }) as Array<Record<string, string>>;
  expect(summary[0]!.message!.startsWith("'=1+1 looks like a formula")).toBe(true);
});
