/**
 * Result column metadata from the Thrift schema (`op.getSchema()`), named the way Spark SQL names
 * types. The Thrift type id is all the server sends: Spark's Thrift server fills only the primitive
 * entry, so complex types come out as bare `ARRAY`, `MAP`, `STRUCT`, and TIMESTAMP_NTZ as TIMESTAMP.
 */
import type { EngineColumn } from '../../query/query-result.js';
import type { DriverColumnDesc, DriverTableSchema } from './driver-types.js';

/** TTypeId values from the Hive/Databricks TCLIService IDL. */
const sparkTypeNames: Record<number, string> = {
  0: 'BOOLEAN',
  1: 'TINYINT',
  2: 'SMALLINT',
  3: 'INT',
  4: 'BIGINT',
  5: 'FLOAT',
  6: 'DOUBLE',
  7: 'STRING',
  8: 'TIMESTAMP',
  9: 'BINARY',
  10: 'ARRAY',
  11: 'MAP',
  12: 'STRUCT',
  13: 'UNIONTYPE',
  14: 'USER_DEFINED',
  15: 'DECIMAL',
  16: 'VOID',
  17: 'DATE',
  18: 'VARCHAR',
  19: 'CHAR',
  20: 'INTERVAL YEAR TO MONTH',
  21: 'INTERVAL DAY TO SECOND',
};

export const BIGINT_TYPE_ID = 4;
export const FLOAT_TYPE_ID = 5;
export const DOUBLE_TYPE_ID = 6;
export const TIMESTAMP_TYPE_ID = 8;
export const DECIMAL_TYPE_ID = 15;
export const DATE_TYPE_ID = 17;

/** An engine column plus what cell conversion needs to judge a value. */
export interface DatabricksColumn extends EngineColumn {
  typeId: number | undefined;
  precision?: number;
  scale?: number;
}

function qualifier(column: DriverColumnDesc, name: string): number | undefined {
  return column.typeDesc.types[0]?.primitiveEntry?.typeQualifiers?.qualifiers?.[name]?.i32Value ?? undefined;
}

function describeColumn(column: DriverColumnDesc): DatabricksColumn {
  const typeId = column.typeDesc.types[0]?.primitiveEntry?.type;
  const baseName = typeId === undefined ? 'UNKNOWN' : (sparkTypeNames[typeId] ?? `TYPE_${typeId}`);
  if (typeId === DECIMAL_TYPE_ID) {
    const precision = qualifier(column, 'precision');
    const scale = qualifier(column, 'scale');
    if (precision !== undefined && scale !== undefined) {
      return { name: column.columnName, type: `DECIMAL(${precision},${scale})`, typeId, precision, scale };
    }
  }
  const length = qualifier(column, 'characterMaximumLength');
  const type = length !== undefined && (baseName === 'VARCHAR' || baseName === 'CHAR') ? `${baseName}(${length})` : baseName;
  return { name: column.columnName, type, typeId };
}

/** Columns in result order (the driver sorts by `position` the same way when it builds rows). */
export function columnsFromSchema(schema: DriverTableSchema | null): DatabricksColumn[] {
  if (!schema) return [];
  return [...schema.columns].sort((a, b) => a.position - b.position).map(describeColumn);
}

export function asEngineColumns(columns: DatabricksColumn[]): EngineColumn[] {
  return columns.map(({ name, type }) => ({ name, type }));
}
