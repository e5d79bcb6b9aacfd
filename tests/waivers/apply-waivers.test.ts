import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runOutcome } from '../../src/recon/outcome.js';
import type { CheckResult, ColumnMismatchCount, PairResult, RunResults, Status } from '../../src/results/results-model.js';
import { applyWaivers, WaiversAlreadyAppliedError } from '../../src/waivers/apply-waivers.js';
import { loadWaiversText } from '../../src/waivers/load-waivers.js';
import type { Waiver } from '../../src/waivers/waiver-schema.js';
import { REPO_ROOT, runCli, tempDir } from '../support/cli.js';

const WAIVERS_FILE = 'recon-configs/waivers.yml';

function waiversFrom(lines: string[]): Waiver[] {
  const { waivers, errors } = loadWaiversText(['version: 1', 'waivers:', ...lines, ''].join('\n'), path.join(REPO_ROOT, WAIVERS_FILE));
  if (errors.length > 0) throw new Error(JSON.stringify(errors));
  return waivers;
}

const statusOf = (results: RunResults) => Object.fromEntries(results.pairs.map((pair) => [pair.name, pair.status]));
const checkOf = (results: RunResults, pair: string, check: string) => results.pairs.find((p) => p.name === pair)!.checks.find((c) => c.check === check)!;
const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe('waivers on the demo run (results from the real CLI)', () => {
  const out = tempDir('waivers-demo');
  const run = runCli(['run', '--config', 'recon-configs', '--out', out, '--charts', 'none', '--quiet']);
  const demo = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')) as RunResults;
  const untouched = structuredClone(demo);

  // Line 3 onwards: the first waiver is the README's example.
  const PURCHASES_NULL = [
    '  - pair: fact_executive_summary',
    '    check: value_mismatches',
    '    column: purchases_amount',
    '    class: null_vs_value',
    '    reason: Purchases before the cut-over are NULL in the lakehouse by design (MIG-142)',
    '    owner: data-platform@example.com',
    '    expires: 2027-03-31',
  ];
  const oneLine = (check: string, extra = '') => `  - { pair: fact_executive_summary, check: ${check}${extra}, reason: Accepted for ${check} (MIG-150), owner: finance@example.com, expires: 2027-01-31 }`;

  test('the demo fails as shipped', () => {
    expect(run.code, run.stderr).toBe(1);
    expect(statusOf(demo)).toEqual({ fact_executive_summary: 'FAIL', dim_institution: 'PASS' });
  });

  test('waivers covering everything the fact table found make the pair, and so the run, pass', () => {
    const waivers = waiversFrom([
      ...PURCHASES_NULL, // line 3
      oneLine('value_mismatches'), // line 10
      oneLine('row_hash'),
      oneLine('nulls', ', column: purchases_amount'),
      oneLine('aggregates'),
      oneLine('row_count'),
      oneLine('missing_rows'),
      oneLine('extra_rows'), // line 16
    ]);
    const waived = applyWaivers(demo, waivers, day('2026-11-23'));

    expect(waived.status).toBe('PASS');
    expect(statusOf(waived)).toEqual({ fact_executive_summary: 'PASS', dim_institution: 'PASS' });
    expect(waived.summary).toEqual({ ...demo.summary, byStatus: { PASS: 2, WARN: 0, FAIL: 0, ERROR: 0 } });
    expect(runOutcome(waived).exitCode).toBe(0);

    const fact = waived.pairs[0]!;
    expect(fact.checks.map((check) => [check.check, check.status, check.measured, check.waiver?.outcome, check.waiver?.originalStatus])).toEqual([
      ['row_count', 'PASS', 1, 'waived', 'FAIL'],
      ['schema', 'PASS', 0, undefined, undefined],
      ['nulls', 'PASS', 1, 'waived', 'FAIL'],
      ['aggregates', 'PASS', 25, 'waived', 'FAIL'],
      ['duplicate_keys', 'PASS', 0, undefined, undefined],
      ['missing_rows', 'PASS', 3, 'waived', 'WARN'],
      ['extra_rows', 'PASS', 2, 'waived', 'FAIL'],
      ['value_mismatches', 'PASS', 4, 'waived', 'FAIL'],
      ['row_hash', 'PASS', 4, 'waived', 'FAIL'],
    ]);
    const mismatches = checkOf(waived, 'fact_executive_summary', 'value_mismatches');
    expect(mismatches.details).toEqual(checkOf(demo, 'fact_executive_summary', 'value_mismatches').details);
    expect(mismatches.waiver!.waivers.map((waiver) => `${waiver.file}:${waiver.line} ${waiver.column ?? '*'} ${waiver.class ?? '*'}`)).toEqual([
      'recon-configs/waivers.yml:3 purchases_amount null_vs_value',
      'recon-configs/waivers.yml:10 * *',
    ]);
    expect(mismatches.message).toBe(
      '4 of 1,797 matched rows differ; by column: a120_amount 1, charge_off_amount 1, fraud_count 1, purchases_amount 1 — waived: ' +
        'purchases_amount (null_vs_value): Purchases before the cut-over are NULL in the lakehouse by design (MIG-142) (data-platform@example.com, until 2027-03-31); ' +
        'Accepted for value_mismatches (MIG-150) (finance@example.com, until 2027-01-31)',
    );
    expect(mismatches.warnings).toBeUndefined();
    expect(waived.waivers).toEqual({
      files: [WAIVERS_FILE],
      today: '2026-11-23',
      applied: waivers.map((waiver) => expect.objectContaining({ pair: waiver.pair, check: waiver.check, line: waiver.location.line, effect: 'waived' })),
      expired: [],
      stale: [],
      onErrorChecks: [],
    });
    expect(demo).toEqual(untouched);
  });

  test('a waiver for some of the differing columns leaves the check failing and says what is not covered', () => {
    const waived = applyWaivers(demo, waiversFrom(PURCHASES_NULL), day('2026-11-23'));
    const mismatches = checkOf(waived, 'fact_executive_summary', 'value_mismatches');
    expect(mismatches.status).toBe('FAIL');
    expect(mismatches.message).toBe(checkOf(demo, 'fact_executive_summary', 'value_mismatches').message);
    expect(mismatches.waiver).toEqual({
      outcome: 'partial',
      originalStatus: 'FAIL',
      waivers: [{
        pair: 'fact_executive_summary',
        check: 'value_mismatches',
        column: 'purchases_amount',
        class: 'null_vs_value',
        reason: 'Purchases before the cut-over are NULL in the lakehouse by design (MIG-142)',
        owner: 'data-platform@example.com',
        expires: '2027-03-31',
        file: WAIVERS_FILE,
        line: 3,
      }],
      uncovered: ['a120_amount: sign_flipped', 'charge_off_amount: rounded', 'fraud_count: other'],
    });
    expect(mismatches.warnings).toEqual(['partly waived by recon-configs/waivers.yml:3; not covered: a120_amount: sign_flipped, charge_off_amount: rounded, fraud_count: other']);
    expect(statusOf(waived)).toEqual({ fact_executive_summary: 'FAIL', dim_institution: 'PASS' });
    expect(waived.waivers!.applied).toEqual([expect.objectContaining({ line: 3, effect: 'partial' })]);
  });

  test('columns are named by label, in any letter case, and together cover the check', () => {
    const waived = applyWaivers(demo, waiversFrom([
      ...PURCHASES_NULL,
      oneLine('value_mismatches', ', column: A120_AMOUNT'),
      oneLine('value_mismatches', ', column: charge_off_amount'),
      oneLine('value_mismatches', ', column: fraud_count'),
    ]), day('2026-11-23'));
    expect(checkOf(waived, 'fact_executive_summary', 'value_mismatches')).toMatchObject({ status: 'PASS', waiver: { outcome: 'waived', uncovered: [] } });
    expect(statusOf(waived).fact_executive_summary).toBe('FAIL');
  });

  test('an expired waiver waives nothing and warns on the check; it still applies on its last day', () => {
    const waivers = waiversFrom([
      '  - pair: fact_executive_summary',
      '    check: value_mismatches',
      '    reason: Restatement window (MIG-99)',
      '    owner: data-platform@example.com',
      '    expires: 2026-10-01',
    ]);
    const expired = applyWaivers(demo, waivers, day('2026-10-02'));
    const mismatches = checkOf(expired, 'fact_executive_summary', 'value_mismatches');
    expect(mismatches.status).toBe('FAIL');
    expect(mismatches.waiver).toBeUndefined();
    expect(mismatches.warnings).toEqual(['waiver expired on 2026-10-01 (owner data-platform@example.com, recon-configs/waivers.yml:3): it no longer waives this check; renew or remove it']);
    expect(expired.waivers).toMatchObject({ today: '2026-10-02', applied: [], expired: [{ check: 'value_mismatches', expires: '2026-10-01', line: 3 }], stale: [] });

    const lastDay = applyWaivers(demo, waivers, new Date('2026-10-01T23:59:59Z'));
    expect(checkOf(lastDay, 'fact_executive_summary', 'value_mismatches')).toMatchObject({ status: 'PASS', waiver: { outcome: 'waived' } });
  });

  test('waivers that match nothing are stale, each with why, and change nothing', () => {
    const waivers = waiversFrom([
      '  - { pair: fact_exec_summary, check: row_count, reason: r, owner: o, expires: 2027-01-01 }',
      '  - { pair: dim_institution, check: row_count, reason: r, owner: o, expires: 2027-01-01 }',
      '  - { pair: fact_executive_summary, check: value_mismatches, column: income_amount, reason: r, owner: o, expires: 2027-01-01 }',
      '  - { pair: fact_executive_summary, check: nulls, column: purchase_amount, reason: r, owner: o, expires: 2027-01-01 }',
      '  - { pair: fact_executive_summary, check: value_mismatches, column: purchases_amount, class: whitespace, reason: r, owner: o, expires: 2027-01-01 }',
      '  - { pair: dim_institution, check: extra_rows, reason: r, owner: o, expires: 2026-01-01 }',
    ]);
    const waived = applyWaivers(demo, waivers, day('2026-11-23'));
    expect(waived.waivers!.stale.map((waiver) => [waiver.line, waiver.why])).toEqual([
      [3, 'no pair `fact_exec_summary` in this run (did you mean `fact_executive_summary`?)'],
      [4, 'row_count of `dim_institution` found no difference'],
      [5, 'column `income_amount` has no difference in value_mismatches of `fact_executive_summary`; it found differences in a120_amount, charge_off_amount, fraud_count, purchases_amount'],
      [6, 'nulls of `fact_executive_summary` has no column `purchase_amount` (did you mean `purchases_amount`?); it found differences in purchases_amount'],
      [7, 'no `whitespace` mismatch in column `purchases_amount` of `fact_executive_summary`; found purchases_amount: null_vs_value'],
      [8, 'extra_rows of `dim_institution` found no difference; it also expired on 2026-01-01'],
    ]);
    expect(waived.waivers).toMatchObject({ applied: [], expired: [], onErrorChecks: [] });
    expect({ ...waived, waivers: undefined }).toEqual({ ...demo, waivers: undefined });
  });

  test('applying waivers to results that already carry them is refused', () => {
    const once = applyWaivers(demo, [], day('2026-11-23'));
    expect(once.waivers).toEqual({ files: [], today: '2026-11-23', applied: [], expired: [], stale: [], onErrorChecks: [] });
    expect(() => applyWaivers(once, [], day('2026-11-23'))).toThrow(WaiversAlreadyAppliedError);
  });
});

// Small crafted results: one pair per scenario, only the checks that matter.

function check(name: CheckResult['check'], status: Status, details: CheckResult['details'], measured = status === 'PASS' ? 0 : 3): CheckResult {
  return { check: name, status, measured, base: 100, percent: measured, unit: 'rows', threshold: { maxCount: 0 }, message: `${name}: ${measured} of 100`, details };
}

function mismatches(status: Status, columns: ColumnMismatchCount[]): CheckResult {
  const mismatched = Math.max(0, ...columns.map((column) => column.mismatches));
  return check('value_mismatches', status, { check: 'value_mismatches', comparedRows: 100, mismatchedRows: mismatched, columns }, mismatched);
}

function pair(name: string, checks: CheckResult[], extra: Partial<PairResult> = {}): PairResult {
  return {
    name,
    config: { file: 'recon-configs/crafted.yml', line: 3, column: 5 },
    status: checks.reduce<Status>((worst, c) => (['PASS', 'WARN', 'FAIL', 'ERROR'].indexOf(c.status) > ['PASS', 'WARN', 'FAIL', 'ERROR'].indexOf(worst) ? c.status : worst), 'PASS'),
    source: { description: `table legacy.${name}`, rows: 100 },
    target: { description: `table lakehouse.${name}`, rows: 100 },
    keys: ['id'],
    columns: [
      { label: 'name', source: 'name', target: 'name', sourceType: 'VARCHAR', targetType: 'VARCHAR' },
      { label: 'cust_no → customer_id', source: 'cust_no', target: 'customer_id', sourceType: 'INTEGER', targetType: 'INTEGER' },
    ],
    checks,
    samples: { mismatches: [], onlyInSource: [], onlyInTarget: [], duplicateKeys: [], withinTolerance: [] },
    statements: [],
    durationMs: 1000,
    ...extra,
  };
}

function run(pairs: PairResult[]): RunResults {
  const byStatus: Record<Status, number> = { PASS: 0, WARN: 0, FAIL: 0, ERROR: 0 };
  for (const p of pairs) byStatus[p.status]++;
  const status = (['ERROR', 'FAIL', 'WARN', 'PASS'] as const).find((s) => byStatus[s] > 0) ?? 'ERROR';
  return {
    schemaVersion: 1,
    tool: { name: 'recon-gate', version: '0.1.0' },
    run: { startedAt: '2026-11-23T10:00:00.000Z', finishedAt: '2026-11-23T10:00:05.000Z', durationMs: 5000, engine: 'duckdb', configs: ['recon-configs/crafted.yml'] },
    status,
    summary: { pairs: pairs.length, byStatus, differingRows: 3 },
    pairs,
  };
}

let line = 3;
function waiver(fields: Partial<Waiver> & Pick<Waiver, 'pair' | 'check'>): Waiver {
  return { reason: 'accepted', owner: 'owner@example.com', expires: '2027-01-01', location: { file: WAIVERS_FILE, line: line++, column: 5 }, ...fields };
}

const TODAY = day('2026-11-23');
const PASSING_ROW_COUNT = check('row_count', 'PASS', { check: 'row_count', source: 100, target: 100, difference: 0 });

describe('waivers on crafted results', () => {
  test('one waiver covering the only failing check makes the pair and the run pass', () => {
    const results = run([
      pair('orders', [PASSING_ROW_COUNT, mismatches('FAIL', [{ label: 'name', mismatches: 3, classes: { whitespace: 3 } }])]),
      pair('customers', [PASSING_ROW_COUNT]),
    ]);
    const waived = applyWaivers(results, [waiver({ pair: 'Orders', check: 'value_mismatches', class: 'whitespace' })], TODAY);
    expect(waived.status).toBe('PASS');
    expect(waived.summary.byStatus).toEqual({ PASS: 2, WARN: 0, FAIL: 0, ERROR: 0 });
    expect(waived.pairs[0]!.checks[1]).toMatchObject({ status: 'PASS', measured: 3, waiver: { outcome: 'waived', originalStatus: 'FAIL', uncovered: [] } });
    expect(waived.pairs[1]).toBe(results.pairs[1]);
  });

  test('a pair keeps the worst of what is left: an unwaived WARN leaves it at WARN', () => {
    const results = run([pair('orders', [
      mismatches('FAIL', [{ label: 'name', mismatches: 3, classes: { case: 3 } }]),
      check('missing_rows', 'WARN', { check: 'missing_rows', keys: 2, rows: 2 }, 2),
    ])]);
    const waived = applyWaivers(results, [waiver({ pair: 'orders', check: 'value_mismatches' })], TODAY);
    expect([waived.status, waived.pairs[0]!.status, waived.summary.byStatus.WARN]).toEqual(['WARN', 'WARN', 1]);
  });

  test('a column is also named by its source or target name when the migration renamed it', () => {
    const results = run([pair('orders', [mismatches('FAIL', [{ label: 'cust_no → customer_id', mismatches: 3, classes: { other: 3 } }])])]);
    for (const column of ['cust_no', 'CUSTOMER_ID', 'cust_no → customer_id']) {
      expect(applyWaivers(results, [waiver({ pair: 'orders', check: 'value_mismatches', column })], TODAY).status, column).toBe('PASS');
    }
  });

  test('cells left unclassified can only be covered by a waiver without a class', () => {
    const results = run([pair('orders', [mismatches('FAIL', [{ label: 'name', mismatches: 5, classes: { whitespace: 3 } }])])]);
    const byClass = applyWaivers(results, [waiver({ pair: 'orders', check: 'value_mismatches', column: 'name', class: 'whitespace' })], TODAY);
    expect(byClass.pairs[0]!.checks[0]).toMatchObject({ status: 'FAIL', waiver: { outcome: 'partial', uncovered: ['name: unclassified'] } });
    const byColumn = applyWaivers(results, [waiver({ pair: 'orders', check: 'value_mismatches', column: 'name' })], TODAY);
    expect(byColumn.pairs[0]!.checks[0]!.status).toBe('PASS');
  });

  test('a WARN no column explains (NULL key parts) is waived only by a waiver for the whole check', () => {
    const duplicates = { ...check('duplicate_keys', 'WARN', { check: 'duplicate_keys', source: { keys: 0, extraRows: 0 }, target: { keys: 0, extraRows: 0 }, ambiguousKeys: 0, nullKeyRows: { source: 2, target: 0 } }, 0), warnings: ['2 source rows have NULL key parts'] };
    const results = run([pair('orders', [duplicates])]);
    const waived = applyWaivers(results, [waiver({ pair: 'orders', check: 'duplicate_keys' })], TODAY);
    expect(waived.pairs[0]!.checks[0]).toMatchObject({ status: 'PASS', warnings: ['2 source rows have NULL key parts'], waiver: { outcome: 'waived', originalStatus: 'WARN' } });
  });

  test('schema, nulls and aggregates are waived per column', () => {
    const results = run([pair('orders', [
      check('schema', 'FAIL', { check: 'schema', columns: [{ label: 'name', status: 'narrowing', isKey: false }, { label: 'id', status: 'same', isKey: true }] }, 1),
      check('nulls', 'FAIL', { check: 'nulls', columns: [{ label: 'name', source: 0, target: 4, difference: 4 }, { label: 'id', source: 0, target: 0, difference: 0 }] }, 1),
      check('aggregates', 'FAIL', { check: 'aggregates', aggregates: [
        { label: 'amount', function: 'sum', source: '10', target: '11', difference: '1', relativeDifference: 0.1, withinTolerance: false },
        { label: 'amount', function: 'max', source: '5', target: '6', difference: '1', relativeDifference: 0.2, withinTolerance: false },
        { label: 'id', function: 'sum', source: '10', target: '10', difference: '0', relativeDifference: 0, withinTolerance: true },
      ] }, 2),
    ])]);
    const waived = applyWaivers(results, [
      waiver({ pair: 'orders', check: 'schema', column: 'name' }),
      waiver({ pair: 'orders', check: 'nulls', column: 'name' }),
      waiver({ pair: 'orders', check: 'aggregates', column: 'amount' }),
    ], TODAY);
    expect(waived.pairs[0]!.checks.map((c) => c.status)).toEqual(['PASS', 'PASS', 'PASS']);
    const stale = applyWaivers(results, [waiver({ pair: 'orders', check: 'aggregates', column: 'id' })], TODAY);
    expect(stale.waivers!.stale[0]!.why).toBe('column `id` has no difference in aggregates of `orders`; it found differences in amount');
  });

  test('a check that could not run is never waived, and the waiver is kept for the next run, not called stale', () => {
    const notRun = { ...check('value_mismatches', 'ERROR', { check: 'not_run', reason: 'table not found' }, 0), message: 'not run: table not found' };
    const results = run([pair('orders', [notRun], { error: { kind: 'not_found', message: 'table not found', step: 'schema' } })]);
    const waived = applyWaivers(results, [waiver({ pair: 'orders', check: 'value_mismatches' })], TODAY);
    expect(waived.status).toBe('ERROR');
    expect(waived.pairs[0]!.checks[0]).toMatchObject({ status: 'ERROR', warnings: [expect.stringMatching(/^waiver recon-configs\/waivers\.yml:\d+ not applied: a check that could not run is never waived$/)] });
    expect(waived.pairs[0]!.checks[0]!.waiver).toBeUndefined();
    expect(waived.waivers).toMatchObject({ applied: [], stale: [], onErrorChecks: [{ pair: 'orders', check: 'value_mismatches' }] });
  });

  test('a check the pair does not run makes the waiver stale', () => {
    const results = run([pair('orders', [PASSING_ROW_COUNT])]);
    const waived = applyWaivers(results, [waiver({ pair: 'orders', check: 'row_hash' })], TODAY);
    expect(waived.waivers!.stale[0]!.why).toBe('pair `orders` does not run row_hash');
  });
});
