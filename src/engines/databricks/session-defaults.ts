/**
 * What every session of the engine starts with. `openSession({ initialCatalog, initialSchema })`
 * sets the namespace on a warehouse, but OSS Spark ignores those fields, so the engine also runs
 * these statements when it opens a session:
 * - `SET TIME ZONE 'UTC'`: TIMESTAMP values print in the session time zone, and the dialect's
 *   canonical text assumes UTC on both engines.
 * - `SET CATALOG`, not `USE CATALOG`: both work on Databricks, only `SET CATALOG` parses on OSS Spark.
 */
import { quoteDatabricksIdentifier } from '../../query/databricks-quoting.js';

export interface SessionNamespace {
  catalog?: string;
  schema?: string;
}

export function sessionStartStatements({ catalog, schema }: SessionNamespace): string[] {
  const quote = quoteDatabricksIdentifier;
  const statements = ["SET TIME ZONE 'UTC'"];
  if (catalog !== undefined) statements.push(`SET CATALOG ${quote(catalog)}`);
  if (schema !== undefined) statements.push(`USE SCHEMA ${quote(schema)}`);
  return statements;
}
