/**
 * Turns the driver's JavaScript values into exact text cells, and refuses the values the driver
 * may already have rounded. On the Thrift column path (what OSS Spark and older warehouses send)
 * the driver hands BIGINT as a `number` (±Infinity from 2^53 up) and DECIMAL as `Number(text)`;
 * on the Arrow path (warehouses) `preserveBigNumericPrecision` gives `bigint` and exact strings.
 * The core's SQL casts what it compares to STRING, so a refusal here means that cast is missing.
 */
import { EngineError } from '../engine.js';
import { type Cell } from '../../query/query-result.js';
import {
  BIGINT_TYPE_ID,
  type DatabricksColumn,
  DATE_TYPE_ID,
  DECIMAL_TYPE_ID,
  DOUBLE_TYPE_ID,
  FLOAT_TYPE_ID,
  TIMESTAMP_TYPE_ID,
} from './column-types.js';

/** A double holds every decimal of up to 15 significant digits exactly enough to print it back. */
const EXACT_DECIMAL_DIGITS = 15;

function lostPrecision(column: DatabricksColumn, detail: string): EngineError {
  return new EngineError(
    'internal',
    `column "${column.name}" (${column.type}): ${detail}; the driver may have rounded it. ` +
      `Cast the column to STRING in the SQL (CAST(x AS STRING), or to_json(x) for ARRAY/MAP/STRUCT).`,
  );
}

function numberText(value: number): string {
  if (Object.is(value, -0)) return '-0';
  return String(value); // NaN, Infinity, -Infinity, and the shortest exact decimal otherwise
}

function numberCell(value: number, column: DatabricksColumn): string {
  switch (column.typeId) {
    case FLOAT_TYPE_ID:
    case DOUBLE_TYPE_ID:
      return numberText(value);
    case BIGINT_TYPE_ID:
      if (!Number.isSafeInteger(value)) throw lostPrecision(column, `value ${numberText(value)} is outside ±(2^53-1)`);
      return String(value);
    case DECIMAL_TYPE_ID: {
      const scale = column.scale ?? 0;
      if (Number.isFinite(value) && scale <= EXACT_DECIMAL_DIGITS && Math.abs(value) < 10 ** (EXACT_DECIMAL_DIGITS - scale)) {
        return value.toFixed(scale);
      }
      throw lostPrecision(column, `value ${numberText(value)} has more than ${EXACT_DECIMAL_DIGITS} significant digits`);
    }
    default:
      if (!Number.isFinite(value) || (Number.isInteger(value) && !Number.isSafeInteger(value))) {
        throw lostPrecision(column, `value ${numberText(value)} is not an exact integer`);
      }
      return String(value);
  }
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Arrow results only (not reachable on OSS Spark): DATE and TIMESTAMP arrive as `Date` in UTC. */
function dateCell(value: Date, column: DatabricksColumn): string {
  const day = `${pad(value.getUTCFullYear(), 4)}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  if (column.typeId === DATE_TYPE_ID) return day;
  if (column.typeId !== TIMESTAMP_TYPE_ID) return value.toISOString();
  const time = `${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`;
  // Spark prints a timestamp's fraction without trailing zeros and drops a zero fraction.
  const millis = value.getUTCMilliseconds();
  const fraction = millis === 0 ? '' : `.${pad(millis, 3)}`.replace(/0+$/, '');
  return `${day} ${time}${fraction}`;
}

function hexText(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex').toUpperCase();
}

function significantDigits(value: number): number {
  const mantissa = value.toExponential().split('e')[0] ?? '';
  return mantissa.replace(/[-.]/g, '').length;
}

/**
 * ARRAY, MAP and STRUCT arrive parsed by `JSON.parse`, which rounds big integers and long
 * decimals silently; refuse any number that may have been rounded, print the rest as JSON.
 */
function jsonText(value: unknown, column: DatabricksColumn): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || (Number.isInteger(value) && !Number.isSafeInteger(value))) {
      throw lostPrecision(column, `nested value ${numberText(value)} is not exact`);
    }
    if (!Number.isInteger(value) && significantDigits(value) > EXACT_DECIMAL_DIGITS) {
      throw lostPrecision(column, `nested value ${numberText(value)} has more than ${EXACT_DECIMAL_DIGITS} significant digits`);
    }
    return String(value);
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value instanceof Uint8Array) return JSON.stringify(hexText(value));
  if (Array.isArray(value)) return `[${value.map((item) => jsonText(item, column)).join(',')}]`;
  if (value instanceof Map) {
    return `{${[...value.entries()].map(([k, v]) => `${JSON.stringify(String(k))}:${jsonText(v, column)}`).join(',')}}`;
  }
  if (typeof value === 'object') {
    return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v, column)}`).join(',')}}`;
  }
  throw new EngineError('internal', `column "${column.name}" (${column.type}): unexpected ${typeof value} value from the driver`);
}

export function toCell(value: unknown, column: DatabricksColumn): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return numberCell(value, column);
  if (value instanceof Date) return dateCell(value, column);
  if (value instanceof Uint8Array) return hexText(value);
  return jsonText(value, column);
}

/**
 * The driver gives each row as an object keyed by column name, so a result whose names repeat has
 * already lost columns: refuse it instead of returning the wrong cells.
 */
export function assertDistinctColumnNames(columns: DatabricksColumn[]): void {
  const seen = new Set<string>();
  for (const column of columns) {
    if (seen.has(column.name)) {
      throw new EngineError(
        'internal',
        `the result has two columns named "${column.name}"; the Databricks driver keeps only one of them. Give every column a distinct alias.`,
      );
    }
    seen.add(column.name);
  }
}

export function toRows(rowObjects: object[], columns: DatabricksColumn[]): Cell[][] {
  return rowObjects.map((row) => {
    const record = row as Record<string, unknown>;
    return columns.map((column) => toCell(record[column.name], column));
  });
}
