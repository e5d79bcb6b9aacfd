import { describe, expect, test } from 'vitest';
import { markdownSummary } from '../../src/report/markdown-summary.js';
import { markdownText } from '../../src/report/markdown-escaping.js';
import { decodeEntities, demoResults, markdownTables, syntheticPair, syntheticResults } from './report-fixtures.js';

describe('summary.md of the demo run', () => {
  const results = demoResults();
  const markdown = markdownSummary(results, { markerId: 'card-portfolio', artifactUrl: 'https://github.com/acme/warehouse/actions/runs/42/artifacts/7', runUrl: 'https://github.com/acme/warehouse/actions/runs/42' });
  const tables = markdownTables(markdown);

  test('starts with the hidden marker and a one-line verdict with counts', () => {
    const lines = markdown.split('\n');
    expect(lines[0]).toBe('<!-- recon-gate:card-portfolio -->');
    expect(lines[1]).toBe('## ❌ Recon Gate: FAIL');
    expect(lines[3]).toMatch(/^\*\*2 pairs: 1 ✅ passed, 1 ❌ failed\*\* · \*\*3 root causes\*\* · 9 differing rows · duckdb · \d+\.\d s · \d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
  });

  test('lists the pairs worst first, with rows on both sides, mismatched rows and the first root cause', () => {
    const [pairs] = tables;
    expect(pairs![0]).toEqual(['Pair', 'Status', 'Rows (source / target)', 'Mismatched rows', 'Missing / extra rows', 'Root cause']);
    expect(pairs!.slice(1).map((row) => row.slice(0, 5).map(decodeEntities))).toEqual([
      ['fact_executive_summary', '❌ FAIL', '1,800 / 1,799', '4', '3 / 2'],
      ['dim_institution', '✅ PASS', '4 / 4', '0', '0 / 0'],
    ]);
    expect(decodeEntities(pairs![1]![5]!)).toBe('3 rows missing from the target (3 keys) (+2 more)');
  });

  test('a collapsible section per pair that needs a look: checks against thresholds, match rates, samples key first', () => {
    expect(markdown.match(/<details><summary>(?!What was checked)/g)).toHaveLength(1);
    expect(markdown.match(/<details><summary>What was checked<\/summary>/g)).toHaveLength(2);
    expect(markdown).toContain('<details><summary>❌ <b>fact&#95;executive&#95;summary</b>: 3 root causes</summary>');
    // The three defects first, each once, with the missing-key pattern computed over every key.
    expect(decodeEntities(markdown)).toContain(
      [
        '**Root causes**',
        '',
        '1. **3 rows missing from the target (3 keys)**: all 3 have date_key 20240115, institution_id 102, corporation_id 1021: a lost partition or batch?',
        '2. **2 extra rows in the target (2 keys)**: both have date_key 20240131, institution_id 100, corporation_id 1000: a batch loaded twice or from elsewhere?',
        '3. **4 cells changed in 4 rows**: a120_amount 1 (sign flipped 1); charge_off_amount 1 (rounded 1); fraud_count 1 (other 1); purchases_amount 1 (null vs value 1)',
      ].join('\n'),
    );
    const checks = tables[1]!;
    expect(checks[0]).toEqual(['Check', 'Status', 'Measured', 'Threshold', 'Finding']);
    expect(checks.slice(1).map((row) => row.slice(0, 4))).toContainEqual(['missing_rows', '⚠️ WARN', '3 rows (0.17 %)', '≤ 0.5 %']);
    // Checks that only echo a cause say which one instead of failing again.
    expect(checks.slice(1).map((row) => row.slice(0, 2))).toEqual([
      ['row_count', '↳ explained by cause 1'],
      ['nulls', '↳ explained by cause 3'],
      ['aggregates', '↳ explained by cause 3'],
      ['missing_rows', '⚠️ WARN'],
      ['extra_rows', '❌ FAIL'],
      ['value_mismatches', '❌ FAIL'],
      ['row_hash', '↳ explained by cause 3'],
    ]);
    const samples = tables[3]!.map((row) => row.map(decodeEntities));
    expect(samples[0]).toEqual(['date_key', 'institution_id', 'corporation_id', 'product_id', 'column', 'source', 'target', 'why']);
    expect(samples[3]).toEqual(['20240120', '100', '1001', '2', 'purchases_amount', '248150.38', '*NULL*', 'null vs value']);
    expect(tables[4]![0]!.map(decodeEntities)).toEqual(['date_key', 'institution_id', 'corporation_id', 'product_id', 'a120_amount', 'a30_to_59_count', 'charge_off_amount', 'fraud_count']);
    expect(markdown).toContain('**Only in source** (3 of 3 sampled rows; 4 of 7 value columns, the rest in report.xlsx)');
    expect(tables[4]).toHaveLength(4);
    expect(tables[5]).toHaveLength(3);
  });

  test('per-column match rate: matched rows that agree ÷ matched rows, the differing columns first, the others in a sentence', () => {
    expect(markdown).toContain('**Match rate per column** (matched rows that agree ÷ 1,797 matched rows)');
    expect(tables[2]!.map((row) => row.map(decodeEntities))).toEqual([
      ['Column', 'Mismatching rows', 'Match rate', 'Max abs diff', 'Mismatch classes'],
      ['a120_amount', '1', '99.94 %', '38,847.68', 'sign flipped 1'],
      ['charge_off_amount', '1', '99.94 %', '0.38', 'rounded 1'],
      ['fraud_count', '1', '99.94 %', '1', 'other 1'],
      ['purchases_amount', '1', '99.94 %', '0', 'null vs value 1'],
    ]);
    expect(markdown).toContain('The other 3 compared columns agree on every matched row (100 %).');
    const disjoint = structuredClone(results);
    const fact = disjoint.pairs.find((pair) => pair.name === 'fact_executive_summary')!;
    const matched = fact.checks.find((check) => check.details.check === 'value_mismatches')!.details as { comparedRows: number; columns: Array<{ mismatches: number }> };
    matched.comparedRows = 0;
    for (const column of matched.columns) column.mismatches = 0;
    expect(markdownSummary(disjoint)).toContain('**Match rate per column:** no row matched on the key, so no value was compared.');
  });

  test('Mermaid charts by default, and a footer linking the artifacts and the run', () => {
    expect(markdown.match(/^```mermaid$/gm)).toHaveLength(4);
    expect(markdown).not.toContain('quickchart');
    expect(markdown.trimEnd().split('\n').at(-1)).toBe('📦 [Reports: report.xlsx, CSV, charts, results.json](https://github.com/acme/warehouse/actions/runs/42/artifacts/7) · 🔗 [Workflow run](https://github.com/acme/warehouse/actions/runs/42) · recon-gate 0.1.0');
  });

  test('quickchart mode links images on the configured host; none leaves charts out', () => {
    const quick = markdownSummary(results, { charts: 'quickchart', quickchartHost: 'https://charts.example.com' });
    const images = [...quick.matchAll(/!\[([^\]]*)\]\((https:\/\/charts\.example\.com\/chart\?[^)]+)\)/g)];
    expect(images.map((image) => decodeEntities(image[1]!))).toEqual(['Row counts per pair', 'Mismatching rows per column', 'NULL values per column', 'Aggregate relative difference']);
    expect(new URL(images[0]![2]!).searchParams.get('v')).toBe('4');
    expect(quick).not.toContain('```mermaid');
    const none = markdownSummary(results, { charts: 'none' });
    expect(none).not.toContain('### Charts');
    expect(none).not.toContain('Shortened');
  });

  test('links only http(s) URLs', () => {
    const markdownWithBadLinks = markdownSummary(results, { artifactUrl: 'javascript:alert(1)', runUrl: 'https://example.com/run (1)' });
    expect(markdownWithBadLinks).not.toContain('javascript');
    expect(markdownWithBadLinks).toContain('[Workflow run](https://example.com/run%20%281%29)');
  });
});

describe('escaping hostile values', () => {
  const hostile = ['a|b|c', '`code` ``x``', '<script>alert(1)</script>', "=cmd|' /C calc'!A0", 'line one\nline two\r\nthree', '**b** _em_ [link](http://x) ~~g~~ $x$', '@acme/admins #1 &amp;'];
  const pair = syntheticPair({ name: 'pair|<b>bold</b>', keys: ['key|col'], columns: ['col`1', 'col<2>'], samples: hostile.length });
  pair.samples.mismatches = hostile.map((value, i) => ({ key: [value], column: `col${i}|x`, source: value, target: `${value}!` }));
  pair.checks[0]!.message = 'message with | pipe and <img src=x onerror=alert(1)>';
  const markdown = markdownSummary(syntheticResults([pair]), { samples: hostile.length });
  const tables = markdownTables(markdown);

  test('no value splits a table row: every row has as many cells as its header', () => {
    for (const table of tables) for (const row of table) expect(row).toHaveLength(table[0]!.length);
    const samples = tables.find((table) => table[0]![0] === markdownText('key|col'))!;
    expect(samples.slice(1).map((row) => decodeEntities(row[0]!).replace(/<br>/g, '\n'))).toEqual(hostile.map((value) => value.replace(/\r\n/g, '\n')));
  });

  test('no raw HTML, backtick or markdown control character from a value reaches the text', () => {
    const fromValues = markdown.replace(/<\/?(details|summary|b|br)>/g, '').replace(/<!--[^>]*-->/g, '').replace(/^```(mermaid)?$/gm, '').replace(/ 0 --> [\d.]+$/gm, '');
    expect(fromValues).not.toMatch(/<|>/);
    expect(fromValues).not.toContain('`');
    expect(markdown).not.toContain('<script>');
    expect(markdown).not.toContain('[link](');
    expect(markdown).not.toContain('**b**');
    expect(markdown).not.toMatch(/@acme/);
    expect(markdown).toContain('&#64;&#8203;acme/admins &#35;&#8203;1 &#38;amp;');
  });

  test('a newline in a value becomes a <br> inside the cell', () => {
    expect(markdown).toContain('line one<br>line two<br>three');
  });
});

/** Every table has its header, its separator and only complete rows; every sample table as many rows as it says; every block and section closed. */
function expectWhole(markdown: string): void {
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith('|') || lines[i - 1]?.startsWith('|')) continue;
    let end = i;
    while (lines[end + 1]?.startsWith('|')) end++;
    const block = lines.slice(i, end + 1);
    const cells = (line: string) => line.split('|').length;
    expect(block.length, block[0]).toBeGreaterThanOrEqual(3);
    expect(block[1]).toMatch(/^\|(---\|)+$/);
    for (const line of block) {
      expect(line.endsWith('|'), line).toBe(true);
      expect(cells(line), line).toBe(cells(block[0]!));
    }
    const said = /\((\d+) of [\d,]+ sampled/.exec(lines[i - 2] ?? '');
    if (said) expect(block.length - 2, lines[i - 2]).toBe(Number(said[1]));
    i = end;
  }
  expect(lines.filter((line) => line.startsWith('```')).length % 2).toBe(0);
  expect(markdown.match(/<details>/g)?.length ?? 0).toBe(markdown.match(/<\/details>/g)?.length ?? 0);
}

describe('staying under GitHub’s comment limit', () => {
  const big = syntheticResults(
    Array.from({ length: 200 }, (_, i) =>
      syntheticPair({ name: `schema_${i}.table_with_a_long_name_${i}`, status: i % 4 === 0 ? 'PASS' : i % 4 === 1 ? 'WARN' : 'FAIL', keys: ['region', 'customer_id', 'order_id'], columns: Array.from({ length: 12 }, (_, c) => `column_${c}`), samples: 50, valueLength: 200 }),
    ),
  );

  test('a 200-pair run with large samples fits the default budget and says what it left out', () => {
    const markdown = markdownSummary(big);
    expect(markdown.length).toBeLessThanOrEqual(60_000);
    expect(markdown).toMatch(/> \*\*Shortened to fit GitHub's comment limit:\*\* left out /);
    expect(markdown).toContain('report.xlsx and details.csv have everything');
  });

  test('it degrades in steps: fewer samples, fewer columns, no samples, fewer match-rate rows, no charts, then fewer pairs in detail', () => {
    const full = markdownSummary(big, { maxLength: 10_000_000 });
    expect(full).not.toContain('Shortened');
    expect(full.match(/<details><summary>(?!What was checked)/g)).toHaveLength(150);

    // Each step is the longest text under a budget one character below the step before.
    const leftOut: string[] = [];
    let previous = full;
    while (leftOut.length < 20) {
      const next = markdownSummary(big, { maxLength: previous.length - 1 });
      expect(next.length).toBeLessThan(previous.length);
      const note = /left out (.*)\. report\.xlsx and details\.csv have everything/.exec(next)?.[1] ?? '';
      leftOut.push(note.replace(/\d+ of 150 pairs/, 'N of 150 pairs'));
      previous = next;
      if (note.includes('pairs that need a look')) break;
    }
    expect([...new Set(leftOut)]).toEqual([
      'sample rows beyond 2 per kind',
      'sample rows beyond 2 per kind; sample value columns beyond 2',
      'sample rows',
      'sample rows; match-rate rows beyond 3 columns per pair',
      'sample rows; match-rate rows beyond 3 columns per pair; the charts',
      'sample rows; match-rate rows beyond 3 columns per pair; the charts; what was checked for the 50 passing pairs',
      'sample rows; match-rate rows beyond 3 columns per pair; the details of N of 150 pairs that need a look; the charts; what was checked for the 50 passing pairs',
    ]);

    const someDetails = markdownSummary(big);
    const detailed = someDetails.match(/<details>/g)?.length ?? 0;
    expect(detailed).toBeGreaterThan(0);
    expect(detailed).toBeLessThan(150);
    expect(markdownTables(someDetails)[0]).toHaveLength(201);

    const onlyFailing = markdownSummary(big, { maxLength: 25_000 });
    expect(onlyFailing.length).toBeLessThanOrEqual(25_000);
    expect(onlyFailing).toMatch(/\d+ of 200 pairs from the table \(50 ✅ PASS/);
    expect(markdownTables(onlyFailing)[0]!.slice(1).every((row) => !row[1]!.includes('PASS'))).toBe(true);
  });

  test('even a tiny budget gets a verdict and an honest note, never more characters than allowed', () => {
    for (const budget of [8_000, 2_000, 900]) {
      const markdown = markdownSummary(big, { maxLength: budget });
      expect(markdown.length).toBeLessThanOrEqual(budget);
      expect(markdown).toContain('## ❌ Recon Gate: FAIL');
    }
    expect(markdownSummary(big, { maxLength: 2_000 })).toMatch(/left out .*the charts/);
  });

  test('a huge suite: under GitHub’s 65,536 characters at the default budget, and every table and block is whole at any budget', () => {
    const huge = syntheticResults(
      Array.from({ length: 400 }, (_, i) =>
        syntheticPair({ name: `warehouse.schema_${i}.a_table_with_quite_a_long_name_${i}`, status: i % 3 === 0 ? 'PASS' : 'FAIL', keys: ['region', 'customer_id', 'order_id', 'line_no'], columns: Array.from({ length: 40 }, (_, c) => `a_long_column_name_${c}`), samples: 50, valueLength: 300, value: 'é|ü' }),
      ),
    );
    const markdown = markdownSummary(huge);
    expect(markdown.length).toBeLessThanOrEqual(60_000);
    expect([...markdown].length).toBeLessThanOrEqual(65_536);
    expect(markdown).toMatch(/left out .* of 400 pairs from the table/);
    expectWhole(markdown);
    for (const maxLength of [500_000, 30_000, 2_000, 300]) {
      const shorter = markdownSummary(huge, { maxLength });
      expect(shorter.length, `budget ${maxLength}`).toBeLessThanOrEqual(maxLength);
      expectWhole(shorter);
    }
    // The big synthetic run passes through every step, each of them whole.
    for (const maxLength of [400_000, 250_000, 150_000, 50_000]) expectWhole(markdownSummary(big, { maxLength }));
  });

  test('QuickChart links stay under 8 kB however long the names', () => {
    const named = syntheticResults(Array.from({ length: 60 }, (_, i) => syntheticPair({ name: `${'long_schema_name.'.repeat(40)}${i}`, columns: Array.from({ length: 8 }, (_, c) => `${'c'.repeat(300)}${c}`) })));
    const markdown = markdownSummary(named, { charts: 'quickchart', maxLength: 10_000_000 });
    const urls = [...markdown.matchAll(/\]\((https:\/\/quickchart\.io\/chart\?[^)]+)\)/g)].map((match) => match[1]!);
    expect(urls).toHaveLength(4);
    for (const url of urls) expect(url.length).toBeLessThanOrEqual(8000);
  });

  test('pair names of any length cannot push it over', () => {
    const huge = syntheticResults(Array.from({ length: 50 }, (_, i) => syntheticPair({ name: `${'n'.repeat(5000)}${i}`, samples: 20, valueLength: 5000, value: '|'.repeat(500) })));
    expect(markdownSummary(huge).length).toBeLessThanOrEqual(60_000);
  });
});
