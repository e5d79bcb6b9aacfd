import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { junitXml, writeJunitXml, xmlSafe } from '../../src/report/junit-xml.js';
import type { CheckResult, PairResult } from '../../src/results/results-model.js';
import { applyWaivers } from '../../src/waivers/apply-waivers.js';
import { loadWaiversText } from '../../src/waivers/load-waivers.js';
import { tempDir } from '../support/cli.js';
import { demoResults, syntheticPair, syntheticResults } from './report-fixtures.js';

const SCHEMA = readFileSync(path.join(path.dirname(new URL(import.meta.url).pathname), 'junit.xsd'), 'utf8');

/** libxml2 (the engine of xmllint): a strict XML 1.0 parser, and the schema CI tools read. */
async function schemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({ xml: [{ fileName: 'junit.xml', contents: xml }], schema: [{ fileName: 'junit.xsd', contents: SCHEMA }] });
  return result.errors.map((error) => error.message);
}

interface Outcome {
  message?: string;
  type?: string;
  '#text'?: string;
}
interface ParsedCase {
  classname: string;
  name: string;
  time: string;
  file?: string;
  line?: string;
  failure?: Outcome;
  error?: Outcome;
  skipped?: Outcome;
  'system-out'?: string;
}
interface ParsedSuite {
  name: string;
  tests: string;
  failures: string;
  errors: string;
  skipped: string;
  time: string;
  timestamp: string;
  properties: { property: Array<{ name: string; value: string }> };
  testcase?: ParsedCase[];
}
interface ParsedRoot {
  testsuites: { name: string; tests: string; failures: string; errors: string; skipped: string; time: string; testsuite?: ParsedSuite[] };
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  htmlEntities: true,
  isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name),
});

function parse(xml: string): ParsedRoot {
  return parser.parse(xml) as ParsedRoot;
}

type Counts = { tests: number; failures: number; errors: number; skipped: number };

function countCases(cases: readonly ParsedCase[]): Counts {
  return {
    tests: cases.length,
    failures: cases.filter((c) => c.failure).length,
    errors: cases.filter((c) => c.error).length,
    skipped: cases.filter((c) => c.skipped).length,
  };
}

const declared = (element: { tests: string; failures: string; errors: string; skipped: string }): Counts => ({
  tests: Number(element.tests),
  failures: Number(element.failures),
  errors: Number(element.errors),
  skipped: Number(element.skipped),
});

/** Every count attribute agrees with the testcases under it, per suite and at the root. */
function expectConsistentCounts(root: ParsedRoot): Counts {
  const suites = root.testsuites.testsuite ?? [];
  for (const suite of suites) expect(declared(suite), suite.name).toEqual(countCases(suite.testcase ?? []));
  const all = countCases(suites.flatMap((suite) => suite.testcase ?? []));
  expect(declared(root.testsuites)).toEqual(all);
  return all;
}

const caseOf = (root: ParsedRoot, classname: string, name: string) =>
  root.testsuites.testsuite!.flatMap((suite) => suite.testcase ?? []).find((c) => c.classname === classname && c.name === name)!;

describe('junit.xml of the demo run', () => {
  const results = demoResults();
  const xml = junitXml(results);
  const root = parse(xml);

  test('is valid JUnit XML: one suite for the config file, a testcase per pair and check', async () => {
    expect(await schemaErrors(xml)).toEqual([]);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="Recon Gate" ')).toBe(true);
    const [suite, ...others] = root.testsuites.testsuite!;
    expect(others).toEqual([]);
    expect(suite!.name).toBe('recon-configs/card-portfolio.yml');
    const checks = ['row_count', 'schema', 'nulls', 'aggregates', 'duplicate_keys', 'missing_rows', 'extra_rows', 'value_mismatches', 'row_hash'];
    expect(suite!.testcase!.map((c) => `${c.classname}.${c.name}`)).toEqual([...checks.map((c) => `fact_executive_summary.${c}`), ...checks.map((c) => `dim_institution.${c}`)]);
    expect(suite!.testcase!.map((c) => `${c.file}:${c.line}`)).toEqual([...Array(9).fill('recon-configs/card-portfolio.yml:14'), ...Array(9).fill('recon-configs/card-portfolio.yml:28')]);
    expect(suite!.properties.property).toEqual([
      { name: 'engine', value: 'duckdb' },
      { name: 'recon-gate.version', value: results.tool.version },
      { name: 'run.status', value: 'FAIL' },
    ]);
  });

  test('counts six failures, no errors, nothing skipped, on the suite and the root', () => {
    expect(expectConsistentCounts(root)).toEqual({ tests: 18, failures: 6, errors: 0, skipped: 0 });
    const failing = root.testsuites.testsuite![0]!.testcase!.filter((c) => c.failure).map((c) => c.name);
    expect(failing).toEqual(['row_count', 'nulls', 'aggregates', 'extra_rows', 'value_mismatches', 'row_hash']);
  });

  test('a failure says the measured value, unit, percent and threshold, then what was found', () => {
    const failure = caseOf(root, 'fact_executive_summary', 'value_mismatches').failure!;
    expect(failure.type).toBe('FAIL');
    expect(failure.message).toBe('4 rows (0.22 %), threshold ≤ 0 rows: 4 of 1,797 matched rows differ; by column: a120_amount 1, charge_off_amount 1, fraud_count 1, purchases_amount 1');
    const body = failure['#text']!.split('\n');
    expect(body.slice(0, 8)).toEqual([
      'fact_executive_summary · value_mismatches: FAIL',
      'config: recon-configs/card-portfolio.yml:14',
      'source: table legacy.fact_executive_summary (1,800 rows)',
      'target: table lakehouse.fact_executive_summary (1,799 rows)',
      'measured: 4 rows (0.22 %) of 1,797',
      'threshold: ≤ 0 rows',
      '4 of 1,797 matched rows differ; by column: a120_amount 1, charge_off_amount 1, fraud_count 1, purchases_amount 1',
      'mismatches by column:',
    ]);
    expect(body).toContain('  purchases_amount: 1 (null_vs_value 1)');
    expect(body).toContain('  date_key=20240120, institution_id=100, corporation_id=1001, product_id=2: purchases_amount 248150.38 → NULL (null_vs_value)');
    expect(caseOf(root, 'fact_executive_summary', 'extra_rows').failure!.message).toBe('2 rows (0.11 %), threshold ≤ 0 rows: 2 target rows (2 keys) not in the source');
  });

  test('a WARN passes, with the reason in system-out; a PASS is an empty testcase', () => {
    const missing = caseOf(root, 'fact_executive_summary', 'missing_rows');
    expect(missing.failure).toBeUndefined();
    expect(missing['system-out']!.split('\n').slice(0, 7)).toEqual([
      'fact_executive_summary · missing_rows: WARN',
      'config: recon-configs/card-portfolio.yml:14',
      'source: table legacy.fact_executive_summary (1,800 rows)',
      'target: table lakehouse.fact_executive_summary (1,799 rows)',
      'measured: 3 rows (0.17 %) of 1,800',
      'threshold: ≤ 0.5 %',
      '3 source rows (3 keys) missing from the target',
    ]);
    expect(Object.keys(caseOf(root, 'dim_institution', 'row_count')).sort()).toEqual(['classname', 'file', 'line', 'name', 'time']);
  });

  test('times are seconds: each check gets an equal share of its pair, the root the run', () => {
    const suite = root.testsuites.testsuite![0]!;
    for (const c of suite.testcase!) expect(c.time).toMatch(/^\d+\.\d{3}$/);
    const fact = results.pairs[0]!;
    expect(Number(caseOf(root, 'fact_executive_summary', 'row_count').time)).toBeCloseTo(fact.durationMs / 9 / 1000, 3);
    expect(Number(suite.time)).toBeCloseTo((fact.durationMs + results.pairs[1]!.durationMs) / 1000, 3);
    expect(Number(root.testsuites.time)).toBeCloseTo(results.run.durationMs / 1000, 3);
    expect(suite.timestamp).toBe(results.run.startedAt.replace(/\.\d+Z$/, 'Z'));
  });

  test('waived checks are skipped with the reason, and stop counting as failures', async () => {
    const { waivers } = loadWaiversText(
      [
        'version: 1',
        'waivers:',
        '  - { pair: fact_executive_summary, check: value_mismatches, reason: "Restated <after> cut-over & re-keyed", owner: finance@example.com, expires: 2027-01-31 }',
        '  - { pair: fact_executive_summary, check: extra_rows, reason: Smoke-test rows, owner: qa@example.com, expires: 2027-01-31 }',
        '  - { pair: fact_executive_summary, check: row_hash, reason: Same rows, owner: finance@example.com, expires: 2027-01-31 }',
      ].join('\n'),
      'recon-configs/waivers.yml',
    );
    const waivedXml = junitXml(applyWaivers(results, waivers, new Date('2026-11-23T00:00:00Z')));
    expect(await schemaErrors(waivedXml)).toEqual([]);
    const waived = parse(waivedXml);
    expect(expectConsistentCounts(waived)).toEqual({ tests: 18, failures: 3, errors: 0, skipped: 3 });
    const skipped = caseOf(waived, 'fact_executive_summary', 'value_mismatches').skipped!;
    expect(skipped.message).toBe('waived: Restated <after> cut-over & re-keyed (finance@example.com, until 2027-01-31)');
    expect(skipped['#text']!.split('\n')[0]).toBe('fact_executive_summary · value_mismatches: WAIVED (was FAIL)');
    expect(skipped['#text']).toContain('waiver recon-configs/waivers.yml:3: Restated <after> cut-over & re-keyed; owner finance@example.com, until 2027-01-31');
    expect(waived.testsuites.testsuite![0]!.properties.property).toContainEqual({ name: 'waivers.files', value: 'recon-configs/waivers.yml' });
  });

  test('writeJunitXml writes junit.xml into the report folder', () => {
    const out = tempDir('junit');
    const file = writeJunitXml(results, path.join(out, 'nested'));
    expect(file).toBe(path.join(out, 'nested', 'junit.xml'));
    expect(readFileSync(file, 'utf8')).toBe(xml);
  });
});

function erroredPair(name: string, file: string): PairResult {
  const base = syntheticPair({ name, status: 'ERROR' });
  const message = 'TABLE_OR_VIEW_NOT_FOUND: lakehouse.ledger';
  return {
    ...base,
    config: { file, line: 9, column: 5 },
    error: { kind: 'not_found', message, step: 'schema' },
    checks: base.checks.map((check): CheckResult => ({ ...check, status: 'ERROR', message: `not run: ${message}`, details: { check: 'not_run', reason: message } })),
  };
}

describe('junit.xml of crafted runs', () => {
  test('one suite per config file, in run order, with errors counted apart from failures', async () => {
    const results = syntheticResults([
      syntheticPair({ name: 'orders', status: 'FAIL' }),
      { ...syntheticPair({ name: 'ledger_ok', status: 'PASS' }), config: { file: 'recon-configs/finance/ledger.yml', line: 3, column: 5 } },
      erroredPair('ledger', 'recon-configs/finance/ledger.yml'),
      syntheticPair({ name: 'customers', status: 'WARN' }),
    ]);
    const xml = junitXml(results);
    expect(await schemaErrors(xml)).toEqual([]);
    const root = parse(xml);
    expect(root.testsuites.testsuite!.map((suite) => [suite.name, declared(suite)])).toEqual([
      ['recon-configs/synthetic.yml', { tests: 18, failures: 7, errors: 0, skipped: 0 }],
      ['recon-configs/finance/ledger.yml', { tests: 18, failures: 0, errors: 9, skipped: 0 }],
    ]);
    expect(expectConsistentCounts(root)).toEqual({ tests: 36, failures: 7, errors: 9, skipped: 0 });
    const error = caseOf(root, 'ledger', 'value_mismatches').error!;
    expect([error.type, error.message]).toEqual(['not_found', 'TABLE_OR_VIEW_NOT_FOUND: lakehouse.ledger']);
    expect(error['#text']).toContain('error (schema): TABLE_OR_VIEW_NOT_FOUND: lakehouse.ledger');
  });

  test('a pair that failed before it had checks is one errored testcase', async () => {
    const pair = { ...erroredPair('ledger', 'recon-configs/ledger.yml'), checks: [] };
    const xml = junitXml(syntheticResults([pair]));
    expect(await schemaErrors(xml)).toEqual([]);
    const root = parse(xml);
    expect(expectConsistentCounts(root)).toEqual({ tests: 1, failures: 0, errors: 1, skipped: 0 });
    expect(caseOf(root, 'ledger', 'reconcile').error!.type).toBe('not_found');
  });

  test('a run without pairs is an empty, valid report', async () => {
    const xml = junitXml(syntheticResults([]));
    expect(await schemaErrors(xml)).toEqual([]);
    expect(expectConsistentCounts(parse(xml))).toEqual({ tests: 0, failures: 0, errors: 0, skipped: 0 });
  });

  test('hostile values survive: markup is escaped, line breaks kept, characters XML 1.0 forbids replaced visibly', async () => {
    const hostile = 'a"<&>\'b\u0000\u001b\t\r\n]]><!--x--><![CDATA[\ud800😀\ufffe\u0085';
    const pair = syntheticPair({ name: hostile, status: 'FAIL', value: hostile, keys: ['id', hostile] });
    pair.description = hostile;
    pair.checks = pair.checks.map((check) => ({ ...check, message: `found ${hostile}`, warnings: [hostile] }));
    const results = syntheticResults([{ ...pair, config: { ...pair.config, file: `recon-configs/${hostile}.yml` } }]);
    results.run.interrupted = hostile;
    const xml = junitXml(results);

    // libxml2 refuses a document with even one forbidden character, so this also proves none is left.
    expect(await schemaErrors(xml)).toEqual([]);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/u);
    const safe = 'a"<&>\'b␀␛\t\r\n]]><!--x--><![CDATA[\uFFFD😀\uFFFD\u0085';
    expect(xmlSafe(hostile)).toBe(safe);

    const root = parse(xml);
    expectConsistentCounts(root);
    const suite = root.testsuites.testsuite![0]!;
    expect(suite.name).toBe(`recon-configs/${safe}.yml`);
    expect(suite.properties.property).toContainEqual({ name: 'run.interrupted', value: safe });
    const rowCount = caseOf(root, safe, 'row_count');
    expect(rowCount.failure!.message).toBe(`12 rows (1.20 %), threshold ≤ 0 rows: found ${safe}`);
    expect(rowCount.failure!['#text']!.endsWith(`\nwarning: ${safe}`)).toBe(true);
    const mismatches = caseOf(root, safe, 'value_mismatches').failure!['#text']!;
    expect(mismatches).toContain(`\n  id=${safe}0, ${safe}=${safe}0: amount ${safe}v0xx → ${safe}v0xx!\n`);
  });

  test('the schema has teeth: it refuses what CI tools would misread', async () => {
    const document = (testcase: string) => `<testsuites tests="1" failures="1" errors="0"><testsuite name="s" tests="1" failures="1" errors="0">${testcase}</testsuite></testsuites>`;
    expect(await schemaErrors(document('<testcase classname="p" name="c" time="0.001"><failure message="m"/></testcase>'))).toEqual([]);
    for (const invalid of [
      '<testcase classname="p" name="c" time="1e-3"/>',
      '<testcase classname="p" name="c" time="0.1"><failure/><skipped/></testcase>',
      '<testcase name="c" time="0.1"/>',
      '<testcase classname="p" name="c" time="0.1" line="0"/>',
    ]) {
      expect(await schemaErrors(document(invalid)), invalid).not.toEqual([]);
    }
  });

  test('the escaping functions of the writer are the XML 1.0 rules, not HTML rules', () => {
    expect(xmlSafe('tab\tLF\nCR\r ok')).toBe('tab\tLF\nCR\r ok');
    expect(xmlSafe('\u0001\u0008\u000B\u000C\u001F')).toBe('␁␈␋␌␟');
    expect(xmlSafe('\uD83D\uDE00 pair kept, lone \uDE00 and \uD83D replaced')).toBe('😀 pair kept, lone \uFFFD and \uFFFD replaced');
  });
});
