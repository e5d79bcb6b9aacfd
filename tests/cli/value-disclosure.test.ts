import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { RunResults } from '../../src/results/results-model.js';
import { HIDDEN_VALUE, maskedValue } from '../../src/results/value-disclosure.js';
import { zipEntries } from '../action/support/zip-entries.js';
import { runCli, tempDir } from '../support/cli.js';

/**
 * A pair with distinctive values planted in every place a value can surface: a differing text
 * cell, a distinctive number (so in sums, min, max, avg and their differences), keys on one side
 * only, a duplicated key, an e-mail column with equal values on both sides, a NULL, and a filter
 * that makes DuckDB fail with a value in its error message. Every report file is then read
 * whole (the workbook unzipped) and searched for them.
 */
const SECRET_TEXT = 'PLANTED-SECRET-7731';
const TARGET_TEXT = 'PLANTED-TARGET-4410';
const ONLY_SOURCE_TEXT = 'ONLY-SOURCE-NAME-5150';
const KEY = 'KEY-PLANTED-0042';
const ONLY_SOURCE_KEY = 'KEY-ONLY-SRC-9917';
const ONLY_TARGET_KEY = 'KEY-ONLY-TGT-8826';
const DUPLICATE_KEY = 'KEY-DUP-3307';
const NUMBER = '918273.645';
const TWIN_EMAIL = 'twin@planted.example';
const ALICE_EMAIL = 'alice@planted.example';

const SOURCE_CSV = `customer_key,email,name,amount,segment
${KEY},${ALICE_EMAIL},${SECRET_TEXT},${NUMBER},gold
KEY-B,bob@example.org,Bob,10.5,silver
KEY-C,carol@example.org,Carol,20.25,silver
KEY-E,erin@example.org,Erin,30.125,bronze
${DUPLICATE_KEY},dup@example.org,Dup,1.5,bronze
${ONLY_SOURCE_KEY},${TWIN_EMAIL},${ONLY_SOURCE_TEXT},40,bronze
`;
const TARGET_CSV = `customer_key,email,name,amount,segment
${KEY},${ALICE_EMAIL},${TARGET_TEXT},918273.655,gold
KEY-B,bob@EXAMPLE.org,Bob,10.5,silver
KEY-C,carol@example.org,Carol,20.25,Silver
KEY-E,,Erin,30.125,bronze
${DUPLICATE_KEY},dup@example.org,Dup,1.5,bronze
${DUPLICATE_KEY},dup@example.org,Dup,1.5,bronze
${ONLY_TARGET_KEY},${TWIN_EMAIL},ONLY-TARGET-NAME-6262,50,gold
`;

/** The name cast fails on the planted row only, so DuckDB's error quotes the planted text. */
const FAILING_FILTER = "CASE WHEN name LIKE 'PLANTED-S%' THEN CAST(name AS INTEGER) ELSE 1 END > 0";

function writeScenario(settings: string, pairSettings = ''): string {
  const folder = tempDir('disclosure');
  writeFileSync(path.join(folder, 'source.csv'), SOURCE_CSV);
  writeFileSync(path.join(folder, 'target.csv'), TARGET_CSV);
  writeFileSync(
    path.join(folder, 'recon.yml'),
    `version: 1
${settings}
pairs:
  - name: customers
    source: { file: source.csv }
    target: { file: target.csv }
    primary_key: [customer_key]
${pairSettings}
  - name: failing_cast
    source: { file: source.csv, filter: "${FAILING_FILTER}" }
    target: { file: target.csv }
    primary_key: [customer_key]
${pairSettings}
`,
  );
  return folder;
}

interface Run {
  results: RunResults;
  /** Every output file by its path under the output folder; the workbook as its unzipped XML parts. */
  files: Map<string, string>;
  log: string;
  code: number | null;
}

function listFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? listFiles(path.join(folder, entry.name)) : [path.join(folder, entry.name)]));
}

function runScenario(settings: string, pairSettings = ''): Run {
  const folder = writeScenario(settings, pairSettings);
  const out = path.join(folder, 'out');
  const run = runCli(['run', '--config', path.join(folder, 'recon.yml'), '--out', out, '--json'], { cwd: folder });
  const files = new Map<string, string>();
  for (const file of listFiles(out)) {
    const name = path.relative(out, file);
    if (file.endsWith('.xlsx')) {
      for (const entry of zipEntries(readFileSync(file))) files.set(`${name}!${entry.name}`, entry.data.toString('utf8'));
    } else {
      files.set(name, readFileSync(file).toString(file.endsWith('.png') ? 'latin1' : 'utf8'));
    }
  }
  return { results: JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')) as RunResults, files, log: `${run.stderr}\n${run.stdout}`, code: run.code };
}

/** Where a text occurs: output files and the CLI's own output (progress on stderr, --json on stdout). */
function whereFound(run: Run, text: string): string[] {
  const found = [...run.files].filter(([, content]) => content.includes(text)).map(([name]) => name);
  return run.log.includes(text) ? [...found, 'the CLI output'] : found;
}

/** Every report the task names, so a report that stops being written cannot make a search pass. */
const EXPECTED_FILES = ['summary.md', 'summary.csv', 'details.csv', 'junit.xml', 'results.json', 'reproduce.sql', 'report.xlsx!xl/sharedStrings.xml', 'charts/row-counts.svg', 'charts/aggregate-differences.svg'];

/** The values of the sums, minima, maxima and averages in a `show` run: all of them table values. */
function aggregateValues(results: RunResults): string[] {
  const customers = results.pairs.find((pair) => pair.name === 'customers')!;
  const details = customers.checks.find((check) => check.details.check === 'aggregates')!.details;
  if (details.check !== 'aggregates') throw new Error('no aggregates');
  return details.aggregates
    .filter((aggregate) => !aggregate.function.includes('count'))
    .flatMap((aggregate) => [aggregate.source, aggregate.target, aggregate.difference])
    .filter((value): value is string => value !== null && value.replace(/\D/g, '').length >= 5);
}

function measuredOf(results: RunResults) {
  return results.pairs.map((pair) => [pair.name, pair.status, pair.checks.map((check) => [check.check, check.status, check.measured])]);
}

describe('sample_values and mask_columns keep values out of every report', () => {
  let shown: Run;
  let keysOnly: Run;
  let none: Run;
  let masked: Run;
  let maskedKey: Run;
  beforeAll(() => {
    shown = runScenario('');
    keysOnly = runScenario('defaults:\n  sample_values: keys_only');
    none = runScenario('', '    sample_values: none');
    masked = runScenario('defaults:\n  mask_columns: [email]', '    mask_columns: [name]');
    maskedKey = runScenario('', '    mask_columns: [customer_key]');
  }, 120_000);

  const VALUES = [SECRET_TEXT, TARGET_TEXT, ONLY_SOURCE_TEXT, NUMBER, ALICE_EMAIL, TWIN_EMAIL];
  const KEYS = [KEY, ONLY_SOURCE_KEY, ONLY_TARGET_KEY, DUPLICATE_KEY];

  test('with the default (show), every planted value is in the reports: the search finds what it looks for', () => {
    for (const run of [shown, keysOnly, none, masked, maskedKey]) expect(run.code, run.log).toBe(1);
    for (const file of EXPECTED_FILES) expect([...shown.files.keys()]).toContain(file);
    for (const file of ['summary.md', 'details.csv', 'junit.xml', 'results.json', 'report.xlsx!xl/sharedStrings.xml']) {
      expect(shown.files.get(file), file).toContain(SECRET_TEXT);
      expect(shown.files.get(file), file).toContain(KEY);
    }
    expect(whereFound(shown, NUMBER)).toContain('report.xlsx!xl/worksheets/sheet6.xml');
    expect(aggregateValues(shown.results).length).toBeGreaterThanOrEqual(6);
    // The failing pair's error quotes the planted text, as DuckDB wrote it.
    expect(shown.results.pairs[1]!.error!.message).toContain(`'${SECRET_TEXT}'`);
    expect(shown.results.pairs[0]!.disclosure).toBeUndefined();
  });

  test('none: no key, no value, no sum, minimum, maximum or average, in any file, the log or the error', () => {
    for (const file of EXPECTED_FILES) expect([...none.files.keys()]).toContain(file);
    for (const planted of [...VALUES, ...KEYS, ...aggregateValues(shown.results)]) expect(whereFound(none, planted), planted).toEqual([]);
    expect(none.files.get('summary.md')).toContain(HIDDEN_VALUE);
    expect(none.files.get('summary.md')).toContain('No key or value is shown (`sample_values: none`)');
    expect(none.files.get('reproduce.sql')).toContain("this pair's values (sample_values: none)");
    expect(none.results.pairs[0]!.disclosure).toEqual({ sampleValues: 'none' });
    expect(none.results.pairs[1]!.error!.message).toContain(`Could not convert string '${HIDDEN_VALUE}'`);
  });

  test('none and keys_only keep every count, status, class and column of show', () => {
    expect(measuredOf(none.results)).toEqual(measuredOf(shown.results));
    expect(measuredOf(keysOnly.results)).toEqual(measuredOf(shown.results));
    const classes = (run: Run) => run.results.pairs[0]!.samples.mismatches.map((sample) => [sample.column, sample.class]);
    expect(classes(none)).toEqual(classes(shown));
    expect(classes(none)).toContainEqual(['segment', 'case']);
    expect(none.results.summary).toEqual(shown.results.summary);
  });

  test('keys_only: the keys are there, no other value is', () => {
    for (const key of KEYS) {
      expect(keysOnly.files.get('summary.md'), key).toContain(key);
      expect(keysOnly.files.get('details.csv'), key).toContain(key);
      expect(keysOnly.files.get('results.json'), key).toContain(key);
    }
    expect(keysOnly.files.get('junit.xml')).toContain(KEY);
    expect(keysOnly.files.get('report.xlsx!xl/sharedStrings.xml')).toContain(KEY);
    for (const planted of [...VALUES, ...aggregateValues(shown.results)]) expect(whereFound(keysOnly, planted), planted).toEqual([]);
    const aggregates = keysOnly.results.pairs[0]!.checks.find((check) => check.check === 'aggregates')!;
    expect(aggregates.message).toContain(`max(amount) ${HIDDEN_VALUE} → ${HIDDEN_VALUE}`);
  });

  test('mask_columns: masked values are not there, their hashes are, equal values hash alike and NULL stays NULL', () => {
    const pair = masked.results.pairs[0]!;
    for (const planted of [SECRET_TEXT, TARGET_TEXT, ONLY_SOURCE_TEXT, ALICE_EMAIL, TWIN_EMAIL]) expect(whereFound(masked, planted), planted).toEqual([]);
    for (const file of ['summary.md', 'details.csv', 'junit.xml', 'results.json', 'report.xlsx!xl/sharedStrings.xml']) {
      // summary.md writes `#` as an entity, so that GitHub cannot read the hash as an issue link.
      expect(masked.files.get(file), file).toContain(maskedValue(SECRET_TEXT).slice(1));
    }
    expect(maskedValue(SECRET_TEXT)).toMatch(/^#[0-9a-f]{8}$/);
    // The same address on a row only in the source and on one only in the target.
    const twinSource = pair.samples.onlyInSource[0]!.values.email;
    expect(twinSource).toBe(maskedValue(TWIN_EMAIL));
    expect(pair.samples.onlyInTarget[0]!.values.email).toBe(twinSource);
    expect(pair.samples.mismatches.find((sample) => sample.key[0] === 'KEY-B')).toMatchObject({ column: 'email', source: maskedValue('bob@example.org'), target: maskedValue('bob@EXAMPLE.org'), class: 'case' });
    expect(pair.samples.mismatches.find((sample) => sample.key[0] === 'KEY-E')).toMatchObject({ column: 'email', source: maskedValue('erin@example.org'), target: null, class: 'null_vs_value' });
    // Columns not masked, and keys, still show.
    expect(masked.files.get('summary.md')).toContain(KEY);
    expect(whereFound(masked, NUMBER)).not.toEqual([]);
    expect(pair.disclosure).toEqual({ sampleValues: 'show', maskedColumns: ['email', 'name'] });
    expect(masked.files.get('summary.md')).toContain('email, name as a hash (equal values, equal hashes)');
  });

  test('mask_columns on the key: the key values are hashes everywhere, the same in every report', () => {
    for (const key of KEYS) expect(whereFound(maskedKey, key), key).toEqual([]);
    for (const file of ['summary.md', 'details.csv', 'junit.xml', 'results.json', 'report.xlsx!xl/sharedStrings.xml']) {
      expect(maskedKey.files.get(file), file).toContain(maskedValue(KEY).slice(1));
    }
    expect(maskedKey.files.get('summary.md')).toContain(SECRET_TEXT);
    expect(maskedKey.results.pairs[0]!.samples.duplicateKeys.map((sample) => sample.key)).toEqual([[maskedValue(DUPLICATE_KEY)]]);
  });

  test('a mask_columns name that neither side has stops the pair and says so, instead of masking nothing', () => {
    const run = runScenario('', '    mask_columns: [emial]');
    expect(run.code).toBe(2);
    expect(run.results.pairs[0]).toMatchObject({ status: 'ERROR', error: { kind: 'config', message: expect.stringContaining('mask_columns names `emial`, which neither side has') } });
    expect(whereFound(run, SECRET_TEXT)).toEqual([]);
  });
});
