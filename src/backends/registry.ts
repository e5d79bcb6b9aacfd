/** Every backend, by engine name: adding an engine adds its folder here and nowhere else. */
import type { ReconConfig } from '../config/recon-config.js';
import type { Engine } from '../engines/engine.js';
import type { EngineName } from '../query/engine-name.js';
import type { Dialect } from '../sql/dialect.js';
import type { Backend, OpenRequest } from './backend.js';
import { databricksBackend } from './databricks/databricks-backend.js';
import { duckdbBackend } from './duckdb/duckdb-backend.js';

export const BACKENDS: Readonly<Record<EngineName, Backend>> = {
  duckdb: duckdbBackend,
  databricks: databricksBackend,
};

export function backendFor(name: EngineName): Backend {
  return BACKENDS[name];
}

export function dialectFor(name: EngineName): Dialect {
  return BACKENDS[name].dialect;
}

/** Every backend's settings, for reading Action inputs and CLI flags. */
export function allBackendSettings(): Array<Backend['settings'][number] & { engine: EngineName }> {
  return Object.values(BACKENDS).flatMap((backend) => backend.settings.map((setting) => ({ ...setting, engine: backend.name })));
}

export interface OpenEngineRequest extends Partial<Omit<OpenRequest, 'config'>> {
  engine: EngineName;
  config: ReconConfig;
}

/** Opens the chosen engine with its settings; the environment fills what is not given. */
export function openEngine({ engine, config, settings = {}, env = process.env }: OpenEngineRequest): Promise<Engine> {
  return BACKENDS[engine].open({ config, settings, env });
}
