/**
 * How Spark SQL's parser (Databricks SQL and open-source Spark) reads an identifier and a string
 * literal. The Databricks dialect builds its statements with these, and the engine the
 * statements each session starts with.
 */

export function quoteDatabricksIdentifier(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

// Spark reads backslash escapes in string literals, and `'a''b'` is two adjacent literals
// (`ab`), not an escaped quote: escape both the backslash and the quote with a backslash.
export function databricksStringLiteral(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}
