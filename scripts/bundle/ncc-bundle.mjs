// One ncc build, shared by the action's bundle (dist/) and the CLI's (lib/bundle/).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DUCKDB = '@duckdb/node-api';

// Native modules stay out of the bundle: a .node binary is for one platform only. The Databricks
// driver's optional LZ4 codec and Rust kernel are optional and unused by recon-gate. DuckDB:
// the action installs the whole of `@duckdb/node-api` on demand (src/action/duckdb-install.ts),
// so it stays out; the CLI finds it in node_modules and bundles its JavaScript, leaving out only
// the native binding (see preferDuckdbImport in src/engines/duckdb/duckdb-module.ts).
export const DUCKDB_BINDINGS = '@duckdb/node-bindings';
const NATIVE = {
  'lz4-napi': 'lz4-napi',
  '/^@databricks\\/databricks-sql-kernel-.*$/': '$0',
};

/**
 * Bundles `entry` (a compiled file under lib/) into `outDir`/index.js plus its chunks, replacing
 * the folder; `duckdbExternal` is the DuckDB package left to run-time resolution. It also writes
 * the folder's package.json: ncc's ESM output needs its own package scope ("type": "module"), and
 * src/tool-version.ts reads the name, version and the DuckDB pin from beside the bundle because
 * ncc does not inline a manifest read through createRequire.
 */
export async function nccBundle(entry, outDir, { duckdbExternal }) {
  const externals = { ...NATIVE, [duckdbExternal]: duckdbExternal };
  const ncc = createRequire(import.meta.url)('@vercel/ncc');
  // No cache and no source map: the output depends on the inputs alone, so a rebuild is identical.
  const { code, assets } = await ncc(entry, { cache: false, sourceMap: false, minify: false, externals, quiet: true });
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'index.js'), code);
  for (const [name, asset] of Object.entries(assets)) {
    const file = path.join(outDir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, asset.source, { mode: asset.permissions });
  }
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const bundleManifest = { name: manifest.name, version: manifest.version, private: true, type: 'module', dependencies: { [DUCKDB]: manifest.dependencies[DUCKDB] } };
  writeFileSync(path.join(outDir, 'package.json'), `${JSON.stringify(bundleManifest, null, 2)}\n`);
}
