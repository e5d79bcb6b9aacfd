/**
 * The compiled Recon Gate library the benchmark drives. Other work may rebuild lib/ while a long
 * run is under way (and a half-edited source compiles to a broken module), so a run copies lib/
 * once at its start and every process of the run loads that copy. The copy lives in a temporary
 * folder, beside a package.json that keeps its .js files ES modules and a link to the
 * repository's node_modules/ that its imports resolve against; nothing is written to the work tree.
 */
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repository = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const builtLib = path.join(repository, 'lib');

/** Returns the folder holding the copy of lib/; `removeLibSnapshot` deletes it. */
export function snapshotLib() {
  if (!existsSync(path.join(builtLib, 'recon', 'run-suite.js'))) {
    throw new Error('lib/ is not built: run `npm run build:lib` first (`npm run bench` does)');
  }
  const root = mkdtempSync(path.join(os.tmpdir(), 'recon-gate-bench-lib-'));
  writeFileSync(path.join(root, 'package.json'), '{ "type": "module" }\n');
  symlinkSync(path.join(repository, 'node_modules'), path.join(root, 'node_modules'), 'junction');
  cpSync(builtLib, path.join(root, 'lib'), { recursive: true });
  // lib/'s source maps point at ../src: the copy carries src/ too, so stack traces and vitest resolve them.
  cpSync(path.join(repository, 'src'), path.join(root, 'src'), { recursive: true });
  return path.join(root, 'lib');
}

export function removeLibSnapshot(libFolder) {
  rmSync(path.dirname(libFolder), { recursive: true, force: true });
}

export async function loadReconLibrary(libFolder) {
  const load = (file) => import(pathToFileURL(path.join(libFolder, file)).href);
  const [engine, config, suite, dialect, databricksEngine, databricksDialect] = await Promise.all([
    load('engines/duckdb/duckdb-engine.js'),
    load('config/load-config.js'),
    load('recon/run-suite.js'),
    load('sql/dialects/duckdb-dialect.js'),
    load('engines/databricks/databricks-engine.js'),
    load('sql/dialects/databricks-dialect.js'),
  ]);
  return {
    DuckdbEngine: engine.DuckdbEngine,
    DatabricksEngine: databricksEngine.DatabricksEngine,
    loadConfigText: config.loadConfigText,
    runSuite: suite.runSuite,
    duckdbDialect: dialect.duckdbDialect,
    databricksDialect: databricksDialect.databricksDialect,
  };
}
