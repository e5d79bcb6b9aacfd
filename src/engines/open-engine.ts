import type { ReconConfig } from '../config/recon-config.js';
import type { Engine, EngineName } from './engine.js';

export interface OpenEngineOptions {
  engine: EngineName;
  config: ReconConfig;
  /** Databricks connection settings; environment variables fill what is not given. */
  databricks?: Record<string, string | undefined>;
  /** DuckDB's memory_limit (see DuckdbEngineOptions). */
  duckdbMemoryLimit?: string;
}

/** Opens the chosen engine. Each engine is loaded only when chosen: DuckDB is a native module. */
export async function openEngine(options: OpenEngineOptions): Promise<Engine> {
  if (options.engine === 'duckdb') {
    const { DuckdbEngine } = await import('./duckdb/duckdb-engine.js');
    const { accessForSources } = await import('./duckdb/file-access.js');
    const mounts = [...new Set(options.config.files.map((file) => file.duckdbMount).filter((mount): mount is string => Boolean(mount)))];
    const sources = options.config.files.flatMap((file) => file.pairs.flatMap((pair) => [pair.source, pair.target]));
    const files = sources.flatMap((side) => (side.kind === 'file' ? [side.path] : []));
    return DuckdbEngine.open({ mounts, memoryLimit: options.duckdbMemoryLimit, access: accessForSources(files) });
  }
  const { openDatabricksEngine } = await import('./databricks/open-databricks-engine.js');
  return openDatabricksEngine(options.databricks ?? {});
}
