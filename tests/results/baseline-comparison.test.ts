import { describe, expect, test } from 'vitest';
import { runOutcome } from '../../src/recon/outcome.js';
import { markdownSummary } from '../../src/report/markdown-summary.js';
import { compareWithBaseline, withBaseline } from '../../src/results/baseline-comparison.js';
import type { CheckResult, PairResult, RunResults } from '../../src/results/results-model.js';
import { syntheticPair, syntheticResults } from '../report/report-fixtures.js';

/** A pair whose keyed samples hold every key the checks found (so keys compare exactly). */
function completePair(name: string, missing: string[], status: PairResult['status'] = 'FAIL'): PairResult {
  const pair = syntheticPair({ name, status, samples: 0 });
  pair.samples.onlyInSource = missing.map((id) => ({ key: [id], values: {} }));
  pair.checks = pair.checks.map((check): CheckResult => {
    if (check.check !== 'missing_rows') return { ...check, status: 'PASS', measured: 0 };
    return { ...check, status: missing.length > 0 ? status : 'PASS', measured: missing.length, details: { check: 'missing_rows', keys: missing.length, rows: missing.length } };
  });
  pair.status = missing.length > 0 ? status : 'PASS';
  return pair;
}

const baselineOf = (results: RunResults) => ({ results, label: 'main', source: 'main/results.json' });
const entry = (results: RunResults, baseline: RunResults, check: string) => compareWithBaseline(results, baselineOf(baseline)).checks.find((c) => c.check === check);

describe('new, fixed and unchanged findings against a baseline', () => {
  test('keys that every sample holds compare exactly: one new, one fixed, one unchanged', () => {
    const before = syntheticResults([completePair('orders', ['1', '2'])]);
    const after = syntheticResults([completePair('orders', ['2', '3'])]);
    expect(entry(after, before, 'missing_rows')).toMatchObject({ new: 1, fixed: 1, unchanged: 1, keys: { from: 'sampled', new: [['3']], fixed: [['1']] } });
  });

  test('when a sample holds only some of the keys, new and fixed come from the key counts and no key is listed', () => {
    const before = syntheticResults([syntheticPair({ name: 'orders' })]);
    const after = syntheticResults([syntheticPair({ name: 'orders' })]);
    const missing = after.pairs[0]!.checks.find((check) => check.check === 'missing_rows')!;
    missing.measured = 15;
    missing.details = { check: 'missing_rows', keys: 15, rows: 15 };
    expect(entry(after, before, 'missing_rows')).toMatchObject({ new: 3, fixed: 0, unchanged: 12, keys: { from: 'count', new: [], fixed: [] } });
    expect(markdownSummary(withBaseline(after, baselineOf(before)))).toContain('by key count: a sample holds only some of the keys (sample_size)');
  });

  test('a check that passes now had its findings fixed; a pair that could not run fixes nothing', () => {
    const before = syntheticResults([completePair('orders', ['1', '2'])]);
    expect(entry(syntheticResults([completePair('orders', [])]), before, 'missing_rows')).toMatchObject({ new: 0, fixed: 2, status: 'PASS' });

    const broken = completePair('orders', ['1']);
    broken.checks = broken.checks.map((check) => ({ ...check, status: 'ERROR', details: { check: 'not_run', reason: 'the join pass did not run' } }));
    broken.status = 'ERROR';
    const comparison = compareWithBaseline(syntheticResults([broken]), baselineOf(before));
    expect(comparison.checks.find((c) => c.check === 'missing_rows')).toMatchObject({ new: 1, fixed: 0, newFindings: ['could not run'] });
    expect(comparison.counts.fixed).toBe(0);
  });

  test('a waived check is compared as it was before its waiver, and marked waived', () => {
    const before = syntheticResults([completePair('orders', ['1'])]);
    const after = syntheticResults([completePair('orders', ['1', '2'])]);
    const missing = after.pairs[0]!.checks.find((check) => check.check === 'missing_rows')!;
    missing.waiver = { outcome: 'waived', originalStatus: 'FAIL', waivers: [], uncovered: [] };
    missing.status = 'PASS';
    const comparison = compareWithBaseline(after, baselineOf(before));
    expect(comparison.checks.find((c) => c.check === 'missing_rows')).toMatchObject({ new: 1, fixed: 0, unchanged: 1, waived: true });
    // Waived findings are not what fail-on: new fails on.
    expect(comparison.newFailing).toBe(0);
  });

  test('pairs and checks on one side only are listed; a removed pair fixes nothing, an added one is all new', () => {
    const before = syntheticResults([completePair('orders', ['1']), completePair('removed', ['9'])]);
    const added = completePair('added', ['5']);
    const orders = completePair('orders', ['1']);
    orders.checks = orders.checks.filter((check) => check.check !== 'row_hash');
    const comparison = compareWithBaseline(syntheticResults([orders, added]), baselineOf(before));
    expect(comparison.onlyInRun).toEqual({ pairs: ['added'], checks: [] });
    expect(comparison.onlyInBaseline).toEqual({ pairs: ['removed'], checks: [{ pair: 'orders', check: 'row_hash' }] });
    expect(comparison.counts).toEqual({ new: 1, fixed: 0, unchanged: 1 });
    const markdown = markdownSummary(withBaseline(syntheticResults([orders, added]), baselineOf(before)));
    expect(markdown).toContain('**vs main:** 1 new finding, 0 fixed, 1 unchanged; 1 pair only in this run, 1 pair only in main');
    expect(markdown).toContain('**Pairs only in main (their findings are not counted as fixed):** removed');
  });

  test('columns and aggregates are findings by name', () => {
    const before = syntheticResults([syntheticPair({ name: 'orders', columns: ['amount'] })]);
    const after = syntheticResults([syntheticPair({ name: 'orders', columns: ['amount', 'fee'] })]);
    expect(entry(after, before, 'aggregates')).toMatchObject({ new: 1, unchanged: 1, newFindings: ['sum(fee)'] });
  });
});

describe('fail-on: new, through the one outcome function', () => {
  const before = syntheticResults([completePair('orders', ['1'])]);

  test('a red gate with nothing new passes; a new finding in a failing check breaches', () => {
    expect(runOutcome(withBaseline(syntheticResults([completePair('orders', ['1'])]), baselineOf(before)), { failOn: 'new' })).toMatchObject({ verdict: 'passed', exitCode: 0 });
    expect(runOutcome(withBaseline(syntheticResults([completePair('orders', ['1', '2'])]), baselineOf(before)), { failOn: 'new' })).toEqual({
      verdict: 'breached',
      exitCode: 1,
      failure: 'Recon Gate: 1 new finding vs main in 1 failing check (fail-on: new).',
    });
  });

  test('a new finding in a check that only warns does not fail', () => {
    expect(runOutcome(withBaseline(syntheticResults([completePair('orders', ['1', '2'], 'WARN')]), baselineOf(before)), { failOn: 'new' }).verdict).toBe('passed');
  });

  test('without a baseline, new is fail: everything is new', () => {
    expect(runOutcome(syntheticResults([completePair('orders', ['1'])]), { failOn: 'new' })).toMatchObject({ verdict: 'breached', failure: expect.stringContaining('fail-on: new, without a baseline') });
  });
});
