/**
 * How DuckDB's parser reads an identifier and a string literal. The DuckDB dialect builds its
 * statements with these, and the engine its own session statements (views, lockdown).
 */

export function quoteDuckdbIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function duckdbStringLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
