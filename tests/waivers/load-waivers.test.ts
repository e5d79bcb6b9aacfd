import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatConfigError } from '../../src/config/config-error.js';
import { loadConfigs } from '../../src/config/load-config.js';
import { loadWaivers, loadWaiversOrThrow, loadWaiversText } from '../../src/waivers/load-waivers.js';
import { defaultWaiverFiles } from '../../src/waivers/waiver-files.js';
import { REPO_ROOT, tempDir } from '../support/cli.js';

const FILE = 'recon-configs/waivers.yml';
const errorsOf = (text: string) => loadWaiversText(text, path.join(REPO_ROOT, FILE)).errors;
const messagesOf = (text: string) => errorsOf(text).map(formatConfigError);

const VALID = `version: 1
waivers:
  - pair: fact_executive_summary
    check: value_mismatches          # a check name
    column: purchases_amount
    class: null_vs_value
    reason: Purchases before the cut-over are NULL in the lakehouse by design (MIG-142)
    owner: data-platform@example.com
    expires: 2027-03-31
  - pair: fact_executive_summary
    check: extra_rows
    reason: >
      Two test rows loaded
      by the lakehouse smoke test
    owner: qa@example.com
    expires: 2026-12-01
`;

/** The first waiver of VALID with one line replaced. */
const withLine = (from: string, to: string) => {
  if (!VALID.includes(from)) throw new Error(`not in the fixture: ${from}`);
  return VALID.replace(from, to);
};

describe('a valid waivers file', () => {
  test('loads every waiver as written, located at its list item, with the expiry kept as a day', () => {
    const { waivers, errors } = loadWaiversText(VALID, path.join(REPO_ROOT, FILE));
    expect(errors).toEqual([]);
    expect(waivers).toEqual([
      {
        pair: 'fact_executive_summary',
        check: 'value_mismatches',
        column: 'purchases_amount',
        class: 'null_vs_value',
        reason: 'Purchases before the cut-over are NULL in the lakehouse by design (MIG-142)',
        owner: 'data-platform@example.com',
        expires: '2027-03-31',
        location: { file: FILE, line: 3, column: 5 },
      },
      {
        pair: 'fact_executive_summary',
        check: 'extra_rows',
        column: undefined,
        class: undefined,
        reason: 'Two test rows loaded by the lakehouse smoke test',
        owner: 'qa@example.com',
        expires: '2026-12-01',
        location: { file: FILE, line: 10, column: 5 },
      },
    ]);
  });

  test('an empty list is allowed: every waiver may have been removed', () => {
    expect(loadWaiversText('version: 1\nwaivers: []\n', FILE)).toEqual({ waivers: [], errors: [] });
  });

  test('several files are read in order', () => {
    const folder = tempDir('waivers-files');
    writeFileSync(path.join(folder, 'a.yml'), VALID);
    writeFileSync(path.join(folder, 'b.yml'), 'version: 1\nwaivers:\n  - { pair: dim_institution, check: row_count, reason: r, owner: o, expires: 2027-01-01 }\n');
    const waivers = loadWaiversOrThrow([path.join(folder, 'a.yml'), path.join(folder, 'b.yml')]);
    expect(waivers.map((waiver) => `${waiver.pair}.${waiver.check}@${path.basename(waiver.location.file)}:${waiver.location.line}`)).toEqual([
      'fact_executive_summary.value_mismatches@a.yml:3',
      'fact_executive_summary.extra_rows@a.yml:10',
      'dim_institution.row_count@b.yml:3',
    ]);
  });
});

describe('waiver errors name the file, line, column and field, and say what is valid', () => {
  test('a misspelled key suggests the right one and lists the valid keys', () => {
    expect(messagesOf(withLine('    owner: data-platform@example.com', '    owner: data-platform@example.com\n    reasn: typo'))).toEqual([
      'recon-configs/waivers.yml:9:5 waivers[0].reasn: unknown key `reasn`. Did you mean `reason`? Valid keys here: pair, check, column, class, reason, owner, expires.',
    ]);
  });

  test('a misspelled top-level key is caught too', () => {
    expect(messagesOf(VALID.replace('waivers:', 'waiver:'))).toEqual([
      'recon-configs/waivers.yml:1:1 waivers: missing required field. Write a list here.',
      'recon-configs/waivers.yml:2:1 waiver: unknown key `waiver`. Did you mean `waivers`? Valid keys here: version, waivers.',
    ]);
  });

  test('an unknown check name suggests the closest and lists them all', () => {
    expect(messagesOf(withLine('check: value_mismatches          # a check name', 'check: value_mismatch'))).toEqual([
      'recon-configs/waivers.yml:4:12 waivers[0].check: `value_mismatch` is not allowed. Did you mean `value_mismatches`? Expected one of: row_count, schema, nulls, aggregates, duplicate_keys, missing_rows, extra_rows, value_mismatches, row_hash.',
    ]);
  });

  test('an unknown mismatch class suggests the closest and lists them all', () => {
    expect(messagesOf(withLine('class: null_vs_value', 'class: null_vs_values'))).toEqual([
      'recon-configs/waivers.yml:6:12 waivers[0].class: `null_vs_values` is not allowed. Did you mean `null_vs_value`? Expected one of: empty_vs_null, null_vs_value, whitespace, case, numeric_scale, timezone_shift, timestamp_truncated, empty_string, string_truncated, sign_of_zero, sign_flipped, rounded, scaled_by_power_of_ten, swapped_columns, constant_offset, other.',
    ]);
  });

  test.each([
    ['2027-02-30', '`2027-02-30` is not a day'],
    ['2027-3-31', '`2027-3-31` is not a day'],
    ['"31/03/2027"', '`31/03/2027` is not a day'],
    ['2027-03-31T00:00:00Z', '`2027-03-31T00:00:00Z` is not a day'],
    ['20270331', 'expected a day (YYYY-MM-DD), got number `20270331`'],
  ])('expires: %s is refused where it is written', (given, message) => {
    expect(messagesOf(withLine('expires: 2027-03-31', `expires: ${given}`))).toEqual([
      `recon-configs/waivers.yml:9:14 waivers[0].expires: ${message}. Write the last day the waiver applies as YYYY-MM-DD, e.g. 2027-03-31: every waiver expires.`,
    ]);
  });

  test('a waiver without an expiry is refused at the waiver', () => {
    expect(messagesOf(withLine('    expires: 2027-03-31\n', ''))).toEqual([
      'recon-configs/waivers.yml:3:5 waivers[0].expires: missing required field. Write the last day the waiver applies as YYYY-MM-DD, e.g. 2027-03-31: every waiver expires.',
    ]);
  });

  test('a waiver without a reason or owner is refused', () => {
    const messages = messagesOf(withLine('    owner: data-platform@example.com\n', '').replace(/ {4}reason: Purchases.*\n/, ''));
    expect(messages).toEqual([
      'recon-configs/waivers.yml:3:5 waivers[0].reason: missing required field. Write a string here.',
      'recon-configs/waivers.yml:3:5 waivers[0].owner: missing required field. Write a string here.',
    ]);
  });

  test('`column` on a check that is not counted per column is refused at the key', () => {
    expect(messagesOf(VALID.replace('    check: extra_rows\n', '    check: extra_rows\n    column: purchases_amount\n'))).toEqual([
      'recon-configs/waivers.yml:12:5 waivers[1].column: `column` does not apply to extra_rows: that check is not counted per column. Remove `column` to waive the whole check; columns can be named for value_mismatches, nulls, aggregates, schema.',
    ]);
  });

  test('`class` on another check than value_mismatches is refused at the key', () => {
    expect(messagesOf(withLine('check: value_mismatches          # a check name', 'check: nulls'))).toEqual([
      'recon-configs/waivers.yml:6:5 waivers[0].class: `class` applies only to value_mismatches, not nulls. Remove `class`, or set `check: value_mismatches`.',
    ]);
  });

  test('a wrong version and a YAML syntax error are located', () => {
    expect(messagesOf(VALID.replace('version: 1', 'version: 2'))).toEqual(['recon-configs/waivers.yml:1:10 version: `2` is not allowed. Expected one of: 1.']);
    const [syntax] = errorsOf(withLine('    owner: data-platform@example.com', '    owner: [data-platform@example.com'));
    expect(syntax!.message).toMatch(/^YAML syntax error: /);
    expect(syntax!.file).toBe(FILE);
  });

  test('an empty file or a missing one says what to write or pass', () => {
    expect(messagesOf('')).toEqual(['recon-configs/waivers.yml:1:1 the waivers file is empty. Write `version: 1` and a `waivers:` list (`waivers: []` when there are none).']);
    const missing = loadWaivers([path.join(tempDir('no-waivers'), 'waivers.yml')]);
    expect(missing.errors[0]).toMatchObject({ line: 1, column: 1, message: 'no such waivers file' });
    expect(() => loadWaiversOrThrow([path.join(tempDir('no-waivers'), 'waivers.yml')])).toThrow(/1 config error:\n .*waivers\.yml:1:1 no such waivers file\./);
  });
});

describe('the default waivers file', () => {
  test('is waivers.yml in a config folder, or beside a config file, when it exists', () => {
    const folder = tempDir('default-waivers');
    mkdirSync(path.join(folder, 'configs'));
    writeFileSync(path.join(folder, 'configs', 'orders.yml'), 'version: 1\n');
    expect(defaultWaiverFiles([path.join(folder, 'configs')])).toEqual([]);
    writeFileSync(path.join(folder, 'configs', 'waivers.yml'), 'version: 1\nwaivers: []\n');
    const expected = [path.join(folder, 'configs', 'waivers.yml')];
    expect(defaultWaiverFiles([path.join(folder, 'configs')])).toEqual(expected);
    expect(defaultWaiverFiles([path.join(folder, 'configs', 'orders.yml'), path.join(folder, 'configs')])).toEqual(expected);
    expect(defaultWaiverFiles([path.join(folder, 'does-not-exist')])).toEqual([]);
  });

  test('is not read as a pair config', () => {
    const folder = tempDir('waivers-beside-configs');
    writeFileSync(path.join(folder, 'orders.yml'), 'version: 1\npairs:\n  - name: orders\n    source: { table: a.orders }\n    target: { table: b.orders }\n    primary_key: [id]\n');
    writeFileSync(path.join(folder, 'waivers.yml'), VALID);
    expect(loadConfigs([folder]).errors).toEqual([]);
  });
});
