import path from 'node:path';
import { isMemorySize } from '../../engines/duckdb/memory-limit.js';
import { duckdbDialect } from '../../sql/dialects/duckdb-dialect.js';
import type { Backend, OpenRequest } from '../backend.js';

const DATABASE_FILE = /\.(duckdb|ddb|db)$/i;

/** The table inside a DuckDB history file. */
export const DUCKDB_HISTORY_TABLE = ['recon_results'];

/** The embedded engine: in this process, in memory, locked down to the configured files. */
export const duckdbBackend: Backend = {
  name: 'duckdb',
  label: 'DuckDB',
  dialect: duckdbDialect,
  settings: [
    {
      key: 'memoryLimit',
      input: 'duckdb-memory-limit',
      flag: true,
      check: (value) => (isMemorySize(value) ? undefined : `must be a size such as 2GB or 512MiB, not "${value}"`),
    },
  ],
  // Nothing to authenticate: the engine runs in this process.
  hasCredentials: () => true,
  historyTarget(value) {
    const given = value.trim();
    if (!DATABASE_FILE.test(given)) return { error: `with the embedded DuckDB engine, results-table names a DuckDB database file (e.g. recon-history.duckdb), not \`${given}\`: the engine's own database lives in memory` };
    return { kind: 'database-file', engine: 'duckdb', file: path.resolve(given), parts: DUCKDB_HISTORY_TABLE };
  },
  // Loaded only when chosen: DuckDB is a native module.
  async open({ config, settings }: OpenRequest) {
    const { DuckdbEngine } = await import('../../engines/duckdb/duckdb-engine.js');
    const { accessForSources } = await import('../../engines/duckdb/file-access.js');
    const mounts = [...new Set(config.files.map((file) => file.duckdbMount).filter((mount): mount is string => Boolean(mount)))];
    const sources = config.files.flatMap((file) => file.pairs.flatMap((pair) => [pair.source, pair.target]));
    const files = sources.flatMap((side) => (side.kind === 'file' ? [side.path] : []));
    return DuckdbEngine.open({ mounts, memoryLimit: settings.memoryLimit || undefined, access: accessForSources(files) });
  },
  // Not the run's engine: that one is in memory and locked down.
  async openDatabaseFile(file) {
    const { DuckdbEngine } = await import('../../engines/duckdb/duckdb-engine.js');
    return DuckdbEngine.open({ database: file });
  },
};

export function isDuckdbFile(value: string): boolean {
  return DATABASE_FILE.test(value.trim());
}
