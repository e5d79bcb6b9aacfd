import { describe, expect, test } from 'vitest';
import { loadConfigText } from '../../src/config/load-config.js';
import { BindError, bindPair } from '../../src/plan/bind-pair.js';
import type { SideColumn } from '../../src/plan/bound-pair.js';
import { duckdbDialect } from '../../src/sql/dialects/duckdb-dialect.js';

const columns = (spec: Array<[string, string]>): SideColumn[] => spec.map(([name, type]) => ({ name, engineType: type, type: duckdbDialect.parseType(type) }));
const SOURCE = columns([['id', 'INTEGER'], ['cust_no', 'VARCHAR'], ['amount', 'DECIMAL(10,2)'], ['note', 'VARCHAR'], ['legacy_flag', 'BOOLEAN']]);
const TARGET = columns([['ID', 'BIGINT'], ['customer_id', 'VARCHAR'], ['amount', 'DECIMAL(12,2)'], ['note', 'VARCHAR'], ['load_ts', 'TIMESTAMP']]);

function pair(body: string) {
  const { file, errors } = loadConfigText(`version: 1\npairs:\n  - name: p\n    source: { table: s }\n    target: { table: t }\n    primary_key: [id]\n    ${body}\n`, 'p.yml');
  expect(errors).toEqual([]);
  return file!.pairs[0]!;
}

function problems(body: string): string[] {
  try {
    bindPair(pair(body), SOURCE, TARGET, 'exact');
  } catch (error) {
    if (error instanceof BindError) return error.problems.map((problem) => problem.message);
    throw error;
  }
  return [];
}

describe('binding a pair to both schemas', () => {
  test('matches names case-insensitively, follows column_map, and reports one-sided and excluded columns', () => {
    const bound = bindPair(pair('column_map: { cust_no: customer_id }\n    exclude: [load_ts]'), SOURCE, TARGET, 'exact');
    expect(bound.keys.map((key) => [key.label, key.change])).toEqual([['id', 'widening']]);
    expect(bound.compared.map((column) => [column.label, column.change])).toEqual([['cust_no → customer_id', 'same'], ['amount', 'widening'], ['note', 'same']]);
    expect(bound.schema.filter((finding) => finding.kind === 'only_in_source' || finding.kind === 'excluded').map((finding) => [finding.label, finding.kind])).toEqual([
      ['legacy_flag', 'only_in_source'],
      ['load_ts', 'excluded'],
    ]);
  });

  test.each([
    ['an excluded column neither side has', 'exclude: [no_such]', 'exclude names `no_such`, which neither side has'],
    ['a renamed source column that does not exist', 'column_map: { no_such: customer_id }', 'column_map names source column `no_such`, which the source does not have (it has: id, cust_no, amount, note, legacy_flag)'],
    ['a rename to a target column that does not exist', 'column_map: { cust_no: customer }', 'column_map maps `cust_no` to `customer`, which the target does not have (it has: ID, customer_id, amount, note, load_ts)'],
    ['a tolerance on a column that is not compared', 'tolerances: { no_such: { abs: 1 } }', 'tolerances name `no_such`, which is not a compared column of both sides'],
    ['a tolerance on a text column', 'tolerances: { note: { abs: 1 } }', 'tolerances name `note`, whose type string is not numeric; tolerances apply to numbers only'],
    ['a misspelt column under the pair\'s mask_columns', 'mask_columns: [nots]', 'mask_columns names `nots`, which neither side has'],
  ])('%s is refused with what exists', (_what, body, message) => {
    expect(problems(body)).toEqual([message]);
  });

  test('mask_columns may name a column of either side, in any case; a name from defaults masks only where it exists', () => {
    expect(problems('mask_columns: [NOTE, load_ts, cust_no]')).toEqual([]);
    const { file } = loadConfigText('version: 1\ndefaults:\n  mask_columns: [email]\npairs:\n  - name: p\n    source: { table: s }\n    target: { table: t }\n    primary_key: [id]\n    mask_columns: [note]\n', 'p.yml');
    const withDefaults = file!.pairs[0]!;
    expect(withDefaults.maskColumns).toEqual(['email', 'note']);
    expect(() => bindPair(withDefaults, SOURCE, TARGET, 'exact')).not.toThrow();
  });

  test('distinct_counts: the pair\'s, else defaults:, else the engine\'s default', () => {
    expect(bindPair(pair(''), SOURCE, TARGET, 'approximate').distinctCounts).toBe('approximate');
    expect(bindPair(pair(''), SOURCE, TARGET, 'exact').distinctCounts).toBe('exact');
    expect(bindPair(pair('distinct_counts: off'), SOURCE, TARGET, 'approximate').distinctCounts).toBe('off');
    expect(bindPair(pair('distinct_counts: exact'), SOURCE, TARGET, 'approximate').distinctCounts).toBe('exact');
    const { file } = loadConfigText('version: 1\ndefaults:\n  distinct_counts: exact\npairs:\n  - name: p\n    source: { table: s }\n    target: { table: t }\n    primary_key: [id]\n', 'p.yml');
    expect(file!.pairs[0]!.distinctCounts).toBe('exact');
    expect(bindPair(file!.pairs[0]!, SOURCE, TARGET, 'approximate').distinctCounts).toBe('exact');
  });
});
