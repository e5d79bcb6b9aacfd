/**
 * Raw SQL a PR author could put in a config to escape the one read-only statement it is wrapped
 * in. `@OUT@` is a file that must never be written, `@SECRET@` a file outside every configured
 * source whose content must never reach a result, `@TABLE@` the pair's own source table.
 * `guard` says what the config loader does with it: most are refused with a message naming the
 * field; a few pass the lexical guard on purpose (they are plain SQL to a lexer) and must be
 * stopped by the engine itself.
 */
export interface AdversarialCase {
  name: string;
  field: 'filter' | 'query';
  sql: string;
  guard: 'refused' | 'passes';
  /** Which engines the case is meant for (both unless said). */
  engines?: ('duckdb' | 'databricks')[];
  /**
   * Past the guard, the engine runs it as ordinary SQL without harm (a comment), or, on Spark,
   * only the guard and the principal's rights stop it (open-source Spark allows `reflect`;
   * Databricks SQL warehouses and Unity Catalog do not).
   */
  engineRuns?: ('duckdb' | 'databricks')[];
}

export const ADVERSARIAL_CORPUS: AdversarialCase[] = [
  {
    name: "DuckDB reads '\\' as a whole string: the rest closes the wrapper and COPYs (issue 19, first escape)",
    field: 'filter',
    sql: "name = '\\' OR true)) AS x; COPY (SELECT 42 AS v) TO $$@OUT@$$; SELECT * FROM (SELECT 1 AS z WHERE ($$'$$ <> $$x$$",
    guard: 'refused',
  },
  {
    name: 'a query that reads any file into a compared column (issue 19, second escape)',
    field: 'query',
    sql: "SELECT id, (SELECT content FROM read_text('@SECRET@')) AS name FROM @TABLE@",
    guard: 'refused',
  },
  { name: 'a stacked statement after closing the parentheses', field: 'filter', sql: "1=1); COPY (SELECT 1) TO '@OUT@'; SELECT (1", guard: 'refused' },
  { name: 'a $tag$ string hiding a quote', field: 'filter', sql: "name = $q$'$q$ OR 1=1); COPY (SELECT 1) TO '@OUT@' --", guard: 'refused' },
  { name: "an E'…' string with a backslash-escaped quote", field: 'filter', sql: "name = E'it\\'s' OR 1=1); COPY (SELECT 1) TO '@OUT@'; SELECT (1", guard: 'refused' },
  { name: 'Spark reads $$ as symbols: what DuckDB sees as a string is live SQL there', field: 'filter', sql: "name = $$x$$ OR 1=1); DROP TABLE recon_canary; SELECT ($$y$$", guard: 'refused' },
  { name: 'a line comment hiding the closing parenthesis', field: 'filter', sql: "1=1 -- )\n); COPY (SELECT 1) TO '@OUT@'; SELECT (1", guard: 'refused' },
  { name: 'a nested block comment around a stacked statement (a comment to both engines)', field: 'filter', sql: "1=1 /* /* */ ; COPY (SELECT 1) TO '@OUT@'; */", guard: 'passes', engineRuns: ['duckdb', 'databricks'] },
  { name: 'COPY inside a filter', field: 'filter', sql: "id IN (SELECT 1 FROM (COPY (SELECT 1) TO '@OUT@'))", guard: 'refused' },
  { name: 'read_csv of a file outside the sources', field: 'filter', sql: "name IN (SELECT column0 FROM read_csv('@SECRET@', header = false))", guard: 'refused' },
  { name: 'a string as a table (DuckDB replacement scan) reading a file', field: 'query', sql: "SELECT id, (SELECT max(column0) FROM '@SECRET@') AS name FROM @TABLE@", guard: 'passes', engines: ['duckdb'] },
  { name: 'glob() listing folders', field: 'filter', sql: "name IN (SELECT file FROM glob('/*'))", guard: 'refused' },
  { name: 'dynamic SQL through query()', field: 'query', sql: "SELECT * FROM query('COPY (SELECT 1) TO ''@OUT@''')", guard: 'refused' },
  { name: 'a setting changed from a filter', field: 'filter', sql: 'SET enable_external_access = true', guard: 'refused' },
  { name: 'INSTALL of an extension', field: 'query', sql: 'INSTALL httpfs', guard: 'refused' },
  { name: 'LOAD of an extension inside a query', field: 'query', sql: 'SELECT 1 AS id; LOAD httpfs', guard: 'refused' },
  { name: 'ATTACH of another database', field: 'query', sql: "ATTACH '@OUT@' AS other", guard: 'refused' },
  { name: 'Spark reflect() calling into the JVM', field: 'filter', sql: "name = reflect('java.lang.System', 'getenv', 'HOME')", guard: 'refused', engineRuns: ['databricks'] },
  { name: 'Spark reading a path as a table', field: 'query', sql: 'SELECT * FROM parquet.`/etc`', guard: 'refused' },
  { name: 'a backslash Spark reads as an escape: one string there, live SQL on DuckDB', field: 'filter', sql: "name = 'x\\'; DROP TABLE recon_canary; SELECT '", guard: 'refused', engineRuns: ['databricks'] },
  { name: 'an r-string (raw) hiding a quote', field: 'filter', sql: "name = r'x\\' OR 1=1); DROP TABLE recon_canary; SELECT ('", guard: 'refused' },
];

/** A filter that only looks unusual: a plain subquery must keep working on every engine. */
export const PLAIN_SUBQUERY_FILTER = 'id IN (SELECT id FROM @TABLE@ WHERE id <= 3)';
