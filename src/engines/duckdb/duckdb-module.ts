import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * How the DuckDB engine gets `@duckdb/node-api`. It is a native module (a ~70 MB binary per
 * platform), so the bundled GitHub Action leaves it out of dist/: there the module is either
 * beside the bundle (a repository with node_modules) or installed on demand into a folder whose
 * path is given here. The CLI always finds it in its own node_modules.
 */
export type DuckdbModule = typeof import('@duckdb/node-api');

export const DUCKDB_PACKAGE = '@duckdb/node-api';

let preferred: (() => Promise<DuckdbModule>) | undefined;

/**
 * How the CLI imports the module instead: with its name written out, so that the CLI's bundle
 * holds DuckDB's JavaScript (a hundred and twenty modules that take a tenth of a second to load
 * one by one) and leaves only the native binding to run time (scripts/cli/build-cli-bundle.mjs).
 */
export function preferDuckdbImport(load: () => Promise<DuckdbModule>): void {
  preferred = load;
}

/** Set by the first successful load, so the engine later reuses a module found under a prefix. */
let loaded: DuckdbModule | undefined;

function isModuleNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
}

export class DuckdbModuleMissingError extends Error {
  constructor(readonly searched: string[]) {
    super(`${DUCKDB_PACKAGE} is not installed (looked beside recon-gate${searched.length > 0 ? ` and in ${searched.join(', ')}` : ''})`);
    this.name = 'DuckdbModuleMissingError';
  }
}

/**
 * Imports `@duckdb/node-api` from the usual module resolution, else from `installPrefix`
 * (an `npm install --prefix <installPrefix>` folder). Throws DuckdbModuleMissingError when
 * neither has it; any other failure (a binary for the wrong platform) is thrown as it is.
 */
export async function loadDuckdbModule(installPrefix?: string): Promise<DuckdbModule> {
  if (loaded) return loaded;
  try {
    // webpackIgnore keeps this a runtime import in the action's bundle, which never holds DuckDB.
    loaded = preferred ? await preferred() : ((await import(/* webpackIgnore: true */ DUCKDB_PACKAGE)) as DuckdbModule);
    return loaded;
  } catch (error) {
    if (!isModuleNotFound(error)) throw error;
  }
  if (installPrefix === undefined) throw new DuckdbModuleMissingError([]);
  let entry: string;
  try {
    entry = createRequire(path.join(path.resolve(installPrefix), 'package.json')).resolve(DUCKDB_PACKAGE);
  } catch (error) {
    if (isModuleNotFound(error)) throw new DuckdbModuleMissingError([installPrefix]);
    throw error;
  }
  loaded = (await import(/* webpackIgnore: true */ pathToFileURL(entry).href)) as DuckdbModule;
  return loaded;
}
