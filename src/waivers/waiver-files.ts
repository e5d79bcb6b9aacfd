import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

const WAIVER_FILE_NAMES = ['waivers.yml', 'waivers.yaml'];

/**
 * The waivers files a run reads when none is named: `waivers.yml` (or `.yaml`) directly in each
 * config folder given, or beside each config file given. Config loading skips these names, so
 * the file can live with the configs it waives.
 */
export function defaultWaiverFiles(configPaths: readonly string[]): string[] {
  const folders = configPaths.map((given) => {
    try {
      return statSync(given).isDirectory() ? given : path.dirname(given);
    } catch {
      return undefined;
    }
  });
  const found = folders
    .filter((folder): folder is string => folder !== undefined)
    .flatMap((folder) => WAIVER_FILE_NAMES.map((name) => path.resolve(folder, name)).filter((file) => existsSync(file)));
  return [...new Set(found)];
}
