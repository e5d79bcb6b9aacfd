import type { ScenarioExpectation } from './expectations.js';
import { BIGINT, DATE, decimal, DOUBLE, INT, TEXT, timestamp, type TableSpec } from './table-spec.js';

/**
 * Crafted source/target pairs with exact expected outcomes. The DuckDB suite and the Spark suite
 * run every one of them and must agree; a scenario marked with `engines` runs only there.
 */
export interface Scenario {
  name: string;
  /** The pair's YAML body without name/source/target (indented two spaces as in a pairs list). */
  pairYaml: string;
  source: TableSpec;
  target: TableSpec;
  expect: ScenarioExpectation & {
    /** `function(column)` → [source, target] exact text. */
    aggregates?: Record<string, [string | null, string | null]>;
    /** `key:column` → [source, target] display text of a sampled mismatching cell. */
    cellValues?: Record<string, [string | null, string | null]>;
  };
}

export const SCENARIOS: Scenario[] = [
  {
    name: 'a target that lost two rows, gained one and changed three reports exactly those',
    pairYaml: 'primary_key: [id]',
    source: {
      columns: [{ name: 'id', type: INT }, { name: 'name', type: TEXT }, { name: 'amount', type: decimal(10, 2) }, { name: 'qty', type: INT }],
      rows: [
        ['1', 'alpha', '10.00', '1'],
        ['2', 'beta', '20.00', '2'],
        ['3', null, '30.00', '3'],
        ['4', 'delta', null, '4'],
        ['5', 'eps', '50.00', null],
        ['6', 'zeta', '60.00', '6'],
        ['7', 'eta', '70.00', '7'],
      ],
    },
    target: {
      columns: [{ name: 'id', type: INT }, { name: 'name', type: TEXT }, { name: 'amount', type: decimal(10, 2) }, { name: 'qty', type: INT }],
      rows: [
        ['1', 'alpha', '10.00', '1'],
        ['2', 'Beta', '20.00', '2'],
        ['3', null, '30.00', '3'],
        ['4', 'delta', '40.00', '4'],
        ['5', 'eps', '50.00', '5'],
        ['8', 'theta', '80.00', '8'],
      ],
    },
    expect: {
      status: 'FAIL',
      rows: { source: 7, target: 6 },
      measured: { row_count: 1, schema: 0, nulls: 2, aggregates: 4, duplicate_keys: 0, missing_rows: 2, extra_rows: 1, value_mismatches: 3, row_hash: 3 },
      columnMismatches: { name: 1, amount: 1, qty: 1 },
      mismatchCells: ['2:name', '4:amount', '5:qty'],
      onlyInSource: ['6', '7'],
      onlyInTarget: ['8'],
      nulls: { id: [0, 0], name: [1, 1], amount: [1, 0], qty: [1, 0] },
      aggregates: { 'sum(amount)': ['240.00', '230.00'], 'max(qty)': ['7', '8'], 'avg(qty)': ['3.833333', '3.833333'] },
      cellValues: { '4:amount': [null, '40.00'], '2:name': ['beta', 'Beta'] },
    },
  },
  {
    name: 'NaN equals NaN, infinities compare exactly, -0.0 equals 0.0, tolerance applies to finite values only',
    pairYaml: 'primary_key: [id]\n    tolerances: { y: { abs: 0.5 } }',
    source: {
      columns: [{ name: 'id', type: INT }, { name: 'x', type: DOUBLE }, { name: 'y', type: DOUBLE }],
      rows: [
        ['1', 'NaN', '1.0'],
        ['2', 'Infinity', 'Infinity'],
        ['3', '-Infinity', '-Infinity'],
        ['4', '-0.0', 'NaN'],
        ['5', '1.5', '2.0'],
        ['6', '0.30000000000000004', '2.0'],
        ['7', '1e308', '2.0'],
      ],
    },
    target: {
      columns: [{ name: 'id', type: INT }, { name: 'x', type: DOUBLE }, { name: 'y', type: DOUBLE }],
      rows: [
        ['1', 'NaN', '1.4'],
        ['2', 'Infinity', '1e308'],
        ['3', 'Infinity', '-Infinity'],
        ['4', '0.0', '0.0'],
        ['5', '1.5', '2.0'],
        ['6', '0.3', '2.0'],
        ['7', 'Infinity', '2.0'],
      ],
    },
    expect: {
      // aggregates: min(x) -inf vs 0, distinct(x) 7 vs 5, sum(y) and avg(y) NaN vs -inf, max(y) NaN vs 1e308
      measured: { value_mismatches: 5, row_hash: 5, missing_rows: 0, extra_rows: 0, aggregates: 5 },
      columnMismatches: { x: 3, y: 2 },
      mismatchCells: ['2:y', '3:x', '4:y', '6:x', '7:x'],
      withinTolerance: ['1:y'],
    },
  },
  {
    name: "'' differs from NULL and from 'NULL'; whitespace, case and Unicode normalisation count as differences",
    pairYaml: 'primary_key: [id]',
    source: {
      columns: [{ name: 'id', type: INT }, { name: 's', type: TEXT }],
      rows: [['1', ''], ['2', 'NULL'], ['3', ' a'], ['4', '\u00e9'], ['5', '😀 ünïcödé'], ['6', 'a\tb\nc'], ['7', null], ['8', "it's"], ['9', 'back\\slash'], ['10', '']],
    },
    target: {
      columns: [{ name: 'id', type: INT }, { name: 's', type: TEXT }],
      rows: [['1', null], ['2', null], ['3', 'a'], ['4', 'e\u0301'], ['5', '😀 ünïcödé'], ['6', 'a\tb\nc'], ['7', null], ['8', "it's"], ['9', 'back\\slash'], ['10', '']],
    },
    expect: {
      measured: { value_mismatches: 4, row_hash: 4, nulls: 1 },
      columnMismatches: { s: 4 },
      mismatchCells: ['1:s', '2:s', '3:s', '4:s'],
      nulls: { s: [1, 3] },
      cellValues: { '1:s': ['', null], '2:s': ['NULL', null], '3:s': [' a', 'a'] },
    },
  },
  {
    name: 'reserved words, quotes, backticks, spaces, dots and Unicode in column names are quoted, never injected',
    pairYaml: 'primary_key: [select]',
    source: {
      columns: [{ name: 'select', type: INT }, { name: 'we"ird', type: TEXT }, { name: 'back`tick', type: TEXT }, { name: 'a b', type: INT }, { name: 'ünï', type: TEXT }, { name: 'dot.ted', type: INT }],
      rows: [['1', 'x', 'y', '1', 'ü', '1'], ['2', 'x', 'y', '2', 'ü', '2']],
    },
    target: {
      columns: [{ name: 'select', type: INT }, { name: 'we"ird', type: TEXT }, { name: 'back`tick', type: TEXT }, { name: 'a b', type: INT }, { name: 'ünï', type: TEXT }, { name: 'dot.ted', type: INT }],
      rows: [['1', 'x', 'y', '1', 'ü', '1'], ['2', 'x', 'CHANGED', '2', 'ü', '3']],
    },
    expect: {
      status: 'FAIL',
      measured: { value_mismatches: 1, schema: 0 },
      columnMismatches: { 'back`tick': 1, 'dot.ted': 1 },
      mismatchCells: ['2:back`tick', '2:dot.ted'],
    },
  },
  {
    name: 'decimals compare at the common scale and tolerances stay exact in DECIMAL',
    pairYaml: 'primary_key: [id]\n    tolerances: { amount: { abs: 0.01 } }',
    source: {
      columns: [{ name: 'id', type: INT }, { name: 'amount', type: decimal(10, 2) }, { name: 'rate', type: decimal(38, 10) }],
      rows: [
        ['1', '1.50', '12345678901234567890.1234567891'],
        ['2', '1000000.11', '1.0000000000'],
        ['3', '2.00', '0.0000000001'],
        ['4', '99999999.99', '5.5'],
      ],
    },
    target: {
      columns: [{ name: 'id', type: INT }, { name: 'amount', type: decimal(12, 4) }, { name: 'rate', type: decimal(38, 10) }],
      rows: [
        ['1', '1.5000', '12345678901234567890.1234567891'],
        ['2', '1000000.1000', '1.0000000000'],
        ['3', '2.0200', '0.0000000001'],
        ['4', '99999999.9900', '5.5000000001'],
      ],
    },
    expect: {
      status: 'FAIL',
      checkStatus: { schema: 'WARN' },
      measured: { value_mismatches: 2, row_hash: 2, schema: 0 },
      columnMismatches: { amount: 1, rate: 1 },
      mismatchCells: ['3:amount', '4:rate'],
      withinTolerance: ['2:amount'],
      aggregates: { 'sum(rate)': ['12345678901234567896.6234567892', '12345678901234567896.6234567893'], 'min(amount)': ['1.50', '1.5000'] },
      cellValues: { '3:amount': ['2.0000', '2.0200'], '4:rate': ['5.5000000000', '5.5000000001'] },
    },
  },
  {
    name: 'timestamps keep microseconds and dates compare as dates',
    pairYaml: 'primary_key: [id]',
    source: {
      columns: [{ name: 'id', type: INT }, { name: 'ts', type: timestamp(false) }, { name: 'd', type: DATE }],
      rows: [
        ['1', '2024-01-01 12:00:00.123456', '2024-01-01'],
        ['2', '2024-01-01 12:00:00.123456', '2024-01-01'],
        ['3', '2024-02-29 00:00:00', '2024-02-29'],
        ['4', null, '1999-12-31'],
      ],
    },
    target: {
      columns: [{ name: 'id', type: INT }, { name: 'ts', type: timestamp(false) }, { name: 'd', type: DATE }],
      rows: [
        ['1', '2024-01-01 12:00:00.123456', '2024-01-01'],
        ['2', '2024-01-01 12:00:00.123457', '2024-01-01'],
        ['3', '2024-02-29 00:00:00', '2024-03-01'],
        ['4', '1970-01-01 00:00:00', '1999-12-31'],
      ],
    },
    expect: {
      measured: { value_mismatches: 3 },
      columnMismatches: { ts: 2, d: 1 },
      mismatchCells: ['2:ts', '3:d', '4:ts'],
      cellValues: { '2:ts': ['2024-01-01 12:00:00.123456', '2024-01-01 12:00:00.123457'], '3:d': ['2024-02-29', '2024-03-01'], '4:ts': [null, '1970-01-01 00:00:00.000000'] },
    },
  },
  {
    name: 'a zoned timestamp and a wall-clock timestamp compare in UTC, and the type change is a warning',
    pairYaml: 'primary_key: [id]',
    source: {
      columns: [{ name: 'id', type: INT }, { name: 'ts', type: timestamp(true) }],
      rows: [['1', '2024-01-01 12:00:00+02:00'], ['2', '2024-06-01 00:00:00+00:00']],
    },
    target: {
      columns: [{ name: 'id', type: INT }, { name: 'ts', type: timestamp(false) }],
      rows: [['1', '2024-01-01 10:00:00'], ['2', '2024-06-01 05:00:00']],
    },
    expect: {
      checkStatus: { schema: 'WARN' },
      measured: { value_mismatches: 1, schema: 0 },
      mismatchCells: ['2:ts'],
      cellValues: { '2:ts': ['2024-06-01 00:00:00.000000', '2024-06-01 05:00:00.000000'] },
    },
  },
  {
    name: 'duplicate keys are counted, sampled and kept from multiplying the join',
    pairYaml: 'primary_key: [id]',
    source: {
      columns: [{ name: 'id', type: INT }, { name: 'v', type: TEXT }],
      rows: [['1', 'a'], ['1', 'a'], ['2', 'b'], ['3', 'c'], ['4', 'd']],
    },
    target: {
      columns: [{ name: 'id', type: INT }, { name: 'v', type: TEXT }],
      rows: [['1', 'a'], ['2', 'b'], ['2', 'b'], ['2', 'x'], ['3', 'C'], ['5', 'e']],
    },
    expect: {
      rows: { source: 5, target: 6 },
      measured: { duplicate_keys: 2, missing_rows: 1, extra_rows: 1, value_mismatches: 1, row_count: 1 },
      columnMismatches: { v: 1 },
      mismatchCells: ['3:v'],
      duplicateKeys: ['1', '2'],
      onlyInSource: ['4'],
      onlyInTarget: ['5'],
    },
  },
  {
    name: 'a key duplicated on one side and absent from the other is missing (keys and rows) as well as duplicated',
    pairYaml: 'primary_key: [id]',
    source: { columns: [{ name: 'id', type: INT }, { name: 'v', type: TEXT }], rows: [['1', 'a'], ['7', 'x'], ['7', 'y']] },
    target: { columns: [{ name: 'id', type: INT }, { name: 'v', type: TEXT }], rows: [['1', 'a'], ['8', 'z'], ['8', 'z']] },
    expect: {
      measured: { duplicate_keys: 2, missing_rows: 2, extra_rows: 2, value_mismatches: 0 },
      duplicateKeys: ['7', '8'],
      onlyInSource: ['7'],
      onlyInTarget: ['8'],
    },
  },
  {
    name: 'an empty source reports every target row as extra',
    pairYaml: 'primary_key: [id]',
    source: { columns: [{ name: 'id', type: INT }, { name: 'amount', type: decimal(10, 2) }], rows: [] },
    target: { columns: [{ name: 'id', type: INT }, { name: 'amount', type: decimal(10, 2) }], rows: [['1', '1.00'], ['2', '2.00']] },
    expect: {
      status: 'FAIL',
      rows: { source: 0, target: 2 },
      measured: { row_count: 2, missing_rows: 0, extra_rows: 2, value_mismatches: 0 },
      onlyInTarget: ['1', '2'],
      aggregates: { 'sum(amount)': [null, '3.00'] },
    },
  },
  {
    name: 'two empty tables pass with a warning that there was nothing to compare',
    pairYaml: 'primary_key: [id]',
    source: { columns: [{ name: 'id', type: INT }, { name: 'v', type: TEXT }], rows: [] },
    target: { columns: [{ name: 'id', type: INT }, { name: 'v', type: TEXT }], rows: [] },
    expect: { status: 'WARN', checkStatus: { row_count: 'WARN', value_mismatches: 'PASS' }, rows: { source: 0, target: 0 } },
  },
  {
    name: 'NULL key parts match null-safely and are reported',
    pairYaml: 'primary_key: [a, b]',
    source: {
      columns: [{ name: 'a', type: INT }, { name: 'b', type: TEXT }, { name: 'v', type: TEXT }],
      rows: [['1', null, 'x'], [null, 'k', 'y'], ['2', 'z', 'w']],
    },
    target: {
      columns: [{ name: 'a', type: INT }, { name: 'b', type: TEXT }, { name: 'v', type: TEXT }],
      rows: [['1', null, 'x'], [null, 'k', 'Y'], ['2', 'z', 'w']],
    },
    expect: {
      checkStatus: { duplicate_keys: 'WARN', missing_rows: 'PASS', extra_rows: 'PASS' },
      measured: { missing_rows: 0, extra_rows: 0, value_mismatches: 1 },
      mismatchCells: ['NULL|k:v'],
    },
  },
  {
    name: 'a column that became a number is a schema failure, and values still compare as text',
    pairYaml: 'primary_key: [id]',
    source: { columns: [{ name: 'id', type: INT }, { name: 'code', type: TEXT }, { name: 'empty', type: TEXT }], rows: [['1', '1', null], ['2', '2', null], ['3', '03', null]] },
    target: { columns: [{ name: 'id', type: INT }, { name: 'code', type: INT }, { name: 'empty', type: TEXT }], rows: [['1', '1', null], ['2', '2', null], ['3', '3', null]] },
    expect: {
      checkStatus: { schema: 'FAIL', nulls: 'PASS' },
      measured: { schema: 1, value_mismatches: 1 },
      mismatchCells: ['3:code'],
      nulls: { empty: [3, 3] },
      cellValues: { '3:code': ['03', '3'] },
    },
  },
  {
    name: 'BIGINT keys and values beyond 2^53 keep every digit, and their sums do not overflow',
    pairYaml: 'primary_key: [id]',
    source: { columns: [{ name: 'id', type: BIGINT }, { name: 'v', type: BIGINT }], rows: [['9007199254740993', '9223372036854775807'], ['9007199254740995', '9223372036854775806']] },
    target: { columns: [{ name: 'id', type: BIGINT }, { name: 'v', type: BIGINT }], rows: [['9007199254740993', '9223372036854775807'], ['9007199254740995', '9223372036854775807']] },
    expect: {
      measured: { value_mismatches: 1, aggregates: 4 },
      mismatchCells: ['9007199254740995:v'],
      cellValues: { '9007199254740995:v': ['9223372036854775806', '9223372036854775807'] },
      aggregates: { 'sum(v)': ['18446744073709551613', '18446744073709551614'], 'max(v)': ['9223372036854775807', '9223372036854775807'] },
    },
  },
  {
    name: 'group_by compares count and aggregates per group, in the profile pass, and lists the differing groups worst first',
    pairYaml: 'primary_key: [id]\n    group_by: [region]\n    checks: [row_count, aggregates, missing_rows]',
    source: {
      columns: [{ name: 'id', type: INT }, { name: 'region', type: TEXT }, { name: 'amount', type: decimal(10, 2) }],
      rows: [
        ['1', 'EU', '10.00'], ['2', 'EU', '20.00'], ['3', 'US', '5.00'], ['4', 'US', '5.00'], ['5', 'APAC', '1.00'], ['6', null, '2.00'],
      ],
    },
    target: {
      // Row 4 moved from US to EU: totals agree, two groups differ; row 6's NULL region is kept.
      columns: [{ name: 'id', type: INT }, { name: 'region', type: TEXT }, { name: 'amount', type: decimal(10, 2) }],
      rows: [
        ['1', 'EU', '10.00'], ['2', 'EU', '20.00'], ['3', 'US', '5.00'], ['4', 'EU', '5.00'], ['5', 'APAC', '1.00'], ['6', null, '2.00'],
      ],
    },
    expect: {
      status: 'FAIL',
      measured: { row_count: 0, aggregates: 2, missing_rows: 0 },
      // Both are 50 % off (US count 2 → 1, EU min 10 → 5): equally bad, in key order.
      groups: { by: ['region'], groups: 4, differing: 2, worst: ['EU: 2 → 3', 'US: 2 → 1'] },
    },
  },
  {
    name: 'without a primary key rows compare as multisets: a row twice in the source and once in the target is one missing row',
    pairYaml: 'sample_size: 5',
    source: {
      columns: [{ name: 'code', type: TEXT }, { name: 'qty', type: INT }],
      rows: [['a', '1'], ['a', '1'], ['b', '2'], ['c', '3'], [null, '4'], ['d', null]],
    },
    target: {
      columns: [{ name: 'code', type: TEXT }, { name: 'qty', type: INT }],
      rows: [['a', '1'], ['b', '2'], ['b', '2'], ['c', '30'], [null, '4'], ['d', null]],
    },
    expect: {
      status: 'FAIL',
      measured: { row_count: 0, missing_rows: 2, extra_rows: 2 },
      checkStatus: { missing_rows: 'FAIL', extra_rows: 'FAIL' },
      rowValues: { onlyInSource: ['a|1', 'c|3'], onlyInTarget: ['b|2', 'c|30'] },
    },
  },
  {
    name: 'ignore_spaces and ignore_case hide only what they say, count what they hid, and trim string keys',
    pairYaml: 'primary_key: [code]\n    ignore_spaces: true\n    ignore_case: [name]',
    source: {
      columns: [{ name: 'code', type: TEXT }, { name: 'name', type: TEXT }, { name: 'city', type: TEXT }],
      rows: [
        ['A1', 'Bob', 'Paris'],
        ['A2', 'alice', 'Rome'],
        ['A3', 'Carol', 'Oslo '],
        ['A4', 'Dave', 'Lima'],
        ['A5', 'Eve', 'Kyiv'],
        ['A6', 'Frank', 'Bern'],
        ['A7', 'Gus', 'Nice'],
      ],
    },
    target: {
      columns: [{ name: 'code', type: TEXT }, { name: 'name', type: TEXT }, { name: 'city', type: TEXT }],
      rows: [
        ['A1', 'BOB', 'Paris'],
        [' A2', 'Alice ', 'Rome'],
        ['A3', 'Carol', 'Oslo'],
        ['A4', 'Dave', 'LIMA'],
        ['A5', 'Eve', 'Kyiv'],
        ['A6', 'Fred', 'Bern'],
        ['A7 ', 'Gus', 'Nice'],
      ],
    },
    expect: {
      measured: { missing_rows: 0, extra_rows: 0, value_mismatches: 2, duplicate_keys: 0 },
      // city has no ignore_case: LIMA differs; Fred is another name.
      columnMismatches: { name: 1, city: 1 },
      mismatchCells: ['A4:city', 'A6:name'],
      cellValues: { 'A4:city': ['Lima', 'LIMA'] },
      ignored: { case: 2, spaces: 2 },
    },
  },
  {
    name: 'the same difference on several rows is a constant offset; a value found in another column of the other side is a swap',
    pairYaml: 'primary_key: [id]',
    source: {
      columns: [{ name: 'id', type: INT }, { name: 'amount', type: decimal(12, 2) }, { name: 'qty', type: INT }, { name: 'first_name', type: TEXT }, { name: 'last_name', type: TEXT }, { name: 'flag', type: TEXT }, { name: 'code', type: TEXT }],
      rows: [
        ['1', '10.00', '1', 'Ada', 'Lovelace', 'Y', 'N'],
        ['2', '20.50', '2', 'Alan', 'Turing', 'Y', 'N'],
        ['3', '7.25', '3', 'Grace', 'Hopper', 'N', 'N'],
        ['4', '100.00', '4', 'Edsger', 'Dijkstra', 'Y', 'N'],
        ['5', '3.00', '5', 'Barbara', 'Liskov', 'Y', 'N'],
        ['6', '8.00', '6', 'Donald', 'Knuth', 'Y', 'N'],
      ],
    },
    target: {
      columns: [{ name: 'id', type: INT }, { name: 'amount', type: decimal(12, 2) }, { name: 'qty', type: INT }, { name: 'first_name', type: TEXT }, { name: 'last_name', type: TEXT }, { name: 'flag', type: TEXT }, { name: 'code', type: TEXT }],
      rows: [
        // amount + 1.50 on three rows: constant; + 0.75 once: other. qty + 1 on two rows: constant.
        ['1', '11.50', '2', 'Lovelace', 'Ada', 'Y', 'N'],
        ['2', '22.00', '3', 'Turing', 'Alan', 'Y', 'N'],
        ['3', '8.75', '3', 'Grace', 'Hopper', 'N', 'N'],
        ['4', '100.75', '4', 'Edsger', 'Dijkstra', 'Y', 'N'],
        ['5', '3.00', '5', 'Barbara', 'Liskov', 'N', 'N'],
        ['6', '8.00', '9', 'Donald', 'Knuth', 'Y', 'N'],
      ],
    },
    expect: {
      measured: { value_mismatches: 6 },
      columnMismatches: { amount: 4, qty: 3, first_name: 2, last_name: 2, flag: 1 },
      explanations: {
        amount: { classes: { constant_offset: 3, other: 1 }, constantOffset: { min: 1.5, max: 1.5 } },
        qty: { classes: { constant_offset: 2, other: 1 }, constantOffset: { min: 1, max: 1 } },
        first_name: { classes: { swapped_columns: 2 }, swappedWith: ['last_name'] },
        last_name: { classes: { swapped_columns: 2 }, swappedWith: ['first_name'] },
        // Y → N where another column holds N on both sides is a changed flag, not a swap.
        flag: { classes: { other: 1 } },
      },
      cellClasses: { '1:amount': 'constant_offset', '4:amount': 'other', '1:first_name': 'swapped_columns', '6:qty': 'other', '5:flag': 'other' },
      maxAbsDiff: { amount: 1.5, qty: 3 },
    },
  },
  {
    name: 'missing, extra and changed keys that share key values say so, over all keys, not from the sample',
    pairYaml: 'primary_key: [region, day, id]\n    sample_size: 1',
    source: {
      columns: [{ name: 'region', type: TEXT }, { name: 'day', type: INT }, { name: 'id', type: INT }, { name: 'v', type: INT }],
      rows: [
        ['EU', '20240115', '1', '1'],
        ['EU', '20240115', '2', '2'],
        ['EU', '20240115', '3', '3'],
        ['US', '20240116', '4', '4'],
        ['US', '20240117', '5', '5'],
        ['APAC', '20240116', '6', '6'],
      ],
    },
    target: {
      columns: [{ name: 'region', type: TEXT }, { name: 'day', type: INT }, { name: 'id', type: INT }, { name: 'v', type: INT }],
      rows: [
        ['US', '20240116', '4', '40'],
        ['US', '20240117', '5', '50'],
        ['APAC', '20240116', '6', '6'],
        ['LATAM', '20240118', '7', '7'],
        ['LATAM', '20240119', '8', '8'],
      ],
    },
    expect: {
      measured: { missing_rows: 3, extra_rows: 2, value_mismatches: 2 },
      sharedKeys: { missing_rows: 'region EU, day 20240115', extra_rows: 'region LATAM', value_mismatches: 'region US' },
    },
  },
  {
    name: 'numbers that changed in a recognisable way are classified: sign flipped, rounded, scaled by a power of ten; a blanked string is not truncation',
    pairYaml: 'primary_key: [id]',
    source: {
      columns: [{ name: 'id', type: INT }, { name: 'v', type: decimal(12, 2) }, { name: 'c', type: INT }, { name: 's', type: TEXT }],
      rows: [
        ['1', '19423.84', '5', 'x'],
        ['2', '18259.62', '7', 'ab'],
        ['3', '12.34', '29', 'same'],
        ['4', '5.00', '1', 'same'],
        ['5', '100.00', '1', 'same'],
        ['6', '2.50', '1', 'same'],
      ],
    },
    target: {
      columns: [{ name: 'id', type: INT }, { name: 'v', type: decimal(12, 2) }, { name: 'c', type: INT }, { name: 's', type: TEXT }],
      rows: [
        ['1', '-19423.84', '-5', ''],
        ['2', '18260.00', '70', 'a'],
        ['3', '1234.00', '30', 'same'],
        ['4', '7.00', '1', 'same'],
        ['5', '10.00', '1', 'same'],
        ['6', '2.50', '1', 'same'],
      ],
    },
    expect: {
      measured: { value_mismatches: 5 },
      columnMismatches: { v: 5, c: 3, s: 2 },
      explanations: {
        v: { classes: { sign_flipped: 1, rounded: 1, scaled_by_power_of_ten: 2, other: 1 } },
        c: { classes: { sign_flipped: 1, scaled_by_power_of_ten: 1, other: 1 } },
        s: { classes: { empty_string: 1, string_truncated: 1 } },
      },
      cellClasses: {
        '1:v': 'sign_flipped', '2:v': 'rounded', '3:v': 'scaled_by_power_of_ten', '4:v': 'other', '5:v': 'scaled_by_power_of_ten',
        '1:c': 'sign_flipped', '2:c': 'scaled_by_power_of_ten', '3:c': 'other',
        '1:s': 'empty_string', '2:s': 'string_truncated',
      },
    },
  },
  {
    name: 'every differing cell is explained: empty vs NULL, whitespace, case, scale, sign of zero, time-zone shift, truncation',
    pairYaml: 'primary_key: [id]\n    tolerances: { amount: { abs: 0.05 } }',
    source: {
      columns: [{ name: 'id', type: INT }, { name: 's', type: TEXT }, { name: 'n', type: TEXT }, { name: 'ts', type: timestamp(false) }, { name: 'amount', type: decimal(10, 2) }],
      rows: [
        ['1', '', '10.50', '2024-01-01 12:00:00', '1.00'],
        ['2', 'abc', '-0', '2024-01-01 12:34:56.789', '1.00'],
        ['3', ' abc ', '1.0', '2024-01-01 12:34:56.123456', null],
        ['4', 'ABC', '7', '2024-01-01 12:00:00', '5.00'],
        ['5', 'abcdef', 'same', '2024-01-01 00:00:00', '5.00'],
        ['6', 'xyz', 'same', '2024-01-01 00:00:00', '5.00'],
        ['7', 'same', 'same', '2024-01-01 00:00:00', '5.00'],
      ],
    },
    target: {
      columns: [{ name: 'id', type: INT }, { name: 's', type: TEXT }, { name: 'n', type: TEXT }, { name: 'ts', type: timestamp(false) }, { name: 'amount', type: decimal(10, 2) }],
      rows: [
        ['1', null, '10.5', '2024-01-01 17:00:00', '1.03'],
        ['2', null, '0', '2024-01-01 12:34:56', '1.10'],
        ['3', 'abc', '1.00', '2024-01-01 12:34:56.123', '2.00'],
        ['4', 'abc', '8', '2024-01-02 17:00:00', '5.00'],
        ['5', 'abc', 'same', '2024-01-01 05:00:00', '5.00'],
        ['6', 'abc', 'same', '2024-01-01 00:00:00', '5.00'],
        ['7', 'same', 'same', '2024-01-01 00:00:00', '5.00'],
      ],
    },
    expect: {
      measured: { value_mismatches: 6 },
      columnMismatches: { s: 6, n: 4, ts: 5, amount: 2 },
      explanations: {
        s: { classes: { empty_vs_null: 1, null_vs_value: 1, whitespace: 1, case: 1, string_truncated: 1, other: 1 } },
        n: { classes: { numeric_scale: 2, sign_of_zero: 1, other: 1 } },
        ts: { classes: { timezone_shift: 2, timestamp_truncated: 2, other: 1 }, shiftHours: { min: 5, max: 5 } },
        amount: { classes: { null_vs_value: 1, other: 1 }, withinTolerance: 1 },
      },
      cellClasses: {
        '1:s': 'empty_vs_null', '2:s': 'null_vs_value', '3:s': 'whitespace', '4:s': 'case', '5:s': 'string_truncated', '6:s': 'other',
        '1:n': 'numeric_scale', '2:n': 'sign_of_zero', '3:n': 'numeric_scale', '4:n': 'other',
        '1:ts': 'timezone_shift', '2:ts': 'timestamp_truncated', '3:ts': 'timestamp_truncated', '4:ts': 'other', '5:ts': 'timezone_shift',
        '2:amount': 'other', '3:amount': 'null_vs_value',
      },
    },
  },
];
