import { describe, expect, test } from 'vitest';
import { refuseUnsafeSql, sqlWords } from '../../src/config/sql-guard.js';

describe('the lexical guard reads quotes as each engine does', () => {
  test.each([
    ["'a\\' ; x", 'duckdb', ['x']],
    ["'a\\' ; x'", 'databricks', []],
    ["$$ ; x $$ y", 'duckdb', ['y']],
    ["$t$ ' $t$ y", 'duckdb', ['y']],
    ["E'\\'' y", 'duckdb', ['y']],
    ['`a;b` y', 'databricks', ['y']],
    ["r'\\' y", 'databricks', ['y']],
    ['/* a /* b */ c */ y', 'duckdb', ['y']],
    ['/* a /* b */ c */ y', 'databricks', ['y']],
  ] as const)('%s as %s', (sql, lexicon, words) => {
    expect(sqlWords(sql, lexicon).words.map((word) => word.text)).toEqual(words);
  });

  test('a fragment must be safe under both engines, and the message says which reading refused it', () => {
    expect(refuseUnsafeSql("name = 'x\\' OR 1=1 --'", 'filter')).toBeUndefined();
    expect(refuseUnsafeSql("name = 'x\\'; DROP TABLE t; SELECT '", 'filter')).toBe("read as DuckDB SQL, a ' quote is never closed");
    expect(refuseUnsafeSql('name = $$a; b$$', 'filter')).toBe('read as Databricks (Spark SQL) SQL, it contains a second statement (`;`); give one statement only');
    expect(refuseUnsafeSql("name = 'it''s'", 'filter')).toBeUndefined();
  });

  test.each([
    ["SELECT * FROM read_text('/etc/passwd')", 'query', 'it calls `read_text`'],
    ["x IN (SELECT file FROM glob('/*'))", 'filter', 'it calls `glob`'],
    ["x = reflect('java.lang.System', 'getenv', 'HOME')", 'filter', 'it calls `reflect`'],
    ['SELECT * FROM parquet.`/data`', 'query', 'it reads a path'],
  ] as const)('refuses functions that read files or run text: %s', (sql, role, message) => {
    expect(refuseUnsafeSql(sql, role)).toContain(message);
  });

  test('a column named like a function, and a real function of the same spelling elsewhere, are fine', () => {
    expect(refuseUnsafeSql('query = 1 AND glob_pattern IS NULL', 'filter')).toBeUndefined();
    expect(refuseUnsafeSql("SELECT id, query FROM t AS t WHERE t.`x` = 1", 'query')).toBeUndefined();
  });
});
