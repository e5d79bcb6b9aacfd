import { describe, expect, test } from 'vitest';
import { databricksDialect } from '../../src/sql/dialects/databricks-dialect.js';
import { duckdbDialect } from '../../src/sql/dialects/duckdb-dialect.js';

describe('identifiers and literals, both dialects side by side', () => {
  test.each([
    ['plain', 'amount', '"amount"', '`amount`'],
    ['a reserved word', 'select', '"select"', '`select`'],
    ['an embedded double quote', 'we"ird', '"we""ird"', '`we"ird`'],
    ['an embedded backtick', 'back`tick', '"back`tick"', '`back``tick`'],
    ['a space and a dot', 'a b.c', '"a b.c"', '`a b.c`'],
    ['unicode', 'ünï', '"ünï"', '`ünï`'],
    ['an injection attempt', 'x" FROM t; DROP TABLE t; --', '"x"" FROM t; DROP TABLE t; --"', '`x" FROM t; DROP TABLE t; --`'],
  ])('%s is quoted', (_what, name, duck, spark) => {
    expect(duckdbDialect.quoteIdentifier(name)).toBe(duck);
    expect(databricksDialect.quoteIdentifier(name)).toBe(spark);
  });

  test('table names are quoted part by part', () => {
    expect(duckdbDialect.quoteTableName(['main', 'sales', 'or"ders'])).toBe('"main"."sales"."or""ders"');
    expect(databricksDialect.quoteTableName(['main', 'sales', 'or`ders'])).toBe('`main`.`sales`.`or``ders`');
  });

  test.each([
    ["it's", "'it''s'", "'it\\'s'"],
    ['back\\slash', "'back\\slash'", "'back\\\\slash'"],
    ["'; DROP TABLE t; --", "'''; DROP TABLE t; --'", "'\\'; DROP TABLE t; --'"],
  ])('string literal %s', (value, duck, spark) => {
    expect(duckdbDialect.stringLiteral(value)).toBe(duck);
    expect(databricksDialect.stringLiteral(value)).toBe(spark);
  });

  test('engine type names parse into the same logical types', () => {
    expect(duckdbDialect.parseType('DECIMAL(18,2)')).toEqual({ kind: 'decimal', precision: 18, scale: 2 });
    expect(databricksDialect.parseType('decimal(18,2)')).toEqual({ kind: 'decimal', precision: 18, scale: 2 });
    expect(duckdbDialect.parseType('TIMESTAMP WITH TIME ZONE')).toEqual({ kind: 'timestamp', withTimeZone: true });
    expect(databricksDialect.parseType('TIMESTAMP')).toEqual({ kind: 'timestamp', withTimeZone: true });
    expect(databricksDialect.parseType('TIMESTAMP_NTZ')).toEqual({ kind: 'timestamp', withTimeZone: false });
    expect(duckdbDialect.parseType('INTEGER[]')).toEqual({ kind: 'complex', text: 'INTEGER[]' });
    expect(databricksDialect.parseType('array<int>')).toEqual({ kind: 'complex', text: 'array<int>' });
    expect(databricksDialect.parseType('BIGINT')).toEqual({ kind: 'integer', bits: 64 });
  });
});
