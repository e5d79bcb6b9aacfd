import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { aggregateFindings, mismatchFindings, nullFindings, schemaFindings } from '../results/findings.js';
import type { CheckResult, PairResult, RunResults } from '../results/results-model.js';
import { shownStatus } from '../results/statuses.js';
import { countText, measuredText, thresholdText } from './check-wording.js';
import { keyText } from './key-text.js';

/**
 * junit.xml: the run as JUnit test results, which every CI system can show (GitLab merge
 * requests, Jenkins, Azure DevOps, GitHub test-report actions). One <testsuite> per config file,
 * one <testcase> per pair and check (classname = pair, name = check):
 *
 * - FAIL  → <failure type="FAIL">, its message the measured value, percent and threshold;
 * - ERROR → <error>, typed by the pair's error kind when it has one;
 * - waived → <skipped message="waived: …">: CI systems count and list skipped tests with their
 *   message, so an accepted difference stays visible without failing the build; a property
 *   would be shown by none of them;
 * - WARN  → a passing test whose <system-out> says why it warned (WARN does not fail the gate);
 * - PASS  → a passing test.
 *
 * Times are seconds. Results carry a duration per pair, not per check (a pair's checks share
 * its statements), so each check gets an equal share of its pair's time. `file` and `line` on a
 * testcase point at the pair in its config, for reporters that annotate the pull request.
 */

const SAMPLE_LINES = 10;

type CaseKind = 'passed' | 'failure' | 'error' | 'skipped';

interface TestCase {
  kind: CaseKind;
  xml: string;
  seconds: number;
}

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

export function junitXml(results: RunResults): string {
  const byFile = new Map<string, PairResult[]>();
  for (const pair of results.pairs) byFile.set(pair.config.file, [...(byFile.get(pair.config.file) ?? []), pair]);

  const timestamp = results.run.startedAt.replace(/\.\d+(?=Z$)/, '');
  const total: Counts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  const suites = [...byFile].map(([file, pairs]) => {
    const cases = pairs.flatMap(pairCases);
    const counts = countsOf(cases);
    for (const key of Object.keys(total) as Array<keyof Counts>) total[key] += counts[key];
    const seconds = pairs.reduce((sum, pair) => sum + pair.durationMs, 0) / 1000;
    const properties = [
      ['engine', results.run.engine],
      ['recon-gate.version', results.tool.version],
      ['run.status', results.status],
      ...(results.run.interrupted ? [['run.interrupted', results.run.interrupted]] : []),
      ...(results.waivers ? [['waivers.files', results.waivers.files.join(', ')]] : []),
    ];
    return [
      `  <testsuite${attributes({ name: file, tests: counts.tests, failures: counts.failures, errors: counts.errors, skipped: counts.skipped, time: seconds.toFixed(3), timestamp, file })}>`,
      '    <properties>',
      ...properties.map(([name, value]) => `      <property${attributes({ name, value })}/>`),
      '    </properties>',
      ...cases.map((testCase) => testCase.xml),
      '  </testsuite>',
    ].join('\n');
  });

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({ name: 'Recon Gate', tests: total.tests, failures: total.failures, errors: total.errors, skipped: total.skipped, time: (results.run.durationMs / 1000).toFixed(3), timestamp })}>`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

/** Writes junit.xml into `outDir` and returns its path. */
export function writeJunitXml(results: RunResults, outDir: string): string {
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, 'junit.xml');
  writeFileSync(file, junitXml(results));
  return file;
}

function countsOf(cases: readonly TestCase[]): Counts {
  return {
    tests: cases.length,
    failures: cases.filter((testCase) => testCase.kind === 'failure').length,
    errors: cases.filter((testCase) => testCase.kind === 'error').length,
    skipped: cases.filter((testCase) => testCase.kind === 'skipped').length,
  };
}

function pairCases(pair: PairResult): TestCase[] {
  const location = { file: pair.config.file, line: pair.config.line };
  if (pair.checks.length === 0) {
    // A pair that failed before it had checks still needs a test that says so.
    const seconds = pair.durationMs / 1000;
    const open = `    <testcase${attributes({ classname: pair.name, name: 'reconcile', time: seconds.toFixed(3), ...location })}>`;
    if (!pair.error) return [{ kind: 'passed', seconds, xml: `${open}</testcase>` }];
    const body = [`${pair.name} could not be reconciled`, ...pairLines(pair), `step: ${pair.error.step ?? pair.error.kind}`, pair.error.message];
    return [{ kind: 'error', seconds, xml: `${open}\n${outcomeElement('error', { message: pair.error.message, type: pair.error.kind }, body)}\n    </testcase>` }];
  }
  const seconds = pair.durationMs / 1000 / pair.checks.length;
  return pair.checks.map((check) => {
    const kind = caseKind(check);
    const open = `    <testcase${attributes({ classname: pair.name, name: check.check, time: seconds.toFixed(3), ...location })}`;
    const outcome = outcomeOf(pair, check, kind);
    return { kind, seconds, xml: outcome ? `${open}>\n${outcome}\n    </testcase>` : `${open}/>` };
  });
}

function caseKind(check: CheckResult): CaseKind {
  if (check.waiver?.outcome === 'waived') return 'skipped';
  if (check.status === 'FAIL') return 'failure';
  if (check.status === 'ERROR') return 'error';
  return 'passed';
}

function outcomeOf(pair: PairResult, check: CheckResult, kind: CaseKind): string | undefined {
  const body = checkLines(pair, check);
  switch (kind) {
    case 'failure':
      return outcomeElement('failure', { message: `${measuredText(check)}, threshold ${thresholdText(check.threshold, check.unit)}: ${check.message}`, type: 'FAIL' }, body);
    case 'error':
      return outcomeElement('error', { message: pair.error?.message ?? check.message, type: pair.error?.kind ?? 'ERROR' }, body);
    case 'skipped': {
      const waivers = check.waiver?.waivers ?? [];
      return outcomeElement('skipped', { message: `waived: ${waivers.map((waiver) => `${oneLine(waiver.reason)} (${waiver.owner}, until ${waiver.expires})`).join('; ')}` }, body);
    }
    case 'passed':
      return check.status === 'WARN' ? `      <system-out>${escapeText(body.join('\n'))}</system-out>` : undefined;
  }
}

function outcomeElement(name: string, attributeValues: Record<string, string>, body: readonly string[]): string {
  return `      <${name}${attributes(attributeValues)}>${escapeText(body.join('\n'))}</${name}>`;
}

function pairLines(pair: PairResult): string[] {
  const side = (label: string, summary: PairResult['source']) =>
    `${label}: ${summary.description}${summary.filter ? ` WHERE ${summary.filter}` : ''}${summary.rows !== undefined ? ` (${countText(summary.rows)} rows)` : ''}`;
  return [`config: ${pair.config.file}:${pair.config.line}`, side('source', pair.source), side('target', pair.target)];
}

/** What a reviewer needs to act on a check without opening the other reports. */
function checkLines(pair: PairResult, check: CheckResult): string[] {
  const lines = [`${pair.name} · ${check.check}: ${shownStatus(check)}${check.waiver ? ` (was ${check.waiver.originalStatus})` : ''}`, ...pairLines(pair)];
  if (pair.error) lines.push(`error (${pair.error.step ?? pair.error.kind}): ${pair.error.message}`);
  else lines.push(`measured: ${measuredText(check)} of ${countText(check.base)}`, `threshold: ${thresholdText(check.threshold, check.unit)}`);
  lines.push(check.message, ...(check.warnings ?? []).map((warning) => `warning: ${warning}`));
  for (const waiver of check.waiver?.waivers ?? []) {
    const scope = [waiver.column, waiver.class].filter((part) => part !== undefined).join(' ');
    lines.push(`waiver ${waiver.file}:${waiver.line}${scope ? ` (${scope})` : ''}: ${oneLine(waiver.reason)}; owner ${waiver.owner}, until ${waiver.expires}`);
  }
  if (check.waiver?.outcome === 'partial') lines.push(`not covered by a waiver: ${check.waiver.uncovered.join(', ')}`);
  lines.push(...detailLines(pair, check));
  const reproduce = pair.reproduce?.[check.check];
  if (reproduce && check.status !== 'PASS') lines.push('', 'SQL listing the keys behind this finding:', reproduce);
  return lines;
}

function detailLines(pair: PairResult, check: CheckResult): string[] {
  const details = check.details;
  const key = (values: ReadonlyArray<string | null>) => keyText(pair.keys, values);
  switch (details.check) {
    case 'schema':
      return section('columns that differ', schemaFindings(details.columns).map((column) => `${column.label}: ${column.status} (${column.sourceType ?? '–'} → ${column.targetType ?? '–'})`));
    case 'nulls':
      return section('NULL counts that differ', nullFindings(details.columns).map((column) => `${column.label}: ${countText(column.source)} → ${countText(column.target)}`));
    case 'aggregates':
      return section('aggregates that differ', aggregateFindings(details.aggregates).map((aggregate) => `${aggregate.function}(${aggregate.label}): ${aggregate.source ?? 'NULL'} → ${aggregate.target ?? 'NULL'}${aggregate.note ? ` (${aggregate.note})` : ''}`));
    case 'value_mismatches':
      return [
        ...section('mismatches by column', mismatchFindings(details.columns).map((column) => {
          const classes = Object.entries(column.classes ?? {}).filter(([, count]) => (count ?? 0) > 0).map(([name, count]) => `${name} ${countText(count)}`);
          return `${column.label}: ${countText(column.mismatches)}${classes.length > 0 ? ` (${classes.join(', ')})` : ''}`;
        })),
        ...section('sample', pair.samples.mismatches.map((sample) => `${key(sample.key)}: ${sample.column} ${sample.source ?? 'NULL'} → ${sample.target ?? 'NULL'}${sample.class ? ` (${sample.class})` : ''}`)),
      ];
    case 'missing_rows':
      return section('sample keys only in the source', pair.samples.onlyInSource.map((sample) => key(sample.key)));
    case 'extra_rows':
      return section('sample keys only in the target', pair.samples.onlyInTarget.map((sample) => key(sample.key)));
    case 'duplicate_keys':
      return section('sample duplicate keys', pair.samples.duplicateKeys.map((sample) => `${key(sample.key)}: ${countText(sample.sourceRows)} source rows, ${countText(sample.targetRows)} target rows`));
    default:
      return [];
  }
}

function section(title: string, lines: readonly string[]): string[] {
  if (lines.length === 0) return [];
  const shown = lines.slice(0, SAMPLE_LINES).map((line) => `  ${line}`);
  const more = lines.length > SAMPLE_LINES ? [`  … ${countText(lines.length - SAMPLE_LINES)} more (see details.csv)`] : [];
  return [`${title}:`, ...shown, ...more];
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Characters XML 1.0 cannot carry at all, not even as &#…; references: C0 controls other than
 * tab, line feed and carriage return; U+FFFE and U+FFFF; and lone UTF-16 surrogates (a valid
 * pair is one code point under the `u` flag and does not match).
 */
const FORBIDDEN_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/gu;

/**
 * Data can contain anything. A forbidden control character becomes its Unicode "control picture"
 * (U+0000 → ␀, U+001B → ␛), so a reviewer sees that the value holds one; the other forbidden
 * code points become U+FFFD.
 */
export function xmlSafe(text: string): string {
  return text.replace(FORBIDDEN_IN_XML, (character) => {
    const code = character.codePointAt(0)!;
    return code < 0x20 ? String.fromCodePoint(0x2400 + code) : '\uFFFD';
  });
}

export function escapeText(text: string): string {
  // `>` too, so that `]]>` in data cannot end anything; a bare CR would be read back as LF.
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

export function escapeAttribute(text: string): string {
  // Parsers turn raw tabs and line breaks in attributes into spaces; references keep them.
  return escapeText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

function attributes(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeAttribute(String(value))}"`)
    .join('');
}
