import { describe, expect, test } from 'vitest';
import { gateChanges, type GateSide } from '../../src/recon/gate-changes.js';
import { loadConfigText } from '../../src/config/load-config.js';
import { loadWaiversText } from '../../src/waivers/load-waivers.js';

const PAIR = `version: 1
defaults:
  thresholds:
    row_count: { max_count: 0 }
pairs:
  - name: orders
    source: { table: legacy.orders }
    target: { table: lakehouse.orders }
    primary_key: [order_id]
    tolerances:
      amount: { abs: 0.01 }
    thresholds:
      missing_rows: { max_percent: 0.5 }
  - name: customers
    source: { table: legacy.customers }
    target: { table: lakehouse.customers }
    primary_key: [customer_id]
`;

const WAIVERS = `version: 1
waivers:
  - pair: orders
    check: nulls
    column: note
    reason: NULL by design
    owner: data@example.com
    expires: 2027-01-31
`;

function side(config: string, waivers = WAIVERS): GateSide {
  const loaded = loadConfigText(config, 'recon-configs/orders.yml', { pathChecks: false });
  if (!loaded.file) throw new Error(JSON.stringify(loaded.errors));
  const waived = loadWaiversText(waivers, 'recon-configs/waivers.yml');
  if (waived.errors.length > 0) throw new Error(JSON.stringify(waived.errors));
  return { config: { files: [loaded.file] }, waivers: waived.waivers };
}

const compare = (head: GateSide, base = side(PAIR), defaultDistinctCounts: 'exact' | 'approximate' = 'exact') =>
  gateChanges(base, head, { label: 'main', baseFiles: ['base/orders.yml'], enforced: false, allowWith: 'the label x', defaultDistinctCounts }).loosened;
const kinds = (head: GateSide) => compare(head).map((change) => `${change.kind} ${change.pair}${change.check ? ` ${change.check}` : ''}${change.column ? ` ${change.column}` : ''}`);

describe('what a change loosens in its own gate', () => {
  test('the same configs and waivers loosen nothing', () => {
    expect(compare(side(PAIR))).toEqual([]);
  });

  test('distinct_counts left unset is the engine\'s default: relaxed only against it', () => {
    const set = (mode: string) => side(PAIR.replace('    tolerances:\n      amount: { abs: 0.01 }', `    distinct_counts: ${mode}\n    tolerances:\n      amount: { abs: 0.01 }`));
    // exact → unset: a relaxation on Databricks (approximate by default), none on DuckDB.
    expect(compare(side(PAIR), set('exact'), 'approximate').map((change) => [change.kind, change.before, change.after])).toEqual([['distinct_counts_relaxed', 'exact', 'approximate']]);
    expect(compare(side(PAIR), set('exact'), 'exact')).toEqual([]);
    // unset → approximate: a relaxation only where the default is exact.
    expect(compare(set('approximate'), side(PAIR), 'exact').map((change) => change.kind)).toEqual(['distinct_counts_relaxed']);
    expect(compare(set('approximate'), side(PAIR), 'approximate')).toEqual([]);
  });

  test('a raised threshold is called out with both settings, at the pair in the head config', () => {
    expect(compare(side(PAIR.replace('max_percent: 0.5', 'max_percent: 2'))))
      .toEqual([{ kind: 'threshold_raised', pair: 'orders', check: 'missing_rows', before: 'max_percent 0.5', after: 'max_percent 2', message: 'orders missing_rows: threshold raised from max_percent 0.5 to max_percent 2', file: 'recon-configs/orders.yml', line: 6, in: 'head' }]);
  });

  test('a threshold raised in defaults shows on every pair it reaches; max_count 0 is as strict as no limit', () => {
    expect(kinds(side(PAIR.replace('row_count: { max_count: 0 }', 'row_count: { max_count: 10 }')))).toEqual(['threshold_raised orders row_count', 'threshold_raised customers row_count']);
    expect(compare(side(PAIR.replace('    row_count: { max_count: 0 }\n', '    nulls: {}\n')))).toEqual([]);
    // Lowered: stricter, not listed.
    expect(compare(side(PAIR.replace('max_percent: 0.5', 'max_percent: 0.1')))).toEqual([]);
  });

  test('checks and pairs removed, tolerances widened, columns excluded, filters, sampling and sides changed', () => {
    const head = PAIR
      .replace('    tolerances:\n      amount: { abs: 0.01 }', '    tolerances:\n      amount: { abs: 1 }\n      fee: { rel: 0.001 }\n    exclude: [note]\n    filter: "order_date >= DATE \'2026-01-01\'"\n    sample: { percent: 10 }\n    checks: [row_count, schema, nulls, aggregates, missing_rows, extra_rows, value_mismatches]\n    distinct_counts: off')
      .replace('target: { table: lakehouse.orders }', 'target: { table: lakehouse.orders_copy }')
      .replace(/ {2}- name: customers[\s\S]*$/, '');
    expect(kinds(side(head))).toEqual([
      'check_removed orders duplicate_keys',
      'check_removed orders row_hash',
      'tolerance_widened orders amount',
      'tolerance_widened orders fee',
      'column_excluded orders note',
      'filter_changed orders',
      'sampling_narrowed orders',
      'side_changed orders',
      'distinct_counts_relaxed orders',
      'pair_removed customers',
    ]);
    const removed = compare(side(head)).find((change) => change.kind === 'pair_removed')!;
    expect(removed).toMatchObject({ in: 'base', file: 'recon-configs/orders.yml', line: 14 });
  });

  test('waivers added or extended are loosening; one shortened or removed is not', () => {
    const extended = WAIVERS.replace('2027-01-31', '2027-06-30');
    const added = `${WAIVERS}  - pair: customers\n    check: value_mismatches\n    reason: backfill pending\n    owner: data@example.com\n    expires: 2027-02-28\n`;
    expect(compare(side(PAIR, extended)).map((change) => change.message)).toEqual(['waiver for orders nulls column note extended from 2027-01-31 to 2027-06-30 (data@example.com)']);
    expect(compare(side(PAIR, added)).map((change) => [change.kind, change.file, change.line])).toEqual([['waiver_added', 'recon-configs/waivers.yml', 9]]);
    expect(compare(side(PAIR, WAIVERS.replace('2027-01-31', '2026-12-31')))).toEqual([]);
    expect(compare(side(PAIR, 'version: 1\nwaivers: []\n'))).toEqual([]);
  });
});
