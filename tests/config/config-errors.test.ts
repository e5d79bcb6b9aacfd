import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatConfigError } from '../../src/config/config-error.js';
import { loadConfigs, loadConfigText } from '../../src/config/load-config.js';

const errorsOf = (text: string) => loadConfigText(text, 'recon-configs/orders.yml').errors;
const messagesOf = (text: string) => errorsOf(text).map(formatConfigError);

const VALID_PAIR = `version: 1
pairs:
  - name: orders
    source: { table: legacy.orders }
    target: { table: main.sales.orders }
    primary_key: [order_id]
`;

describe('a valid config', () => {
  test('loads with defaults applied and the pair located at its line', () => {
    const { file, errors } = loadConfigText(VALID_PAIR, 'recon-configs/orders.yml');
    expect(errors).toEqual([]);
    const pair = file!.pairs[0]!;
    expect(pair.location).toMatchObject({ line: 3, column: 5 });
    expect(pair.source).toEqual({ kind: 'table', parts: ['legacy', 'orders'], filter: undefined });
    expect(pair.target).toEqual({ kind: 'table', parts: ['main', 'sales', 'orders'], filter: undefined });
    expect(pair.checks).toHaveLength(9);
    expect(pair.sampleSize).toBe(20);
    expect(pair.thresholds.missing_rows).toEqual({ maxCount: 0 });
  });

  test('quoted table name parts keep their dots', () => {
    const { file } = loadConfigText(VALID_PAIR.replace('legacy.orders', '\'"my.schema".`odd``name`\''), 'x.yml');
    expect(file!.pairs[0]!.source).toMatchObject({ parts: ['my.schema', 'odd`name'] });
  });
});

describe('config errors name the file, line, column and field, and say what is valid', () => {
  test('a misspelled key suggests the right one', () => {
    const messages = messagesOf(`${VALID_PAIR}    primay_key: [id]\n`);
    expect(messages).toEqual([
      'recon-configs/orders.yml:7:5 pairs[0].primay_key: unknown key `primay_key`. Did you mean `primary_key`? Valid keys here: name, description, source, target, filter, primary_key, exclude, column_map, tolerances, ignore_spaces, ignore_case, group_by, checks, sample_size, thresholds, sample, persist_mismatches_to, distinct_counts, sample_values, mask_columns, paths.',
    ]);
  });

  test('a misspelled threshold key inside a check suggests max_percent', () => {
    const [error] = errorsOf(`${VALID_PAIR}    thresholds:\n      missing_rows: { max_pct: 1 }\n`);
    expect(error).toMatchObject({ line: 8, column: 23, path: 'pairs[0].thresholds.missing_rows.max_pct' });
    expect(error!.hint).toContain('Did you mean `max_percent`?');
  });

  test('an unknown check name lists the valid ones', () => {
    const [error] = errorsOf(`${VALID_PAIR}    checks: [row_count, row_hashes]\n`);
    expect(error).toMatchObject({ line: 7, column: 25, path: 'pairs[0].checks[1]', message: '`row_hashes` is not allowed' });
    expect(error!.hint).toMatch(/^Did you mean `row_hash`\? Expected one of: row_count, schema,/);
  });

  test('an unknown check under thresholds is an unknown key', () => {
    const [error] = errorsOf(`${VALID_PAIR}    thresholds:\n      missing_row: { max_count: 1 }\n`);
    expect(error).toMatchObject({ line: 8, path: 'pairs[0].thresholds.missing_row' });
    expect(error!.hint).toContain('Did you mean `missing_rows`?');
  });

  test('a wrong type says what was expected and what was given', () => {
    const [error] = errorsOf(`${VALID_PAIR}    sample_size: lots\n`);
    expect(error).toMatchObject({ line: 7, column: 18, path: 'pairs[0].sample_size', message: 'expected a number, got string `lots`' });
  });

  test('an unknown sample_values mode suggests the closest, on the pair and under defaults', () => {
    const [onPair] = errorsOf(`${VALID_PAIR}    sample_values: key_only\n`);
    expect(onPair).toMatchObject({ file: 'recon-configs/orders.yml', line: 7, column: 20, path: 'pairs[0].sample_values', message: '`key_only` is not allowed' });
    expect(onPair!.hint).toBe('Did you mean `keys_only`? Expected one of: show, keys_only, none.');
    const [underDefaults] = errorsOf(VALID_PAIR.replace('pairs:', 'defaults:\n  sample_values: hidden\npairs:'));
    expect(underDefaults).toMatchObject({ line: 3, path: 'defaults.sample_values', message: '`hidden` is not allowed' });
  });

  test('mask_columns must be a list of column names', () => {
    expect(errorsOf(`${VALID_PAIR}    mask_columns: email\n`)).toMatchObject([{ line: 7, column: 19, path: 'pairs[0].mask_columns', message: 'expected a list, got string `email`' }]);
    expect(errorsOf(`${VALID_PAIR}    mask_columns: [email, '']\n`)).toMatchObject([{ line: 7, path: 'pairs[0].mask_columns[1]' }]);
  });

  test('sample_values and mask_columns: the pair\'s mode wins over defaults, masks add up, unset stays unset', () => {
    const config = `version: 1\ndefaults:\n  sample_values: none\n  mask_columns: [email, Phone]\npairs:\n  - name: a\n    source: { table: s }\n    target: { table: t }\n    primary_key: [id]\n    sample_values: keys_only\n    mask_columns: [phone, name]\n  - name: b\n    source: { table: s }\n    target: { table: t }\n    primary_key: [id]\n`;
    const { file, errors } = loadConfigText(config, 'x.yml');
    expect(errors).toEqual([]);
    expect(file!.pairs.map((pair) => [pair.sampleValues, pair.maskColumns, pair.maskColumnsOfPair])).toEqual([
      ['keys_only', ['email', 'Phone', 'name'], ['phone', 'name']],
      ['none', ['email', 'Phone'], []],
    ]);
    expect(loadConfigText(VALID_PAIR, 'x.yml').file!.pairs[0]).toMatchObject({ sampleValues: undefined, maskColumns: [] });
  });

  test('a threshold out of range gives the allowed range', () => {
    const [error] = errorsOf(`${VALID_PAIR}    thresholds:\n      row_count: { max_percent: 150 }\n`);
    expect(error).toMatchObject({ line: 8, path: 'pairs[0].thresholds.row_count.max_percent', message: '150 is out of range', hint: 'Use a value of at most 100.' });
  });

  test('a negative tolerance is refused', () => {
    const [error] = errorsOf(`${VALID_PAIR}    tolerances: { amount: { abs: -1 } }\n`);
    expect(error).toMatchObject({ line: 7, path: 'pairs[0].tolerances.amount.abs', message: '-1 is out of range' });
  });

  test('malformed YAML points at the line', () => {
    const [error] = errorsOf('version: 1\npairs:\n  - name: orders\n    source: { table: [a, b\n');
    expect(error!.message).toMatch(/^YAML syntax error/);
    expect(error!.line).toBeGreaterThanOrEqual(4);
  });

  test('a missing required field is reported on its parent', () => {
    const [error] = errorsOf('version: 1\npairs:\n  - name: orders\n    source: { table: a }\n    primary_key: [id]\n');
    expect(error).toMatchObject({ line: 3, path: 'pairs[0].target', message: 'missing required field' });
  });

  test('a side with both table and query is refused', () => {
    const [error] = errorsOf(VALID_PAIR.replace('{ table: legacy.orders }', '{ table: legacy.orders, query: "SELECT 1" }'));
    expect(error).toMatchObject({ line: 4, path: 'pairs[0].source', message: 'a side needs exactly one of `table`, `query` or `file`' });
  });

  test('the wrong version is refused', () => {
    expect(messagesOf(VALID_PAIR.replace('version: 1', 'version: 2'))[0]).toBe('recon-configs/orders.yml:1:10 version: `2` is not allowed. Expected one of: 1.');
  });

  test('without a primary key the keyed checks are left out, and refused when asked for, with both ways out', () => {
    expect(errorsOf(VALID_PAIR.replace('    primary_key: [order_id]\n', ''))).toEqual([]);
    const [error] = errorsOf(VALID_PAIR.replace('    primary_key: [order_id]\n', '    checks: [missing_rows, value_mismatches, row_hash]\n'));
    expect(error!.message).toBe('value_mismatches, row_hash need a primary key, and this pair has none');
    expect(error!.hint).toContain('Add `primary_key: [column, …]`');
    expect(error!.hint).toContain('compare whole rows as multisets');
  });

  test('profile-only checks need no key', () => {
    expect(errorsOf(VALID_PAIR.replace('    primary_key: [order_id]\n', '    checks: [row_count, schema, nulls, aggregates]\n'))).toEqual([]);
  });

  test('duplicate pair names are refused', () => {
    const [error] = errorsOf(`${VALID_PAIR}  - name: Orders\n    source: { table: a }\n    target: { table: b }\n    primary_key: [id]\n`);
    expect(error).toMatchObject({ line: 7, path: 'pairs[1].name', message: 'pair name `Orders` is already used by pair 1' });
  });

  test('a key column that is also excluded is refused', () => {
    const [error] = errorsOf(`${VALID_PAIR}    exclude: [ORDER_ID]\n`);
    expect(error!.message).toBe('key column `order_id` is also in `exclude`');
  });

  test.each([
    ['a second statement', "source: { table: t, filter: \"1=1; DROP TABLE t\" }", 'filter refused: it contains a second statement'],
    ['DML in a filter', "source: { table: t, filter: \"id IN (DELETE FROM t RETURNING id)\" }", 'filter refused: it contains `DELETE`'],
    ['DDL in a query', 'source: { query: "CREATE TABLE x AS SELECT 1" }', 'query refused: a query must be a single SELECT'],
    ['a query hiding DDL after a comment', 'source: { query: "SELECT 1 /* x */ ; DROP TABLE t" }', 'query refused: it contains a second statement'],
    ['an unterminated string', "source: { table: t, filter: \"name = 'x\" }", 'filter refused: a \' quote is never closed'],
  ])('raw SQL with %s is refused before anything runs', (_what, sideYaml, message) => {
    const [error] = errorsOf(VALID_PAIR.replace('source: { table: legacy.orders }', sideYaml));
    expect(error!.message).toContain(message);
    expect(error!.line).toBe(4);
  });

  test.each([
    ["status = 'DELETE'"],
    ['"update" > 0'],
    ["replace(name, 'a', 'b') = 'x'"],
    ['updated_at >= DATE \'2024-01-01\' -- trailing comment; with semicolon'],
  ])('a harmless filter is accepted: %s', (filter) => {
    expect(errorsOf(VALID_PAIR.replace('source: { table: legacy.orders }', `source: { table: t, filter: ${JSON.stringify(filter)} }`))).toEqual([]);
  });

  test('a query may end with one semicolon', () => {
    const { file, errors } = loadConfigText(VALID_PAIR.replace('source: { table: legacy.orders }', 'source: { query: "SELECT * FROM t;" }'), 'x.yml');
    expect(errors).toEqual([]);
    expect(file!.pairs[0]!.source).toEqual({ kind: 'query', sql: 'SELECT * FROM t', filter: undefined });
  });
});

describe('config folders', () => {
  test('an empty folder is an error that says what to add', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'recon-empty-'));
    const { errors } = loadConfigs([folder]);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toBe('the folder holds no .yml or .yaml config files');
  });

  test('every file of a folder is read, errors from all files are collected, and waivers.yml is skipped', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'recon-folder-'));
    mkdirSync(path.join(folder, 'nested'));
    writeFileSync(path.join(folder, 'a.yml'), VALID_PAIR);
    writeFileSync(path.join(folder, 'nested', 'b.yaml'), 'version: 1\npairs: []\n');
    writeFileSync(path.join(folder, 'c.yml'), VALID_PAIR);
    writeFileSync(path.join(folder, 'waivers.yml'), 'not: a config\n');
    const { errors } = loadConfigs([folder]);
    expect(errors.map((error) => [path.basename(error.file), error.path, error.message])).toEqual([
      ['b.yaml', 'pairs', 'needs at least 1 item(s)'],
      ['c.yml', 'name', expect.stringMatching(/^pair name `orders` is also used in .*a\.yml:3$/)],
    ]);
  });

  test('a path that does not exist is reported', () => {
    expect(loadConfigs(['no/such/folder']).errors[0]!.message).toBe('no such file or folder');
  });
});
