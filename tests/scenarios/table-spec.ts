import type { LogicalType } from '../../src/plan/logical-type.js';
import type { Dialect } from '../../src/sql/dialect.js';

/** A fixture table both engines can create: typed columns, values as text (null = NULL). */
export interface TableSpec {
  columns: Array<{ name: string; type: LogicalType }>;
  rows: Array<Array<string | null>>;
}

export const INT: LogicalType = { kind: 'integer', bits: 32 };
export const BIGINT: LogicalType = { kind: 'integer', bits: 64 };
export const DOUBLE: LogicalType = { kind: 'float', bits: 64 };
export const TEXT: LogicalType = { kind: 'string' };
export const BOOL: LogicalType = { kind: 'boolean' };
export const DATE: LogicalType = { kind: 'date' };
export const decimal = (precision: number, scale: number): LogicalType => ({ kind: 'decimal', precision, scale });
export const timestamp = (withTimeZone: boolean): LogicalType => ({ kind: 'timestamp', withTimeZone });

/**
 * CREATE + INSERT statements for a spec. Every value is written as CAST('<text>' AS <type>),
 * which both DuckDB and Spark read the same way (NaN, Infinity, timestamps, decimals), so a
 * scenario means the same data on both engines. `tableSuffix` adds engine-specific options
 * (Delta and column mapping on Spark).
 */
export function createTableStatements(dialect: Dialect, tableName: string[], spec: TableSpec, tableSuffix = ''): string[] {
  const table = dialect.quoteTableName(tableName);
  const columns = spec.columns.map((column) => `${dialect.quoteIdentifier(column.name)} ${dialect.renderType(column.type)}`).join(', ');
  const statements = [`CREATE TABLE ${table} (${columns})${tableSuffix}`];
  if (spec.rows.length > 0) {
    const values = spec.rows.map(
      (row) => `(${row.map((value, i) => (value === null ? dialect.nullOf(spec.columns[i]!.type) : `CAST(${dialect.stringLiteral(value)} AS ${dialect.renderType(spec.columns[i]!.type)})`)).join(', ')})`,
    );
    statements.push(`INSERT INTO ${table} VALUES ${values.join(', ')}`);
  }
  return statements;
}
