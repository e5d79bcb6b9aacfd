/**
 * Engine-neutral column types. Each dialect parses its engine's type names into these, and
 * renders them back; the planner only reasons about these.
 */
export type LogicalType =
  | { kind: 'integer'; bits: 8 | 16 | 32 | 64 | 128 }
  | { kind: 'decimal'; precision: number; scale: number }
  | { kind: 'float'; bits: 32 | 64 }
  | { kind: 'string' }
  | { kind: 'boolean' }
  | { kind: 'date' }
  | { kind: 'timestamp'; withTimeZone: boolean }
  | { kind: 'time' }
  | { kind: 'binary' }
  | { kind: 'interval' }
  | { kind: 'complex'; text: string }
  | { kind: 'unknown'; text: string };

export const STRING: LogicalType = { kind: 'string' };

export function isNumeric(type: LogicalType): boolean {
  return type.kind === 'integer' || type.kind === 'decimal' || type.kind === 'float';
}

/** Decimal digits needed to hold any value of an integer type. */
export function integerDigits(bits: number): number {
  return bits === 8 ? 3 : bits === 16 ? 5 : bits === 32 ? 10 : bits === 64 ? 19 : 39;
}

export function sameType(a: LogicalType, b: LogicalType): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function describeType(type: LogicalType): string {
  switch (type.kind) {
    case 'integer':
      return `integer(${type.bits})`;
    case 'decimal':
      return `decimal(${type.precision},${type.scale})`;
    case 'float':
      return type.bits === 32 ? 'float' : 'double';
    case 'timestamp':
      return type.withTimeZone ? 'timestamp with time zone' : 'timestamp';
    case 'complex':
    case 'unknown':
      return type.text;
    default:
      return type.kind;
  }
}
