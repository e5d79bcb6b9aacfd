import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadConfigText } from '../../src/config/load-config.js';
import type { ReconConfig } from '../../src/config/recon-config.js';
import { openEngine } from '../../src/backends/registry.js';
import { runSuite } from '../../src/recon/run-suite.js';
import { duckdbDialect } from '../../src/sql/dialects/duckdb-dialect.js';
import { sideQuery } from '../../src/sql/side-query.js';

/** An export where `""` is an empty string, an empty field is NULL and amounts are exact decimals. */
function exportFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'recon-typed-'));
  writeFileSync(path.join(folder, 'export.csv'), 'id;name;amount\n1;"";1.10\n2;;2.20\n3;"x";\n4;NULL;0.30\n');
  writeFileSync(path.join(folder, 'copy.csv'), 'id;name;amount\n1;"";1.10\n2;;2.20\n3;"x";\n4;NULL;0.30\n');
  return folder;
}

const TYPED = (file: string) => `{ path: ${file}, delimiter: ";", null: "NULL", columns: { amount: "DECIMAL(18,2)", id: INTEGER } }`;

function load(folder: string, source: string, target: string): ReconConfig {
  const text = `version: 1\npairs:\n  - name: typed\n    source: { file: ${source} }\n    target: { file: ${target} }\n    primary_key: [id]\n`;
  const { file, errors } = loadConfigText(text, path.join(folder, 'typed.yml'));
  expect(errors).toEqual([]);
  return { files: [file!] };
}

async function run(config: ReconConfig) {
  const engine = await openEngine({ engine: 'duckdb', config });
  try {
    const side = config.files[0]!.pairs[0]!.source;
    const rows = await engine.query(`SELECT id, name, name IS NULL AS is_null, amount, typeof(amount) AS amount_type FROM (${sideQuery(duckdbDialect, side)}) ORDER BY id`);
    return { rows: rows.rows, results: await runSuite(config, { engine, dialect: duckdbDialect }) };
  } finally {
    await engine.close();
  }
}

describe('file: as an object reads a CSV as its export meant', () => {
  test('a quoted "" is an empty string, an empty field and the null text are NULL, stated types are kept', async () => {
    const folder = exportFolder();
    const { rows, results } = await run(load(folder, TYPED('export.csv'), TYPED('copy.csv')));
    // Without `null: NULL` row 4's name would be the text NULL; with it, a NULL.
    expect(rows).toEqual([
      ['1', '', 'false', '1.10', 'DECIMAL(18,2)'],
      ['2', null, 'true', '2.20', 'DECIMAL(18,2)'],
      ['3', 'x', 'false', null, 'DECIMAL(18,2)'],
      ['4', null, 'true', '0.30', 'DECIMAL(18,2)'],
    ]);
    expect(results.pairs[0]!.status).toBe('PASS');
  });

  test('against the same file read with detection, the empty string and the NULL text are real differences', async () => {
    const folder = exportFolder();
    const { results } = await run(load(folder, TYPED('export.csv'), `{ path: copy.csv, delimiter: ";" }`));
    const mismatches = results.pairs[0]!.checks.find((check) => check.check === 'value_mismatches')!;
    // Row 4: NULL vs the text 'NULL'; row 1 agrees because both read `""` as an empty string.
    expect(mismatches.measured).toBe(1);
    expect(results.pairs[0]!.samples.mismatches.map((sample) => sample.key)).toEqual([['4']]);
  });

  test.each([
    ['{ path: data.parquet, columns: { a: INTEGER } }', 'pairs[0].source.file.columns', '`columns` applies to CSV files only; this file is parquet'],
    ['{ path: export.csv, columns: { a: "INT); DROP TABLE x; --" } }', 'pairs[0].source.file.columns.a', 'a SQL type such as DECIMAL(18,2)'],
    ['{ path: export.csv, delimiter: ";;" }', 'pairs[0].source.file.delimiter', 'at most 1'],
    ['missing.csv', 'pairs[0].source.file', 'no file `'],
    ['{ path: nowhere/*.csv }', 'pairs[0].source.file.path', 'no folder `'],
  ])('%s is refused where it is written', (given, fieldPath, message) => {
    const folder = exportFolder();
    writeFileSync(path.join(folder, 'data.parquet'), '');
    const text = `version: 1\npairs:\n  - name: typed\n    source: { file: ${given} }\n    target: { file: export.csv }\n    primary_key: [id]\n`;
    const { errors } = loadConfigText(text, path.join(folder, 'typed.yml'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path: fieldPath, line: 4 });
    expect(errors[0]!.message).toContain(message);
  });

  test('warehouse paths (volumes, DBFS, object stores) are left to the warehouse', () => {
    const text = 'version: 1\npairs:\n  - name: v\n    source: { file: /Volumes/main/raw/exports/orders.parquet }\n    target: { file: "abfss://x@y.dfs.core.windows.net/orders/*.parquet" }\n    primary_key: [id]\n';
    const { file, errors } = loadConfigText(text, path.join(exportFolder(), 'v.yml'));
    expect(errors).toEqual([]);
    expect(file!.pairs[0]!.source).toMatchObject({ kind: 'file', path: '/Volumes/main/raw/exports/orders.parquet' });
    expect(file!.pairs[0]!.target).toMatchObject({ kind: 'file', path: 'abfss://x@y.dfs.core.windows.net/orders/*.parquet' });
  });
});

describe('the stated CSV options in each dialect', () => {
  const side = { kind: 'file' as const, path: '/data/export.csv', format: 'csv' as const, csv: { delimiter: ';', quote: "'", nullText: 'NULL', header: true, types: { amount: 'DECIMAL(18,2)', "it's": 'DATE' } } };

  test('DuckDB: read_csv with the stated types, the NULL texts and quoted NULLs off', async () => {
    expect(duckdbDialect.relation(side)).toBe(
      "read_csv('/data/export.csv', allow_quoted_nulls = false, header = true, delim = ';', quote = '''', nullstr = ['NULL', ''], types = {'amount': 'DECIMAL(18,2)', 'it''s': 'DATE'})",
    );
  });

  test('Databricks: read_files with schema hints (not run on the local Spark, which has no read_files)', async () => {
    const { databricksDialect } = await import('../../src/sql/dialects/databricks-dialect.js');
    expect(databricksDialect.relation(side)).toBe(
      "read_files('/data/export.csv', format => 'csv', header => true, sep => ';', quote => '\\'', nullValue => 'NULL', schemaHints => '`amount` DECIMAL(18,2), `it\\'s` DATE')",
    );
  });
});
