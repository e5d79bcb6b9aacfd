import { describe, expect, it } from 'vitest';
import { toCell } from '../../src/engines/databricks/cell-conversion.js';
import type { DatabricksColumn } from '../../src/engines/databricks/column-types.js';
import { columnsFromSchema } from '../../src/engines/databricks/column-types.js';

const column = (type: string, typeId: number, extra: Partial<DatabricksColumn> = {}): DatabricksColumn => ({
  name: 'c',
  type,
  typeId,
  ...extra,
});
const BIGINT = column('BIGINT', 4);
const DOUBLE = column('DOUBLE', 6);
const DECIMAL_38_10 = column('DECIMAL(38,10)', 15, { precision: 38, scale: 10 });
const DATE = column('DATE', 17);
const TIMESTAMP = column('TIMESTAMP', 8);
const ARRAY = column('ARRAY', 10);

describe('Databricks cell conversion', () => {
  it('keeps text, NULL and booleans exact', () => {
    expect(toCell('  ☃ ', column('STRING', 7))).toBe('  ☃ ');
    expect(toCell(null, BIGINT)).toBeNull();
    expect(toCell(false, column('BOOLEAN', 0))).toBe('false');
  });

  it('prints integers below 2^53 and refuses the ones the driver could not hold', () => {
    expect(toCell(-9007199254740991, BIGINT)).toBe('-9007199254740991');
    expect(toCell(9223372036854775807n, BIGINT)).toBe('9223372036854775807');
    expect(() => toCell(Infinity, BIGINT)).toThrow(expect.objectContaining({ kind: 'internal' }));
    expect(() => toCell(9007199254740992, BIGINT)).toThrow(/CAST\(x AS STRING\)/);
  });

  it('prints a DECIMAL number with its scale only while a double holds every digit', () => {
    expect(toCell(1.5, DECIMAL_38_10)).toBe('1.5000000000');
    expect(toCell(-12345.0000000001, DECIMAL_38_10)).toBe('-12345.0000000001');
    expect(() => toCell(123456.1, DECIMAL_38_10)).toThrow(/more than 15 significant digits/);
    expect(toCell('12345678901234567890.1234567891', DECIMAL_38_10)).toBe('12345678901234567890.1234567891');
  });

  it('prints doubles as their shortest exact text, keeping the sign of zero and non-finite values', () => {
    expect(toCell(0.1, DOUBLE)).toBe('0.1');
    expect(toCell(-0, DOUBLE)).toBe('-0');
    expect(toCell(NaN, DOUBLE)).toBe('NaN');
    expect(toCell(-Infinity, DOUBLE)).toBe('-Infinity');
    expect(toCell(1e20, DOUBLE)).toBe('100000000000000000000');
  });

  it('prints binary as upper-case hex, like Spark and DuckDB hex()', () => {
    expect(toCell(Buffer.from([1, 255]), column('BINARY', 9))).toBe('01FF');
  });

  it('prints Arrow Date values as Spark prints DATE and TIMESTAMP in UTC', () => {
    expect(toCell(new Date(Date.UTC(2024, 1, 29)), DATE)).toBe('2024-02-29');
    expect(toCell(new Date(Date.UTC(2000, 0, 1, 12, 0, 0, 500)), TIMESTAMP)).toBe('2000-01-01 12:00:00.5');
    expect(toCell(new Date(Date.UTC(1970, 0, 1)), TIMESTAMP)).toBe('1970-01-01 00:00:00');
  });

  it('prints complex values as JSON and refuses numbers JSON.parse may have rounded', () => {
    expect(toCell([1, 'a', null, { x: 0.5 }], ARRAY)).toBe('[1,"a",null,{"x":0.5}]');
    expect(() => toCell([9007199254740992], ARRAY)).toThrow(/to_json/);
    expect(() => toCell({ d: 123456789.12345679 }, column('STRUCT', 12))).toThrow(/significant digits/);
  });

  it('names column types from the Thrift schema, with DECIMAL precision and scale', () => {
    const entry = (type: number, qualifiers: Record<string, { i32Value: number }> = {}) => ({
      types: [{ primitiveEntry: { type, typeQualifiers: { qualifiers } } }],
    });
    const schema = {
      columns: [
        { columnName: 'b', position: 2, typeDesc: entry(15, { precision: { i32Value: 12 }, scale: { i32Value: 4 } }) },
        { columnName: 'a', position: 1, typeDesc: entry(4) },
        { columnName: 'v', position: 3, typeDesc: entry(18, { characterMaximumLength: { i32Value: 10 } }) },
      ],
    };
    expect(columnsFromSchema(schema as never).map(({ name, type }) => `${name} ${type}`)).toEqual([
      'a BIGINT',
      'b DECIMAL(12,4)',
      'v VARCHAR(10)',
    ]);
  });
});
