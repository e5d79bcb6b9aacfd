import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatConfigError } from '../config/config-error.js';
import { loadConfigText, toDisplayPath } from '../config/load-config.js';
import type { EngineName } from '../query/engine-name.js';
import { proposeConfig } from '../recon/propose-config.js';
import { dialectFor, openEngine } from '../backends/registry.js';
import { type StarterSide, starterConfig } from './starter-config.js';

export interface InitOptions {
  source: string;
  target: string;
  engine: EngineName;
  /** The config file to write; default recon-configs/<target name>.yml. */
  out?: string;
  /** A DuckDB folder of `<schema>/<table>` files, for table names on the embedded engine. */
  mount?: string;
  force: boolean;
}

const FILE_LIKE = /\.(parquet|csv|json|jsonl|ndjson)$/i;

function sideOf(given: string, configFolder: string): StarterSide {
  return FILE_LIKE.test(given) ? { file: path.relative(configFolder, path.resolve(given)).split(path.sep).join('/') } : { table: given };
}

function pairName(target: string): string {
  const base = FILE_LIKE.test(target) ? path.basename(target).replace(FILE_LIKE, '') : target.split('.').pop()!;
  return base.replace(/[^\p{L}\p{N}_-]+/gu, '_') || 'pair';
}

/** Writes a starter config for two sides; returns the exit status and what to tell the user. */
export async function runInit(options: InitOptions): Promise<{ code: 0 | 2; message: string }> {
  const name = pairName(options.target);
  const out = path.resolve(options.out ?? path.join('recon-configs', `${name}.yml`));
  if (existsSync(out) && !options.force) return { code: 2, message: `${toDisplayPath(out)} exists; pass --force to replace it, or --out <file>` };
  const folder = path.dirname(out);
  const source = sideOf(options.source, folder);
  const target = sideOf(options.target, folder);
  const mount = options.mount ? path.relative(folder, path.resolve(options.mount)).split(path.sep).join('/') || '.' : undefined;

  // The sides go through the loader first: the same checks as a real config (names, paths).
  const provisional = starterConfig(name, source, target, { sourceColumns: [], targetColumns: [], rows: { source: 0, target: 0 }, keyNote: '', columnMap: {}, floatColumns: [], onlyInSource: [], onlyInTarget: [] }, mount).replace('    # primary_key: [ ... ]', '    checks: [row_count]');
  const loaded = loadConfigText(provisional, out);
  if (!loaded.file) return { code: 2, message: loaded.errors.map(formatConfigError).join('\n') };
  const pair = loaded.file.pairs[0]!;
  const engine = await openEngine({ engine: options.engine, config: { files: [loaded.file] } });
  try {
    const proposal = await proposeConfig(engine, dialectFor(engine.name), pair.source, pair.target);
    mkdirSync(folder, { recursive: true });
    writeFileSync(out, starterConfig(name, source, target, proposal, mount));
    const key = proposal.key ? `key ${proposal.key.join(', ')}` : 'no key';
    return { code: 0, message: `wrote ${toDisplayPath(out)} (${key}; ${Object.keys(proposal.columnMap).length} mapped, ${proposal.floatColumns.length} tolerances): review it, then run recon-gate run --config ${toDisplayPath(out)}` };
  } finally {
    await engine.close();
  }
}
