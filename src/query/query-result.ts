/**
 * What a statement returns, as both the SQL builders (which read results) and the engines (which
 * produce them) see it. It sits below both so neither imports the other.
 */

/** A column as the engine describes a result: its name and the engine's own type text. */
export interface EngineColumn {
  name: string;
  /** The engine's type name, e.g. `DECIMAL(18,2)`, `BIGINT`, `TIMESTAMP WITH TIME ZONE`. */
  type: string;
  /** Only when the engine reports it (DuckDB tables do; result metadata usually does not). */
  nullable?: boolean;
}

/**
 * Every cell arrives as exact text or NULL. Engines must never route BIGINT or DECIMAL values
 * through a JavaScript number: the SQL we send casts what we compare to text, and engines turn
 * any remaining numeric cell into its exact decimal text.
 */
export type Cell = string | null;

export interface QueryResult {
  columns: EngineColumn[];
  rows: Cell[][];
}
