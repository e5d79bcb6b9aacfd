import { parseTableName } from '../../config/table-name.js';
import { databricksDialect } from '../../sql/dialects/databricks-dialect.js';
import type { Backend, BackendSetting, OpenRequest } from '../backend.js';
import { isDuckdbFile } from '../duckdb/duckdb-backend.js';
import { databricksInputsFromSettings } from './databricks-settings.js';

/** The Action's databricks-* inputs; DATABRICKS_* variables fill what is not given. */
export const DATABRICKS_SETTINGS: readonly BackendSetting[] = [
  { key: 'host', input: 'databricks-host' },
  { key: 'httpPath', input: 'databricks-http-path' },
  { key: 'token', input: 'databricks-token', secret: true },
  { key: 'clientId', input: 'databricks-client-id' },
  { key: 'clientSecret', input: 'databricks-client-secret', secret: true },
  { key: 'catalog', input: 'databricks-catalog' },
  { key: 'schema', input: 'databricks-schema' },
];

const given = (value: string | undefined) => value !== undefined && value.trim() !== '';

/** A SQL warehouse (or a Spark Thrift Server) through the @databricks/sql driver. */
export const databricksBackend: Backend = {
  name: 'databricks',
  label: 'Databricks',
  dialect: databricksDialect,
  settings: DATABRICKS_SETTINGS,
  hasCredentials: (settings, env) => given(settings.token) || given(settings.clientSecret) || given(env.DATABRICKS_TOKEN) || given(env.DATABRICKS_CLIENT_SECRET),
  historyTarget(value) {
    const given = value.trim();
    if (isDuckdbFile(given)) return { error: `a DuckDB file (\`${given}\`) is for engine duckdb; on Databricks results-table names a table, e.g. main.recon.results` };
    const parsed = parseTableName(given);
    if ('error' in parsed) return { error: `results-table: ${parsed.error}` };
    return { kind: 'table', parts: parsed.parts };
  },
  async open({ settings, env }: OpenRequest) {
    const { DatabricksEngine } = await import('../../engines/databricks/databricks-engine.js');
    return DatabricksEngine.connect(databricksInputsFromSettings(settings), env);
  },
};
