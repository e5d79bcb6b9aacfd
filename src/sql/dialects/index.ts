import type { Dialect } from '../dialect.js';
import { databricksDialect } from './databricks-dialect.js';
import { duckdbDialect } from './duckdb-dialect.js';

export function dialectFor(name: 'duckdb' | 'databricks'): Dialect {
  return name === 'duckdb' ? duckdbDialect : databricksDialect;
}
