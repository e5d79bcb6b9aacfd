import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DuckdbEngine } from '../../src/engines/duckdb/duckdb-engine.js';
import { EngineError } from '../../src/engines/engine.js';
import { accessForSources } from '../../src/engines/duckdb/file-access.js';
import { duckdbDialect } from '../../src/sql/dialects/duckdb-dialect.js';

/** What the locked-down DuckDB (1.5) refuses, statement by statement, and what it still reads. */
const folder = mkdtempSync(path.join(tmpdir(), 'recon-lockdown-'));
const allowed = path.join(folder, 'allowed.csv');
const globbed = path.join(folder, 'parts');
const outside = mkdtempSync(path.join(tmpdir(), 'recon-lockdown-outside-'));
const secret = path.join(outside, 'secret.csv');
let engine: DuckdbEngine;

async function refusal(sql: string): Promise<EngineError> {
  try {
    await engine.query(sql);
  } catch (error) {
    expect(error).toBeInstanceOf(EngineError);
    return error as EngineError;
  }
  throw new Error(`expected ${sql} to be refused`);
}

beforeAll(async () => {
  writeFileSync(allowed, 'id\n1\n');
  writeFileSync(secret, 'token\nsecret\n');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(globbed);
  writeFileSync(path.join(globbed, 'a.csv'), 'id\n2\n');
  engine = await DuckdbEngine.open({ access: accessForSources([allowed, path.join(globbed, '*.csv')]) });
});
afterAll(() => engine.close());

describe('the locked-down DuckDB engine', () => {
  test('reads the configured sources, a file and a glob', async () => {
    expect((await engine.query(`SELECT id FROM read_csv('${allowed}')`)).rows).toEqual([['1']]);
    expect((await engine.query(`SELECT id FROM read_csv('${path.join(globbed, '*.csv')}')`)).rows).toEqual([['2']]);
  });

  test.each([
    ['read_text', `SELECT content FROM read_text('${secret}')`],
    ['read_csv', `SELECT * FROM read_csv('${secret}')`],
    ['a string as a table', `SELECT * FROM '${secret}'`],
    ['path traversal from an allowed folder', `SELECT * FROM read_csv('${globbed}/../../${path.basename(outside)}/secret.csv')`],
    ['a folder next to an allowed one', `SELECT * FROM read_csv('${globbed}-x/a.csv')`],
    ['COPY … TO', `COPY (SELECT 42) TO '${path.join(outside, 'out.csv')}'`],
    ['ATTACH', `ATTACH '${path.join(outside, 'other.duckdb')}' AS other`],
    ['INSTALL', 'INSTALL httpfs'],
    ['LOAD', 'LOAD httpfs'],
    ['turning access back on', 'SET enable_external_access = true'],
    ['widening the allowed folders', "SET allowed_directories = ['/']"],
    ['turning extension autoloading back on', 'SET autoload_known_extensions = true'],
  ])('refuses %s', async (_what, sql) => {
    const error = await refusal(sql);
    expect(error.kind).toBe('refused');
    expect(existsSync(path.join(outside, 'out.csv'))).toBe(false);
    expect(existsSync(path.join(outside, 'other.duckdb'))).toBe(false);
  });

  test('runs one statement per execution: a text with two is refused and neither runs', async () => {
    const error = await refusal('CREATE TABLE made_by_attack AS SELECT 1 AS a; SELECT 2');
    expect(error).toMatchObject({ kind: 'refused', message: 'the statement text holds 2 statements and was not run: Recon Gate runs exactly one per execution' });
    await expect(engine.query('SELECT * FROM made_by_attack')).rejects.toMatchObject({ kind: 'not_found' });
  });

  test('a side that is not one SELECT is refused by DuckDB’s parser before it is described', async () => {
    // As a pair's schema read runs it: the engine's check of the side, then the describe statement.
    const describe = async (side: string) => {
      await engine.refuseUnlessOneSelect(side);
      return duckdbDialect.describedColumns(await engine.query(duckdbDialect.describeStatement(side)));
    };
    await expect(describe('SELECT 1 AS a) AS x; SELECT * FROM (SELECT 2')).rejects.toMatchObject({ kind: 'refused' });
    await expect(engine.refuseUnlessOneSelect('SELECT 1 AS a UNION ALL SELECT 2; DELETE FROM t')).rejects.toMatchObject({ kind: 'refused' });
    expect(await describe('SELECT 1 AS a')).toEqual([{ name: 'a', type: 'INTEGER' }]);
  });

  test('fixtures and the bench may open it unrestricted, runs never do', async () => {
    const open = await DuckdbEngine.open({ access: 'unrestricted' });
    try {
      expect((await open.query(`SELECT token FROM read_csv('${secret}')`)).rows).toEqual([['secret']]);
    } finally {
      await open.close();
    }
  });
});
