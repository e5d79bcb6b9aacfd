import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CheckName, CheckResult, PairResult, RunResults, Status } from '../../src/results/results-model.js';
import { runCli, tempDir } from '../support/cli.js';

/** The shipped demo, run by the real CLI: fact_executive_summary FAILs, dim_institution PASSes. */
export function demoResults(): RunResults {
  const out = tempDir('report-demo');
  const run = runCli(['run', '--config', 'recon-configs', '--out', out, '--charts', 'none', '--quiet']);
  if (run.code !== 1) throw new Error(`the demo run should exit 1, not ${run.code}: ${run.stderr}`);
  return JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')) as RunResults;
}

const CHECKS: CheckName[] = ['row_count', 'schema', 'nulls', 'aggregates', 'duplicate_keys', 'missing_rows', 'extra_rows', 'value_mismatches', 'row_hash'];

export interface SyntheticPair {
  name: string;
  status?: Status;
  keys?: string[];
  columns?: string[];
  /** Sampled rows of each kind. */
  samples?: number;
  /** Every sampled value is this long. */
  valueLength?: number;
  /** Put into every sampled value and key. */
  value?: string;
}

function check(name: CheckName, status: Status, pair: Required<Pick<SyntheticPair, 'columns'>> & { rows: number; differing: number }): CheckResult {
  const measured = status === 'PASS' ? 0 : pair.differing;
  const base = { check: name, status, measured, base: pair.rows, percent: (measured / pair.rows) * 100, unit: 'rows' as const, threshold: { maxCount: 0 }, message: `${name}: ${measured} of ${pair.rows}` };
  switch (name) {
    case 'row_count':
      return { ...base, details: { check: name, source: pair.rows, target: pair.rows - measured, difference: -measured } };
    case 'schema':
      return { ...base, unit: 'columns', details: { check: name, columns: pair.columns.map((label) => ({ label, status: 'same', isKey: false, sourceType: 'VARCHAR', targetType: 'VARCHAR' })) } };
    case 'nulls':
      return { ...base, unit: 'columns', details: { check: name, columns: pair.columns.map((label, i) => ({ label, source: i, target: i + (i === 0 ? measured : 0), difference: i === 0 ? measured : 0 })) } };
    case 'aggregates':
      return {
        ...base,
        unit: 'aggregates',
        details: { check: name, aggregates: pair.columns.map((label) => ({ label, function: 'sum', source: '100.50', target: status === 'PASS' ? '100.50' : '99.50', difference: status === 'PASS' ? '0.00' : '-1.00', relativeDifference: status === 'PASS' ? 0 : 1 / 100.5, withinTolerance: status === 'PASS' })) },
      };
    case 'duplicate_keys':
      return { ...base, unit: 'keys', details: { check: name, source: { keys: 0, extraRows: 0 }, target: { keys: 0, extraRows: 0 }, ambiguousKeys: 0, nullKeyRows: { source: 0, target: 0 } } };
    case 'missing_rows':
    case 'extra_rows':
      return { ...base, details: { check: name, keys: measured, rows: measured } };
    case 'value_mismatches':
      return { ...base, details: { check: name, comparedRows: pair.rows, mismatchedRows: measured, columns: pair.columns.map((label, i) => ({ label, mismatches: status === 'PASS' ? 0 : measured - i })) } };
    case 'row_hash':
      return { ...base, details: { check: name, comparedRows: pair.rows, hashMismatches: measured, withinTolerance: 0 } };
  }
}

export function syntheticPair(spec: SyntheticPair): PairResult {
  const status = spec.status ?? 'FAIL';
  const keys = spec.keys ?? ['id'];
  const columns = spec.columns ?? ['amount', 'name'];
  const samples = status === 'PASS' ? 0 : (spec.samples ?? 3);
  const value = (i: number) => (spec.value ?? '').concat(`v${i}`.padEnd(spec.valueLength ?? 4, 'x'));
  const key = (i: number) => keys.map((_, k) => (spec.value ? `${spec.value}${i}` : String(i * 10 + k)));
  const shape = { columns, rows: 1000, differing: Math.max(samples, 12) };
  return {
    name: spec.name,
    config: { file: 'recon-configs/synthetic.yml', line: 3, column: 5 },
    status,
    source: { description: `table legacy.${spec.name}`, rows: 1000 },
    target: { description: `table lakehouse.${spec.name}`, rows: status === 'PASS' ? 1000 : 1000 - shape.differing },
    keys,
    columns: columns.map((label) => ({ label, source: label, target: label, sourceType: 'VARCHAR', targetType: 'VARCHAR' })),
    checks: CHECKS.map((name) => check(name, name === 'schema' || name === 'duplicate_keys' ? 'PASS' : status, shape)),
    samples: {
      mismatches: Array.from({ length: samples }, (_, i) => ({ key: key(i), column: columns[i % columns.length]!, source: value(i), target: `${value(i)}!` })),
      onlyInSource: Array.from({ length: samples }, (_, i) => ({ key: key(i + 100), values: Object.fromEntries(columns.map((column) => [column, value(i)])) })),
      onlyInTarget: Array.from({ length: samples }, (_, i) => ({ key: key(i + 200), values: Object.fromEntries(columns.map((column) => [column, value(i)])) })),
      duplicateKeys: [],
      withinTolerance: [],
    },
    statements: [],
    durationMs: 10,
  };
}

export function syntheticResults(pairs: PairResult[]): RunResults {
  const byStatus: Record<Status, number> = { PASS: 0, WARN: 0, FAIL: 0, ERROR: 0 };
  for (const pair of pairs) byStatus[pair.status] += 1;
  const status: Status = byStatus.ERROR > 0 ? 'ERROR' : byStatus.FAIL > 0 ? 'FAIL' : byStatus.WARN > 0 ? 'WARN' : 'PASS';
  return {
    schemaVersion: 1,
    tool: { name: 'recon-gate', version: '0.1.0' },
    run: { startedAt: '2026-01-02T03:04:05.000Z', finishedAt: '2026-01-02T03:05:06.000Z', durationMs: 61_000, engine: 'databricks', configs: ['recon-configs/synthetic.yml'] },
    status,
    summary: { pairs: pairs.length, byStatus, differingRows: pairs.reduce((sum, pair) => sum + (pair.status === 'PASS' ? 0 : 12), 0) },
    pairs,
  };
}

/** The cells of every GitHub table in a markdown text, split on `|` exactly as GitHub splits them. */
export function markdownTables(markdown: string): string[][][] {
  const tables: string[][][] = [];
  let current: string[][] | undefined;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('|')) {
      const cells = line.slice(1, line.endsWith('|') ? -1 : undefined).split('|').map((cell) => cell.trim());
      if (!current) tables.push((current = []));
      if (!cells.every((cell) => /^-+$/.test(cell))) current.push(cells);
    } else current = undefined;
  }
  return tables;
}

/** What a reader sees of an escaped cell. */
export function decodeEntities(text: string): string {
  return text.replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code))).replace(/\u200b/g, '');
}
