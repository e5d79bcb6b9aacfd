import type { Cell, QueryResult } from '../query/query-result.js';

/** Reads any row of a statement's result by column alias (statements with many rows). */
export function cellsByAlias(result: QueryResult, statement: string): (row: ReadonlyArray<Cell>, alias: string) => Cell {
  const positions = new Map(result.columns.map((column, position) => [column.name.toLowerCase(), position]));
  return (row, alias) => {
    const position = positions.get(alias.toLowerCase());
    if (position === undefined) throw new Error(`the ${statement} returned no column ${alias}`);
    return row[position] ?? null;
  };
}

/** Reads a statement's single result row by column alias (NULL for every column when it has no row). */
export function rowByAlias(result: QueryResult, index = 0): (alias: string) => Cell {
  const at = cellsByAlias(result, 'statement');
  const row = result.rows[index] ?? [];
  return (alias) => at(row, alias);
}

/** A count from the engine; counts stay far below 2^53, so a number is exact. */
export function toCount(cell: Cell): number {
  if (cell === null || cell === '') return 0;
  const value = Number(cell);
  if (!Number.isSafeInteger(value)) throw new Error(`expected a count, got ${cell}`);
  return value;
}
